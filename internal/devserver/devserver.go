// Package devserver is "guide serve": it builds the site, serves it from
// memory, watches the sources and rebuilds on every save, and tells the
// browser to reload once the new build is in place.
//
// One goroutine owns the Builder: the watcher sends it batches of changed
// paths, it rebuilds and publishes. A failed build keeps the last good site
// on the server while every page shows the errors.
//
// The loop always recovers: after any failed build, the next change builds
// again. A build that panics is shown as an error, and the next one starts
// from a new Builder. A build that has not finished after 20 s (something it
// reads may never answer) is reported as maybe stuck, in the terminal and in
// the browser; it is still published if it finishes before the next change,
// and left behind for a new Builder if it does not.
package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/liveserver"
	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/sitefs"
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

	opt        Options
	root       *sitefs.FS
	newBuilder newBuilder
	deadline   deadline
	builder    builder // owned by the loop
	http       *http.Server
	serve      *liveserver.Server
	watcher    *watch.Watcher
	netlify    atomic.Pointer[netlify.Config] // netlify.toml, read again when it changes
	netlifyBad diag.List                      // what is wrong with netlify.toml, if anything; owned by the loop
	settled    chan struct{}                  // the first build is published, or stuck
	settleOnce sync.Once
	quit       chan struct{} // closed by Close
	done       chan struct{} // closed when the loop ends
}

// Start builds the site, starts serving it and watching it, and returns.
func Start(opt Options) (*Server, error) { return start(opt, realBuilder, afterPatience) }

// start is Start with the builder and the deadline chosen by the caller.
func start(opt Options, nb newBuilder, late deadline) (*Server, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	ln, err := liveserver.Listen(opt.Addr)
	if err != nil {
		return nil, err
	}
	root, err := sitefs.Open(opt.Root)
	if err != nil {
		ln.Close()
		return nil, err
	}
	// Watch before the first build, so that a change saved during it is built next.
	w, err := watch.New(opt.Root, watched, watch.Options{Poll: opt.Poll})
	if err != nil {
		ln.Close()
		root.Close()
		return nil, err
	}
	s := &Server{
		URL: "http://" + ln.Addr().String() + "/", opt: opt, root: root, watcher: w,
		newBuilder: nb, deadline: late,
		settled: make(chan struct{}), quit: make(chan struct{}), done: make(chan struct{}),
	}
	s.serve = liveserver.New(liveserver.Options{Headers: s.headersFor})
	s.freshBuilder()
	go s.loop(s.begin(nil))
	<-s.settled
	s.http = &http.Server{Handler: s.serve, ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(ln)
	if opt.Ready != nil {
		opt.Ready(s.URL)
	}
	return s, nil
}

// buildOptions are the dev server's: drafts shown, links to this server.
func (s *Server) buildOptions() build.Options {
	return build.Options{Drafts: true, BaseURL: s.URL, DevServer: true}
}

// settle lets Start return, once the first build is published or stuck.
func (s *Server) settle() { s.settleOnce.Do(func() { close(s.settled) }) }

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
		fmt.Fprintf(s.opt.Log, "%s  %s: %s, still serving the last good site (%d ms)\n",
			time.Now().Format("15:04:05"), what, diag.Count(len(errs), "error"), r.Elapsed.Milliseconds())
		return
	}
	fmt.Fprintf(s.opt.Log, "%s  %s: %s drawn, %s, %d ms\n",
		time.Now().Format("15:04:05"), what, diag.Count(r.Drawn, "page"), diag.Count(len(r.Files), "file"), r.Elapsed.Milliseconds())
}

// readHeaders reads netlify.toml again. A site without one is served
// without its headers; a broken one, or one that is not a file, is an
// error shown with every build's problems until it is mended, and the last
// good one is kept meanwhile.
func (s *Server) readHeaders() diag.List {
	cfg, e := netlify.Read(s.root)
	if e == nil {
		s.netlify.Store(cfg)
		return nil
	}
	if s.netlify.Load() == nil {
		s.netlify.Store(&netlify.Config{})
	}
	var problems diag.List
	problems.Add(netlify.Path, e.Line, e.Col, "%s; until it is mended, serve uses the headers it read before", e.Message)
	return problems
}

// headersFor applies the site's own headers from netlify.toml, so the
// strict Content-Security-Policy holds while writing too.
func (s *Server) headersFor(urlPath string) http.Header {
	return s.netlify.Load().HeadersFor(urlPath)
}

// Close stops watching and serving. A build still running is left to end
// by itself.
func (s *Server) Close() error {
	close(s.quit)
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
