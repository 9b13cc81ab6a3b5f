package devserver

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/output"
)

// filesBuilder builds the same files every time.
type filesBuilder output.Files

func (f filesBuilder) Build([]string) build.Result { return build.Result{Files: output.Files(f)} }

// TestLanguageNotFoundPages: serve answers a missing French URL with the
// French not-found page, as the build's _redirects says and Netlify does,
// and a missing English one with the English page.
func TestLanguageNotFoundPages(t *testing.T) {
	html := func(text string) []byte { return []byte("<!doctype html><title>t</title><p>" + text + "</p>") }
	files := filesBuilder{
		"index.html":    html("home"),
		"404.html":      html("not found"),
		"fr/index.html": html("accueil"),
		"fr/404.html":   html("page introuvable"),
		"_redirects":    []byte("/w/x /worksheets/x/ 301\n/fr/* /fr/404.html 404\n"),
	}
	s := &site{t: t, dir: t.TempDir()}
	s.write("content/a.md", "x")
	s = serveSite(t, s.dir, Options{}, func(fs.FS, build.Options) builder { return files }, afterPatience)
	for path, want := range map[string]string{"/fr/nope/": "page introuvable", "/fr/articles/x/": "page introuvable", "/nope/": "not found", "/frx/": "not found"} {
		if code, body := s.get(path); code != 404 || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d, want 404 with %q:\n%s", path, code, want, body)
		}
	}
	s.wantPage("/fr/", "accueil")
}
