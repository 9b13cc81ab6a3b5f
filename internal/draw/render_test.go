package draw

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/minifier"
)

// templates returns a minimal templates/ folder: a base, a partial, and one
// template per kind that uses both and the asset function.
func templates() fstest.MapFS {
	fsys := fstest.MapFS{
		"templates/base.html": {Data: []byte(`<title>{{.Page.Title}}</title><main>{{block "main" .}}{{end}}</main>`)},
		"templates/_toc.html": {Data: []byte(`<nav>{{range .Page.TOC}}<a href="#{{.ID}}">{{.Text}}</a>{{end}}</nav>`)},
	}
	for _, kind := range content.Kinds {
		fsys["templates/"+string(kind)+".html"] = &fstest.MapFile{Data: []byte(
			`{{define "main"}}<p>` + string(kind) + `</p>{{template "_toc.html" .}}<link href="{{asset "css/site.css"}}">{{end}}`)}
	}
	return fsys
}

var funcs = template.FuncMap{"asset": func(name string) string { return "/" + name }}

func TestExecute(t *testing.T) {
	var problems diag.List
	tm := LoadTemplates(templates(), funcs, minifier.Templates(), &problems)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%v", problems)
	}
	var got bytes.Buffer
	err := tm.Execute(&got, &View{Site: SiteOf(&SiteView{}, nil), Page: &PageView{
		Kind: "article", Title: "Trust & time",
		TOC: []Heading{{Level: 2, ID: "why", Text: "Why <now>"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := `<title>Trust &amp; time</title><main><p>article</p><nav><a href="#why">Why &lt;now&gt;</a></nav><link href="/css/site.css"></main>`
	if got.String() != want {
		t.Errorf("got  %s\nwant %s", got.String(), want)
	}
	if err := tm.Execute(io.Discard, &View{Site: SiteOf(&SiteView{}, nil), Page: &PageView{Kind: "recipe"}}); err == nil {
		t.Error("a kind without a template: no error")
	}
}

// A template saved with a byte order mark draws the same pages: the mark
// would come before <!doctype html> in every page.
func TestByteOrderMarkIsDropped(t *testing.T) {
	fsys := templates()
	fsys["templates/base.html"].Data = append([]byte("\uFEFF"), fsys["templates/base.html"].Data...)
	var problems diag.List
	tm := LoadTemplates(fsys, funcs, minifier.Templates(), &problems)
	var got bytes.Buffer
	if err := tm.Execute(&got, &View{Site: SiteOf(&SiteView{}, nil), Page: &PageView{Kind: "article"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got.String(), "<title>") {
		t.Errorf("the page starts %q, want <title>", got.String()[:10])
	}
}

func TestLoadTemplatesProblems(t *testing.T) {
	for _, c := range []struct {
		name, file, data string // empty data removes the file; file "*" removes every file
		want             string
	}{
		{"no base", "base.html", "",
			"templates/base.html:1:1: missing: every page is drawn inside templates/base.html; create it"},
		{"no kind", "404.html", "",
			`templates/404.html:1:1: missing: 404 pages need this template; create it with {{define "main"}}...{{end}}`},
		{"parse error", "article.html", "{{define \"main\"}}\nok\n<p>{{if}}</p>\n{{end}}",
			"templates/article.html:3:4: missing value for if"},
		{"parse error on a line of many actions", "article.html", "{{define \"main\"}}\nok\n{{if}}{{end}}",
			"templates/article.html:3:1: missing value for if"},
		{"parse error in a partial, said once", "_toc.html", "\n<nav>{{.Page.Title",
			"templates/_toc.html:2:6: unclosed action"},
		{"parse error in the base, said once", "base.html", "<title>\n\n{{.Page.Title}</title>",
			"templates/base.html:3:1: bad character U+007D '}'"},
		{"unknown function", "page.html", "\n\n<p>{{.Page.Title}} {{shout .}}</p>",
			`templates/page.html:3:22: function "shout" not defined`},
		{"broken HTML, found at once", "_toc.html", "<nav>\n<a href='{{.Page.URL}}</nav>",
			"templates/base.html:1:1: a tag, attribute or quote is left open here or in a template it calls"},
		{"a missing template", "page.html", `{{define "main"}}{{template "_nope.html" .}}{{end}}`,
			`templates/page.html:1:28: no such template "_nope.html"`},
		{"no templates", "*", "",
			"templates:1:1: no templates found: the site needs templates/base.html and one file per kind of page"},
	} {
		fsys := templates()
		switch {
		case c.file == "*":
			clear(fsys)
		case c.data == "":
			delete(fsys, "templates/"+c.file)
		default:
			fsys["templates/"+c.file].Data = []byte(c.data)
		}
		var problems diag.List
		if LoadTemplates(fsys, funcs, minifier.Templates(), &problems) != nil {
			t.Errorf("%s: templates with a problem were loaded", c.name)
		}
		if got := problems.Sort().Error(); !strings.HasPrefix(got, c.want) || strings.Count(got, "\n") > 0 {
			t.Errorf("%s:\n got %s\nwant %s (one problem)", c.name, got, c.want)
		}
	}
}

// TestExecProblem: pages are drawn from minified templates, whose lines are
// not the author's; a problem is still reported where the author wrote it.
func TestExecProblem(t *testing.T) {
	fsys := templates()
	fsys["templates/article.html"].Data = []byte("{{define \"main\"}}\n<p>\n  Some text\n</p>\n\n  {{.Page.Nope}}{{end}}")
	var problems diag.List
	tm := LoadTemplates(fsys, funcs, minifier.Templates(), &problems)
	v := &View{Site: SiteOf(&SiteView{}, nil), Page: &PageView{Kind: "article"}}
	err := tm.Execute(io.Discard, v)
	if err == nil {
		t.Fatal("no error")
	}
	d := tm.Problem(v, err)
	if d.Path != "templates/article.html" || d.Line != 6 || d.Col != 9 || !strings.Contains(d.Message, "Nope") {
		t.Errorf("Problem = %v, want templates/article.html:6:9 about Nope", d)
	}
}

// day is a front matter date without a time.
func day(s string) content.Date {
	d, ok := content.ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

var entries = []Entry{
	{URL: "/", Title: "Home", Kind: "home"},
	{URL: "/articles/a/", Title: "Sorry & <after>", Kind: "article", Date: day("2024-01-02"), Description: `Say "sorry"`},
	{URL: "/articles/b/", Title: "B", Kind: "article", Date: day("2023-05-01"), Updated: day("2024-03-04")},
	{URL: "/worksheets/w/", Title: "W", Kind: "worksheet", Date: day("2024-02-01")},
	{URL: "/about/", Title: "About", Kind: "page", Date: day("2025-01-01")},
	{URL: "/articles/undated/", Title: "Undated", Kind: "article"},
}

// listed is what the sitemap and feed say of each entry.
func listed(base string, entries []Entry) []Listed {
	var out []Listed
	for _, e := range entries {
		out = append(out, ListedOf(base, e))
	}
	return out
}

func TestSitemap(t *testing.T) {
	var sitemap struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	data := Sitemap(listed("https://example.org/", entries), false)
	if err := xml.Unmarshal(data, &sitemap); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, data)
	}
	var got []string
	for _, u := range sitemap.URLs {
		got = append(got, u.Loc+" "+u.LastMod)
	}
	want := []string{
		"https://example.org/ ",
		"https://example.org/articles/a/ 2024-01-02",
		"https://example.org/articles/b/ 2024-03-04", // updated wins over date
		"https://example.org/worksheets/w/ 2024-02-01",
		"https://example.org/about/ 2025-01-01",
		"https://example.org/articles/undated/ ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sitemap\n got %q\nwant %q", got, want)
	}
}

type feed struct {
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func TestFeed(t *testing.T) {
	site := &SiteView{Title: "Trust & repair", BaseURL: "https://example.org/"}
	data := Feed(site, listed(site.BaseURL, entries))
	var f feed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, data)
	}
	if f.Title != site.Title || f.Updated != "2024-03-04T00:00:00Z" {
		t.Errorf("feed title %q, updated %q; want %q, the newest entry's 2024-03-04T00:00:00Z", f.Title, f.Updated, site.Title)
	}
	var got []string
	for _, e := range f.Entries {
		got = append(got, e.Updated[:10]+" "+e.ID)
	}
	want := []string{ // articles and worksheets with a date, newest first
		"2024-03-04 https://example.org/articles/b/",
		"2024-02-01 https://example.org/worksheets/w/",
		"2024-01-02 https://example.org/articles/a/",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries\n got %q\nwant %q", got, want)
	}
	if e := f.Entries[2]; e.Title != "Sorry & <after>" || e.Summary != `Say "sorry"` {
		t.Errorf("escaped text read back as %q, %q", e.Title, e.Summary)
	}

	if err := xml.Unmarshal(Feed(site, listed(site.BaseURL, entries[:1])), &f); err != nil || f.Updated != "2000-01-01T00:00:00Z" {
		t.Errorf("a feed with no entries: updated %q (%v), want the fixed 2000-01-01T00:00:00Z", f.Updated, err)
	}
}

func TestRedirects(t *testing.T) {
	got := Redirects([]Redirect{{"/w/name-it", "/worksheets/name-it/"}, {"/old/", "/articles/new/"}}, []layout.Lang{layout.English})
	want := "# Made by the guide builder from aliases and short links. Do not edit.\n" +
		"/old/ /articles/new/ 301\n" +
		"/w/name-it /worksheets/name-it/ 301\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSearchRecord(t *testing.T) {
	rec := SearchRecord(Entry{URL: "/a/", Title: `"Sorry" & more`, Kind: "article", Text: "One  line\nand   another\n"})
	want := `{"t":"\"Sorry\" \u0026 more","u":"/a/","d":"","k":"","x":"One line and another"}`
	if string(rec) != want {
		t.Errorf("got  %s\nwant %s", rec, want)
	}

	for _, text := range []string{
		strings.Repeat("word ", 400),
		strings.Repeat("ça ", 700),
		strings.Repeat("é", 1000), // no space at all
	} {
		var r struct{ X string }
		if err := json.Unmarshal(SearchRecord(Entry{Text: text}), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.X) > searchTextLimit || len(r.X) < searchTextLimit-100 || !utf8.ValidString(r.X) {
			t.Errorf("text of %d bytes cut to %d bytes, want %d to %d of valid UTF-8", len(text), len(r.X), searchTextLimit-100, searchTextLimit)
		}
		if strings.Contains(text, " ") && !strings.HasPrefix(text, r.X+" ") {
			t.Errorf("text of %d bytes not cut at a word boundary: ends %q", len(text), r.X[len(r.X)-10:])
		}
	}
}

func TestSearchIndex(t *testing.T) {
	var got []map[string]string
	for n := range 3 {
		var records [][]byte
		for i := range n {
			records = append(records, SearchRecord(entries[i]))
		}
		if err := json.Unmarshal(SearchIndex(records), &got); err != nil || len(got) != n {
			t.Errorf("%d records: %d read back, %v", n, len(got), err)
		}
	}
}

func TestAbsolute(t *testing.T) {
	for _, c := range [][3]string{
		{"https://example.org/", "/a/", "https://example.org/a/"},
		{"https://example.org", "/a/", "https://example.org/a/"},
		{"https://example.org/", "a/", "https://example.org/a/"},
		{"https://example.org/", "/", "https://example.org/"},
		{"https://example.org/guide/", "/feed.xml", "https://example.org/guide/feed.xml"},
		{"https://example.org/", "/café/ça va/", "https://example.org/caf%C3%A9/%C3%A7a%20va/"},
	} {
		if got := Absolute(c[0], c[1]); got != c[2] {
			t.Errorf("Absolute(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
