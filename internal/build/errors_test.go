package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
)

// smallSite returns the small test site in memory, with changes: a path
// mapped to "" is removed.
func smallSite(t testing.TB, changes map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/small"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/small", p))
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, text := range changes {
		if text == "" {
			delete(m, p)
			continue
		}
		m[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func wantError(t *testing.T, problems diag.List, at, text string) {
	t.Helper()
	for _, d := range problems.Errors() {
		if strings.HasPrefix(d.String(), at+": ") && strings.Contains(d.Message, text) {
			return
		}
	}
	t.Errorf("want an error at %s containing %q; got:\n%s", at, text, problems.Error())
}

const first = "content/articles/first.md"

func article(body string) string {
	return "---\ntitle: The first step\ndescription: d\nstep: 1\naliases: [/old-first/]\n---\n" + body
}

func TestBrokenLinks(t *testing.T) {
	tests := []struct {
		name, body, at, message string
	}{
		{"missing page", "See [x](nope.md).", first + ":7:5", "link to nope.md, but there is no such page"},
		{"missing anchor", "See [x](second.md#nowhere).", first + ":7:5", `that page has no heading with the id "nowhere"`},
		{"missing own anchor", "## Here\n\nSee [x](#there).", first + ":9:5", "no heading #there on this page"},
		{"missing image", "![a picture](pic.png)", first + ":7:1", "image pic.png does not exist"},
		{"image on another host", "![a picture](https://cdn.example.com/a.png)", first + ":7:1", "on another site"},
		{"missing site URL", "See [x](/nowhere/).", first + ":7:5", "the site has no page or file there"},
		{"site URL with missing anchor", "See [x](/articles/second/#nope).", first + ":7:5", `that page has no id "nope"`},
		{"javascript link", "See [x](javascript:alert(1)).", first + ":7:5", "is not allowed"},
		{"vbscript link, which goldmark writes as href=\"\"", "See [x](vbscript:msgbox(1)).", first + ":7:5", "is not allowed"},
		{"file link", "See [x](file:///etc/passwd).", first + ":7:5", "is not allowed"},
		{"phone link with no number", "Call [the line](tel:helpline).", first + ":7:6", `link "tel:helpline": write the number with digits only`},
		{"web address with no site", "See [x](https:/example.org/).", first + ":7:5", "it must name the site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Site(smallSite(t, map[string]string{first: article(tt.body)}), Options{})
			wantError(t, r.Problems, tt.at, tt.message)
		})
	}
}

func TestGoodLinks(t *testing.T) {
	body := "## What happened\n\n## What happened\n\n[a](second.md) [b](second.md#why-it-matters) [c](/worksheets/) [d](../worksheets/name-it.md) " +
		"[e](/w/name-it) [f](mailto:a@example.org) ![g](pic.svg)\n\n## Top\n\n[h](#top)"
	r := Site(smallSite(t, map[string]string{first: article(body), "content/articles/pic.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	html := string(r.Files["articles/first/index.html"])
	for _, want := range []string{`src="/articles/pic.svg"`, `href="/articles/second/"`, `href="/articles/second/#why-it-matters"`, `href="/worksheets/name-it/"`, `href="#top"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	t.Run("parse", func(t *testing.T) {
		r := Site(smallSite(t, map[string]string{"templates/article.html": "{{define \"main\"}}\n{{if}}{{end}}"}), Options{})
		wantError(t, r.Problems, "templates/article.html:2:1", "missing value for if")
	})
	t.Run("execute", func(t *testing.T) {
		r := Site(smallSite(t, map[string]string{"templates/article.html": "{{define \"main\"}}\n\n  {{.Page.Nope}}{{end}}"}), Options{})
		wantError(t, r.Problems, "templates/article.html:3:9", "can't evaluate field Nope")
	})
	t.Run("missing asset", func(t *testing.T) {
		r := Site(smallSite(t, map[string]string{"templates/section.html": "{{define \"main\"}}{{asset \"nope.css\"}}{{end}}"}), Options{})
		wantError(t, r.Problems, "templates/section.html:1:19", "there is no static/nope.css: check the name or add the file (while drawing content/articles/_index.md)")
	})
	t.Run("missing kind", func(t *testing.T) {
		r := Site(smallSite(t, map[string]string{"templates/section.html": ""}), Options{})
		wantError(t, r.Problems, "templates/section.html:1:1", "missing")
	})
	t.Run("missing kind, whose strings are not said unused too", func(t *testing.T) {
		en, err := os.ReadFile("testdata/small/templates/i18n/en.yaml")
		if err != nil {
			t.Fatal(err)
		}
		r := Site(smallSite(t, map[string]string{"templates/page.html": "", "templates/i18n/en.yaml": string(en) + "page.only: Only here\n"}), Options{})
		wantOnly(t, r.Problems, "templates/page.html:1:1", "missing")
	})
	t.Run("broken link in a template", func(t *testing.T) {
		r := Site(smallSite(t, map[string]string{"templates/404.html": "{{define \"main\"}}<a href=\"/gone/\">x</a>{{end}}"}), Options{})
		wantError(t, r.Problems, "templates/404.html:1:27", "/gone/ leads nowhere")
	})
}

// A language folder's site.yaml copied from content/ and not changed names
// the default language: an error at its language line.
func TestLanguageFolderWithTheDefaultTag(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"content/fr/site.yaml": "title: T\nlanguage: en\nquick_exit: https://www.example.com/\n"}), Options{})
	wantError(t, r.Problems, "content/fr/site.yaml:2:11", "is the language of content/site.yaml too")
}

func TestPublishedURLsStay(t *testing.T) {
	r := Site(smallSite(t, map[string]string{first: ""}), Options{})
	wantError(t, r.Problems, "content/urls.txt:1:1", "/articles/first/ is listed as published, and this build has no page or redirect there: if a page replaces it, add `aliases: [/articles/first/]` to that page; if it never went online (a page tried out and deleted), delete this line")

	moved := "---\ntitle: Moved\ndescription: d\naliases: [/articles/first/, /old-first/]\n---\n"
	r = Site(smallSite(t, map[string]string{first: "", "content/articles/moved.md": moved,
		"content/_index.md": "---\ntitle: Home\ndescription: d\n---\n", "content/worksheets/name-it.md": ""}), Options{})
	for _, d := range r.Problems.Errors() {
		if strings.HasPrefix(d.Path, "content/urls.txt") {
			t.Errorf("an alias should keep the URL: %v", d)
		}
	}
}

func TestEveryErrorIsReported(t *testing.T) {
	r := Site(smallSite(t, map[string]string{
		first:                     article("[x](nope.md) and [y](gone.md)"),
		"content/articles/b.md":   "---\ntitle: B\ndescription: d\nwieght: 2\n---\n",
		"content/worksheets/w.md": "---\ntitle: W\ndescription: d\n---\n? Scale [10-1]\n",
	}), Options{})
	wantError(t, r.Problems, first+":7:1", "nope.md")
	wantError(t, r.Problems, first+":7:18", "gone.md")
	wantError(t, r.Problems, "content/articles/b.md:4:1", `did you mean "weight"`)
	wantError(t, r.Problems, "content/worksheets/w.md:5:9", "[10-1]")
}

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, smallSite(t, nil)); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte(article("x")), 0o644)
	os.Symlink(outside, filepath.Join(dir, "content/leaves.md"))
	os.Symlink("loop-b.md", filepath.Join(dir, "content/loop-a.md"))
	os.Symlink("loop-a.md", filepath.Join(dir, "content/loop-b.md"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	r := Site(root.FS(), Options{})
	for _, name := range []string{"content/leaves.md", "content/loop-a.md", "content/loop-b.md"} {
		wantError(t, r.Problems, name+":1:1", "symlink leaves the site folder, loops")
	}
}

func TestRepeatedIDs(t *testing.T) {
	r := Site(smallSite(t, map[string]string{first: article("## One {#same}\n\n## Two {#same}\n")}), Options{})
	wantError(t, r.Problems, first+":9:4", `the id "same" is used twice`)
}

// TestLanguageLacksACrisisLine: another language's site.yaml without one of
// the English crisis lines fails the build at its crisis list, and a fix
// in watch mode clears it.
func TestLanguageLacksACrisisLine(t *testing.T) {
	const fr = "content/fr/site.yaml"
	fsys := smallSite(t, map[string]string{fr: "title: Petit\nlanguage: fr-CA\nquick_exit: https://example.org/\ncrisis:\n  - name: Autre\n    href: tel:211\n",
		"templates/i18n/fr.yaml": "nav.skip: Aller au contenu\n" + builderFR})
	b := NewBuilder(fsys, Options{})
	wantError(t, b.Build(nil).Problems, fr+":4:1", `the crisis line "tel:911" (Emergency, content/site.yaml:9) is missing`)
	set(fsys, fr, "title: Petit\nlanguage: fr-CA\nquick_exit: https://example.org/\ncrisis:\n  - name: Urgence\n    href: tel:911\n")
	if r := b.Build([]string{fr}); r.Problems.HasErrors() {
		t.Errorf("every crisis line is there: %v", r.Problems)
	}
}
