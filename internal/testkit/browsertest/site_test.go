package browsertest_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// repo is the repository's root, from this package's folder.
var repo = filepath.Join("..", "..", "..")

// The browser tests load the real site: the repository's content,
// templates and static files, built in memory once.
var realSite = sync.OnceValue(func() build.Result {
	return build.Site(os.DirFS(repo), build.Options{})
})

func builtSite(t *testing.T) output.Files {
	t.Helper()
	r := realSite()
	if r.Problems.HasErrors() {
		for _, d := range r.Problems.Errors() {
			t.Error(d)
		}
		t.Fatal("the real site does not build")
	}
	return r.Files
}

// serveSite starts a browser and serves the real site to it with the
// headers of netlify.toml.
func serveSite(t *testing.T) (output.Files, *browsertest.Browser, *browsertest.Server) {
	t.Helper()
	files := builtSite(t)
	b := browsertest.Start(t)
	return files, b, browsertest.Serve(t, files, browsertest.Netlify(t))
}

// urlPath is the URL a file of the site is served at.
func urlPath(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + name
}

func TestMain(m *testing.M) {
	os.Exit(browsertest.Main(m))
}
