package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/trustguide/guide/internal/liveserver"
	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
)

// Server serves a built site the way Netlify does: pretty URLs ("/x/" is
// x/index.html, "/x" redirects to "/x/"), the redirects of _redirects,
// 404.html with the status 404, and the headers of netlify.toml.
type Server struct {
	URL string // "http://127.0.0.1:port", the origin of every page

	config *netlify.Config

	mu     sync.Mutex
	site   *netlify.Site
	served []string // the paths asked for, in order
}

// Serve serves files on a loopback port until the test ends. config gives
// the headers; nil sends none.
func Serve(t testing.TB, files output.Files, config *netlify.Config) *Server {
	t.Helper()
	s := &Server{site: netlify.NewSite(files), config: config}
	ts := httptest.NewServer(s) // listens on 127.0.0.1
	t.Cleanup(ts.Close)
	s.URL = ts.URL
	return s
}

// Replace serves another build of the site from now on, as a new deploy
// does.
func (s *Server) Replace(files output.Files) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.site = netlify.NewSite(files)
}

// Served returns the paths the server was asked for since the last call,
// and forgets them.
func (s *Server) Served() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.served
	s.served = nil
	return out
}

// Page returns the full URL of a path of the site.
func (s *Server) Page(urlPath string) string {
	return s.URL + urlPath
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.mu.Lock()
	s.served = append(s.served, p)
	site := s.site
	s.mu.Unlock()
	a := site.Answer(p)
	if a.Redirects() {
		http.Redirect(w, r, a.Location, a.Status)
		return
	}
	if a.File == "" {
		http.NotFound(w, r)
		return
	}
	name, body, status := a.File, site.Files()[a.File], a.Status
	h := w.Header()
	if s.config != nil {
		for k, v := range s.config.HeadersFor(p) {
			h[k] = v
		}
	}
	h.Set("Content-Type", liveserver.ContentType(name, body))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// Netlify reads the repository's netlify.toml, found by walking up from the
// test's folder to go.mod.
func Netlify(t testing.TB) *netlify.Config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(RepoRoot(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := netlify.ParseConfig(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// RepoRoot returns the folder holding go.mod, above the test's folder.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
