package devserver

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/translation"
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

// startFrenchSite serves the small site with a French edition: its
// settings and strings, a home page, and a translation of the first
// article made from the English page as it is.
func startFrenchSite(t *testing.T) *site {
	t.Helper()
	dir := copySmallSite(t)
	s := &site{t: t, dir: dir}
	first := translation.Hash([]byte(readFile(t, dir, "content/articles/first.md")))
	s.write("content/fr/site.yaml", "title: Petit\nlanguage: fr-CA\ndescription: Un petit site.\nquick_exit: https://www.example.com/\n"+
		"crisis:\n  - name: Urgence\n    href: tel:911\nmenu:\n  - title: Début\n    url: /fr/articles/first/\n")
	s.write("templates/i18n/fr.yaml", readFile(t, dir, "templates/i18n/en.yaml")) // every string, in English: enough here
	s.write("content/fr/_index.md", md("Accueil", "Bonjour."))
	s.write("content/fr/articles/first.md", "---\ntitle: Le premier pas\ndescription: d\nstep: 1\nsource: "+first+"\n---\nTexte.\n")
	s = serveSite(t, dir, Options{}, realBuilder, afterPatience)
	if s.first.event == "errors" {
		t.Fatalf("the French site does not build: %s", s.first.data)
	}
	return s
}

// connect opens the event stream as a browser showing the page at path
// does, and returns what it is told first: the current build's warnings,
// if it has any, else the reload of the next build, which news, a change,
// starts.
func (s *site) connect(path string, news func()) sse {
	s.t.Helper()
	_, page := s.get(path)
	id := regexp.MustCompile(`data-build="([^"]+)"`).FindStringSubmatch(page)
	if id == nil {
		s.t.Fatalf("GET %s has no data-build:\n%s", path, page)
	}
	other := &site{t: s.t, srv: s.srv, events: make(chan sse, 100)}
	resp, err := http.Get(s.srv.URL + "_guide/events?since=" + id[1])
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { resp.Body.Close() })
	go other.read(resp)
	news()
	return other.nextEvent()
}

// TestTranslationOutOfDateLive: editing an English page shows its
// translation out of date in every page's list of warnings at the next
// rebuild, without a restart; marking the translation clears it.
func TestTranslationOutOfDateLive(t *testing.T) {
	s := startFrenchSite(t)
	if code, body := s.get("/fr/nope/"); code != 404 || !strings.Contains(body, `lang="fr-CA"`) {
		t.Errorf("GET /fr/nope/: %d, want 404 with the French not-found page:\n%s", code, body)
	}
	english := readFile(t, s.dir, "content/articles/first.md")
	touch := func() { s.write("content/about.md", md("About", "Edited.")) }
	const at = `"path":"content/fr/articles/first.md"`
	if ev := s.connect("/fr/articles/first/", touch); strings.Contains(ev.data, at) {
		t.Fatalf("a current translation: the browser is told %+v first, want no warning about it", ev)
	}
	s.waitEvent("reload")

	s.write("content/articles/first.md", english+"\nA new paragraph.\n")
	s.waitEvent("reload")
	ev := s.connect("/fr/articles/first/", touch)
	want := `{"path":"content/fr/articles/first.md","line":1,"col":1,"message":"content/articles/first.md has changed since this translation was made`
	if ev.event != "warnings" || !strings.Contains(ev.data, want) {
		t.Fatalf("after the English page changed, the browser is told %+v first, want the warning %s", ev, want)
	}
	s.waitEvent("reload")

	name := filepath.Join(s.dir, "content/fr/articles/first.md")
	data, _ := os.ReadFile(name)
	marked, err := translation.Mark(data, []byte(readFile(t, s.dir, "content/articles/first.md")))
	if err != nil {
		t.Fatal(err)
	}
	s.write("content/fr/articles/first.md", string(marked))
	s.waitEvent("reload")
	if ev := s.connect("/fr/articles/first/", touch); strings.Contains(ev.data, at) {
		t.Errorf("after -mark, the browser is told %+v first, want no warning about the translation", ev)
	}
}
