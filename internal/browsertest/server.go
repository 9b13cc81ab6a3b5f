package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/trustguide/guide/internal/deploy"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/redirects"
	"github.com/trustguide/guide/internal/serve"
)

// Server serves a built site the way Netlify does: pretty URLs ("/x/" is
// x/index.html, "/x" redirects to "/x/"), the redirects of _redirects,
// 404.html with the status 404, and the headers of netlify.toml.
type Server struct {
	URL string // "http://127.0.0.1:port", the origin of every page

	config *deploy.Config

	mu        sync.Mutex
	files     output.Files
	redirects map[string]redirect
	served    []string // the paths asked for, in order
}

type redirect struct {
	to     string
	status int
}

// Serve serves files on a loopback port until the test ends. config gives
// the headers; nil sends none.
func Serve(t testing.TB, files output.Files, config *deploy.Config) *Server {
	t.Helper()
	s := &Server{files: files, config: config, redirects: parseRedirects(files["_redirects"])}
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
	s.files, s.redirects = files, parseRedirects(files["_redirects"])
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
	files, redirects := s.files, s.redirects
	s.mu.Unlock()
	if rd, ok := redirects[strings.TrimSuffix(p, "/")]; ok {
		http.Redirect(w, r, rd.to, rd.status)
		return
	}
	name, ok := files.Lookup(p)
	status := http.StatusOK
	switch {
	case !ok || strings.HasPrefix(name, "_"):
		name, status = "404.html", http.StatusNotFound
	case strings.HasSuffix(name, "/index.html") && !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html"):
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	body, ok := files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	if s.config != nil {
		for k, v := range s.config.HeadersFor(p) {
			h[k] = v
		}
	}
	h.Set("Content-Type", serve.ContentType(name, body))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// parseRedirects reads the rules of a _redirects file, by the path they
// start from.
func parseRedirects(data []byte) map[string]redirect {
	m := map[string]redirect{}
	for _, r := range redirects.Parse(data) {
		m[strings.TrimSuffix(r.From, "/")] = redirect{r.To, r.Status}
	}
	return m
}

// Netlify reads the repository's netlify.toml, found by walking up from the
// test's folder to go.mod.
func Netlify(t testing.TB) *deploy.Config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(RepoRoot(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := deploy.Parse(data)
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
