// Package devserver is "guide serve": it builds the site, serves it from
// memory, watches the sources and rebuilds on every save, and tells the
// browser to reload once the new build is in place.
//
// One goroutine owns the Builder: the watcher sends it batches of changed
// paths, it rebuilds and publishes. A failed build keeps the last good site
// on the server while every page shows the errors.
package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/deploy"
	"github.com/trustguide/guide/internal/serve"
	"github.com/trustguide/guide/internal/watch"
)

// Options configure a dev server.
type Options struct {
	Root  string        // the site's folder
	Addr  string        // where to listen: 127.0.0.1:1313 unless told otherwise
	Poll  time.Duration // >0: poll for changes instead of file system events
	Log   io.Writer     // one line per build, and every problem
	Ready func(url string)
}

// watched are the folders and files whose changes trigger a rebuild.
var watched = []string{"content", "templates", "static", "netlify.toml"}

// Run serves until ctx is done.
func Run(ctx context.Context, opt Options) error {
	s, err := Start(opt)
	if err != nil {
		return err
	}
	<-ctx.Done()
	return s.Close()
}

// Server is a running dev server.
type Server struct {
	URL string // "http://127.0.0.1:1313/"

	opt     Options
	root    *os.Root
	builder *build.Builder
	http    *http.Server
	serve   *serve.Server
	watcher *watch.Watcher
	netlify atomic.Pointer[deploy.Config] // netlify.toml, read again when it changes
	done    chan struct{}
}

// Start builds the site, starts serving it and watching it, and returns.
func Start(opt Options) (*Server, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	ln, err := serve.Listen(opt.Addr)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(opt.Root)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("cannot open the site folder: %w", err)
	}
	s := &Server{URL: "http://" + ln.Addr().String() + "/", opt: opt, root: root, done: make(chan struct{})}
	s.readHeaders()
	s.serve = serve.New(serve.Options{Headers: s.headersFor})
	s.builder = build.NewBuilder(root.FS(), build.Options{Drafts: true, BaseURL: s.URL, DevServer: true})
	s.rebuild(nil)

	s.watcher, err = watch.New(opt.Root, watched, watch.Options{Poll: opt.Poll})
	if err != nil {
		ln.Close()
		root.Close()
		return nil, err
	}
	s.http = &http.Server{Handler: s.serve, ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(ln)
	go s.loop()
	if opt.Ready != nil {
		opt.Ready(s.URL)
	}
	return s, nil
}

// loop owns the builder: one rebuild per batch of changes.
func (s *Server) loop() {
	defer close(s.done)
	events, errs := s.watcher.Events(), s.watcher.Errors()
	for events != nil {
		select {
		case batch, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if batch.Rescan {
				s.rebuild(nil)
			} else {
				s.rebuild(batch.Paths)
			}
		case err, ok := <-errs:
			if ok {
				fmt.Fprintf(s.opt.Log, "watch: %v\n", err)
			} else {
				errs = nil
			}
		}
	}
}

func (s *Server) rebuild(changed []string) {
	for _, c := range changed {
		if c == "netlify.toml" {
			s.readHeaders()
		}
	}
	r := s.builder.Build(changed)
	s.serve.Publish(r.Files, r.Problems)
	s.report(r)
}

// report prints one line per build, and every problem.
func (s *Server) report(r build.Result) {
	for _, d := range r.Problems {
		fmt.Fprintln(s.opt.Log, d.String())
	}
	what := r.Changed
	if len(what) > 60 {
		what = what[:57] + "..."
	}
	if errs := r.Problems.Errors(); len(errs) > 0 {
		fmt.Fprintf(s.opt.Log, "%s  %s: %d errors, still serving the last good site (%d ms)\n",
			time.Now().Format("15:04:05"), what, len(errs), r.Elapsed.Milliseconds())
		return
	}
	fmt.Fprintf(s.opt.Log, "%s  %s: %d pages drawn, %d files, %d ms\n",
		time.Now().Format("15:04:05"), what, r.Drawn, len(r.Files), r.Elapsed.Milliseconds())
}

// readHeaders reads netlify.toml again. A site without one is served
// without its headers; a broken one is reported and the last good one kept.
func (s *Server) readHeaders() {
	data, err := os.ReadFile(filepath.Join(s.opt.Root, "netlify.toml"))
	if err != nil {
		s.netlify.Store(&deploy.Config{})
		return
	}
	cfg, err := deploy.Parse(data)
	if err != nil {
		fmt.Fprintf(s.opt.Log, "netlify.toml: %v (serving with the headers read before)\n", err)
		if s.netlify.Load() == nil {
			s.netlify.Store(&deploy.Config{})
		}
		return
	}
	s.netlify.Store(cfg)
}

// headersFor applies the site's own headers from netlify.toml, so the
// strict Content-Security-Policy holds while writing too.
func (s *Server) headersFor(urlPath string) http.Header {
	return s.netlify.Load().HeadersFor(urlPath)
}

// Close stops watching and serving.
func (s *Server) Close() error {
	err := s.watcher.Close()
	<-s.done
	s.serve.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if e := s.http.Shutdown(ctx); e != nil && !errors.Is(e, http.ErrServerClosed) {
		err = errors.Join(err, e)
	}
	return errors.Join(err, s.root.Close())
}
