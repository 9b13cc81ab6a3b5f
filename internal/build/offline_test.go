package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/offline"
)

// TestPrintViewFollowsArticles: /print/ holds every article's body and is
// drawn again when one changes, with a worker whose cache has a new name.
func TestPrintViewFollowsArticles(t *testing.T) {
	fsys := smallSite(t, nil)
	b := NewBuilder(fsys, Options{})
	first := b.Build(nil)
	if first.Problems.HasErrors() {
		t.Fatal(first.Problems)
	}
	page := string(first.Files["print/index.html"])
	for _, want := range []string{"A second heading with the same text", "Back to", `id="chapter-second--why-it-matters"`} {
		if !strings.Contains(page, want) {
			t.Errorf("/print/ lacks %q", want)
		}
	}
	if !strings.Contains(string(first.Manifest), "/print/\n") {
		t.Errorf("content/urls.txt would not promise /print/:\n%s", first.Manifest)
	}

	name := "content/articles/second.md"
	set(fsys, name, string(fsys[name].Data)+"\nA paragraph added later.\n")
	r := b.Build([]string{name})
	if !strings.Contains(string(r.Files["print/index.html"]), "A paragraph added later.") {
		t.Error("after an article's body changed, /print/ still shows the old one")
	}
	if bytes.Equal(r.Files[offline.WorkerPath], first.Files[offline.WorkerPath]) {
		t.Error("after an article changed, /sw.js is the same: readers would keep the old copy")
	}
}

func TestPrintViewIsOptional(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"templates/print.html": ""}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	if _, ok := r.Files["print/index.html"]; ok {
		t.Error("a site without templates/print.html has a /print/ page")
	}
}

func TestPrintViewURLTaken(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"content/print.md": "---\ntitle: Print\ndescription: d\n---\nText.\n"}), Options{})
	wantError(t, r.Problems, "content/print.md:1:1", "where the builder puts the whole guide to print")
}

// TestDevServerRegistersNoWorker: pages built for guide serve name no
// service worker, and its /sw.js only retires one left from a built site.
func TestDevServerRegistersNoWorker(t *testing.T) {
	base := string(smallSite(t, nil)["templates/base.html"].Data)
	base = strings.Replace(base, "<body>", `<body{{with .Site.Worker}} data-worker="{{.}}"{{end}}>`, 1)
	fsys := smallSite(t, map[string]string{"templates/base.html": base})

	built := Site(fsys, Options{})
	if !strings.Contains(string(built.Files["index.html"]), `data-worker="/sw.js"`) {
		t.Error("a built page does not name the service worker")
	}
	if !bytes.Contains(built.Files[offline.WorkerPath], []byte("addAll(")) {
		t.Error("a built site's /sw.js keeps no files")
	}

	served := Site(fsys, Options{DevServer: true})
	if served.Problems.HasErrors() {
		t.Fatal(served.Problems)
	}
	for name, data := range served.Files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("data-worker")) {
			t.Errorf("%s, built for guide serve, names a service worker", name)
		}
	}
	if !bytes.Equal(served.Files[offline.WorkerPath], offline.Retired()) {
		t.Error("guide serve's /sw.js is not the retired worker")
	}
}
