package linkcheck

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/output"
)

func TestAttrs(t *testing.T) {
	html := `<html lang="en"><body id="top"><a href="/a/?x=1&amp;y=2" class="c">A</a>` +
		`<img src="/img/lake.jpg" alt="lake"><h2 id="why-&#34;it&#34;">Why</h2>` +
		`<a href="#it&#39;s">B</a><a data-href="/not-a-link/">C</a></body></html>`
	refs, ids := Attrs([]byte(html))
	wantRefs := []string{"/a/?x=1&y=2", "/img/lake.jpg", "#it's"} // in document order
	wantIDs := []string{"top", `why-"it"`}
	if !reflect.DeepEqual(refs, wantRefs) {
		t.Errorf("refs = %q, want %q", refs, wantRefs)
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ids = %q, want %q", ids, wantIDs)
	}
}

func TestResolve(t *testing.T) {
	const file = "articles/x/index.html"
	for _, c := range []struct {
		ref              string
		target, fragment string
		internal         bool
	}{
		{"/worksheets/", "/worksheets/", "", true},
		{"/articles/y/#why", "/articles/y/", "why", true},
		{"../y/", "/articles/y/", "", true},
		{"lake.jpg", "/articles/x/lake.jpg", "", true},
		{"#why", "", "why", true},
		{"/caf%C3%A9/", "/café/", "", true},
		{"https://example.org/", "", "", false},
		{"http://example.org/a#b", "", "", false},
		{"//example.org/a", "", "", false},
		{"mailto:help@example.org", "", "", false},
		{"tel:+441234", "", "", false},
	} {
		target, fragment, internal := Resolve(file, c.ref)
		if target != c.target || fragment != c.fragment || internal != c.internal {
			t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q, %v",
				c.ref, target, fragment, internal, c.target, c.fragment, c.internal)
		}
	}
}

func TestCheck(t *testing.T) {
	files := output.Files{
		"index.html": page(`<h2 id="start">Start</h2>
			<a href="/articles/a/">ok</a> <a href="/articles/a">ok without slash</a>
			<a href="/articles/a/#why">ok</a> <a href="#start">ok</a> <a href="https://example.org/">external</a>
			<a href="/guide.pdf#page=2">fragment of a non-HTML file</a> <a href="/old/">redirect</a>
			<a href="/articles/gone/">missing page</a> <a href="/articles/a/#who">missing id</a>
			<a href="#end">missing id here</a> <img src="/missing.png" alt="">`),
		"articles/a/index.html": page(`<h2 id="why">Why</h2>`),
		"guide.pdf":             []byte("%PDF"),
	}
	want := []Broken{
		{"index.html", "/articles/gone/", "no page or file of the site is at /articles/gone/"},
		{"index.html", "/articles/a/#who", `there is no id "who" in /articles/a/`},
		{"index.html", "#end", `there is no id "end" in /`},
		{"index.html", "/missing.png", "no page or file of the site is at /missing.png"},
	}
	got := Check(files, map[string]bool{"/old/": true})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check\n got %q\nwant %q", got, want)
	}
}

// TestIndexIncremental checks that a target's changed ids break the
// fragment links into it when only the target is rechecked.
func TestIndexIncremental(t *testing.T) {
	files := output.Files{
		"a/index.html": page(`<a href="/b/#why">why</a> <a href="/b/">b</a>`),
		"b/index.html": page(`<h2 id="why">Why</h2>`),
	}
	ix := NewIndex()
	for _, name := range files.Paths() {
		ix.Update(name, files[name])
	}
	ix.Recheck(files, files.Paths(), nil)
	if got := ix.Broken(); len(got) != 0 {
		t.Fatalf("first build: broken %q", got)
	}

	files["b/index.html"] = page(`<h2 id="reasons">Reasons</h2>`)
	ix.Update("b/index.html", files["b/index.html"])
	ix.Recheck(files, []string{"b/index.html"}, nil)
	want := []Broken{{"a/index.html", "/b/#why", `there is no id "why" in /b/`}}
	if got := ix.Broken(); !reflect.DeepEqual(got, want) {
		t.Errorf("after b lost #why: broken %q, want %q", got, want)
	}
	if ix.HasID("b/index.html", "why") || !ix.HasID("b/index.html", "reasons") {
		t.Errorf("HasID does not follow b's new ids")
	}
	if !ix.HasID("guide.pdf", "page=2") {
		t.Errorf("HasID of a file that is not HTML = false, want true")
	}

	files["b/index.html"] = page(`<h2 id="why">Why</h2>`)
	ix.Update("b/index.html", files["b/index.html"])
	ix.Recheck(files, []string{"b/index.html"}, nil)
	if got := ix.Broken(); len(got) != 0 {
		t.Errorf("after b got #why back: broken %q", got)
	}

	delete(files, "a/index.html")
	files["b/index.html"] = page(`<h2 id="other">Other</h2>`)
	ix.Remove("a/index.html")
	ix.Update("b/index.html", files["b/index.html"])
	ix.Recheck(files, []string{"a/index.html", "b/index.html"}, nil)
	if got := ix.Broken(); len(got) != 0 {
		t.Errorf("a removed: broken %q, want none", got)
	}
}

func page(body string) []byte {
	return []byte(`<!doctype html><html lang="en"><body>` + body + `</body></html>`)
}

// A site big enough to be checked on several goroutines finds each broken
// link once, in its file, as a small one does.
func TestCheckManyFiles(t *testing.T) {
	files := output.Files{}
	const n = 3 * filesPerWorker
	for i := range n {
		next := fmt.Sprintf("/p%d/#top", (i+1)%n)
		if i%100 == 7 {
			next = fmt.Sprintf("/p%d/#nowhere", (i+1)%n)
		}
		files[fmt.Sprintf("p%d/index.html", i)] = []byte(`<h1 id="top">x</h1><a href="/">home</a><a href="` + next + `">next</a><a href="/gone/">gone</a>`)
	}
	files["index.html"] = []byte(`<p>home</p>`)
	broken := Check(files, nil)
	var gone, nowhere int
	for _, b := range broken {
		switch {
		case b.Target == "/gone/":
			gone++
		case strings.HasSuffix(b.Target, "#nowhere"):
			nowhere++
		default:
			t.Errorf("%s: %s is not broken", b.File, b.Target)
		}
	}
	if gone != n || nowhere != (n+92)/100 {
		t.Errorf("found %d links to /gone/ (want %d) and %d to #nowhere (want %d)", gone, n, nowhere, (n+92)/100)
	}
}
