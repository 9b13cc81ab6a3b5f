package build

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// edit changes the site in place and returns the paths it touched, as a
// watcher would report them.
type edit struct {
	name  string
	apply func(fsys fstest.MapFS, r *rand.Rand) []string
}

func set(fsys fstest.MapFS, name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }

// pagesIn lists the markdown files of a folder, sorted so a seed gives the
// same series of edits.
func pagesIn(fsys fstest.MapFS, dir string) []string {
	var out []string
	for name := range fsys {
		if strings.HasPrefix(name, dir) && strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var edits = []edit{
	{"create a page", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := fmt.Sprintf("content/articles/new-%d.md", r.IntN(1000))
		set(fsys, name, fmt.Sprintf("---\ntitle: New %d\ndescription: d\n---\n## A heading\n\nLinks to [the first](first.md).\n", r.IntN(100)))
		return []string{name}
	}},
	{"edit a body", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := pick(r, pagesIn(fsys, "content/"))
		old := string(fsys[name].Data)
		set(fsys, name, old+fmt.Sprintf("\nA new paragraph %d.\n", r.IntN(1000)))
		return []string{name}
	}},
	{"edit a heading", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/articles/first.md"
		if fsys[name] == nil {
			return nil // moved just now
		}
		old := string(fsys[name].Data)
		if strings.Contains(old, "## What happened\n\nA second") {
			set(fsys, name, strings.Replace(old, "## What happened\n\nA second", "## Renamed\n\nA second", 1))
		} else {
			set(fsys, name, strings.Replace(old, "## Renamed\n\nA second", "## What happened\n\nA second", 1))
		}
		return []string{name}
	}},
	{"edit a title", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := pick(r, pagesIn(fsys, "content/"))
		old := string(fsys[name].Data)
		i := strings.Index(old, "title: ")
		if i < 0 {
			return nil // its front matter is broken just now
		}
		end := i + strings.IndexByte(old[i:], '\n')
		set(fsys, name, old[:i]+fmt.Sprintf("title: Title %d", r.IntN(1000))+old[end:])
		return []string{name}
	}},
	{"edit the home page's title, which every page's breadcrumbs show", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/_index.md"
		old := string(fsys[name].Data)
		i := strings.Index(old, "title: ")
		end := i + strings.IndexByte(old[i:], '\n')
		set(fsys, name, old[:i]+fmt.Sprintf("title: Home %d", r.IntN(1000))+old[end:])
		return []string{name}
	}},
	{"swap the order", func(fsys fstest.MapFS, r *rand.Rand) []string {
		a, b := "content/articles/first.md", "content/articles/second.md"
		if fsys[a] == nil {
			a = "content/articles/moved.md"
		}
		sa, sb := string(fsys[a].Data), string(fsys[b].Data)
		if strings.Contains(sa, "step: 1") {
			set(fsys, a, strings.Replace(sa, "step: 1", "step: 2", 1))
			set(fsys, b, strings.Replace(sb, "step: 2", "step: 1", 1))
		} else {
			set(fsys, a, strings.Replace(sa, "step: 2", "step: 1", 1))
			set(fsys, b, strings.Replace(sb, "step: 1", "step: 2", 1))
		}
		return []string{a, b}
	}},
	{"delete a page", func(fsys fstest.MapFS, r *rand.Rand) []string {
		candidates := pagesIn(fsys, "content/articles/new-")
		if len(candidates) == 0 {
			return nil
		}
		name := pick(r, candidates)
		delete(fsys, name)
		return []string{name}
	}},
	{"make a published page a draft, its draft line here or there, or publish it again", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// The published-URL guard reports it at its draft line.
		name := "content/articles/first.md"
		if fsys[name] == nil {
			return nil
		}
		old := strings.Replace(string(fsys[name].Data), "draft: true\n", "", 1)
		switch r.IntN(3) {
		case 0:
			set(fsys, name, strings.Replace(old, "---\n", "---\ndraft: true\n", 1))
		case 1:
			set(fsys, name, strings.Replace(old, "\n---\n", "\ndraft: true\n---\n", 1))
		default:
			set(fsys, name, old)
		}
		return []string{name}
	}},
	{"make fr/ a language or a section", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// content/fr/ holding site.yaml is another language: its pages are
		// none of this site's; without site.yaml it is a section.
		const settings = "content/fr/site.yaml"
		if fsys[settings] == nil {
			set(fsys, settings, "title: Titre\nlanguage: fr-CA\nquick_exit: https://example.org/\ncrisis:\n  - name: Urgence\n    href: tel:911\n")
			set(fsys, "templates/i18n/fr.yaml", "nav.skip: Aller\n"+builderFR)
		} else {
			delete(fsys, settings)
		}
		return []string{settings, "templates/i18n/fr.yaml"}
	}},
	{"translate a page, or drop its translation", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// A translation changes the English page's alternates, the
		// sitemap and the links of French pages to the English page.
		name := "content/fr/articles/second.md"
		if fsys[name] != nil {
			delete(fsys, name)
		} else {
			set(fsys, name, fmt.Sprintf("---\ntitle: Deuxième %d\ndescription: d\nsource: 0123456789ab\n---\n\"Oui\" [premier](first.md).\n", r.IntN(9)))
		}
		return []string{name}
	}},
	{"link a French page to an untranslated one", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/fr/worksheets/fiche.md"
		set(fsys, name, fmt.Sprintf("---\ntitle: Fiche %d\ndescription: d\nshort: fiche\narticle: ../articles/second.md\n---\nVoir [la suite](../articles/second.md).\n", r.IntN(9)))
		return []string{name}
	}},
	{"translate the worksheet, with a short link of its own, or drop it", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// The English worksheet's details name its translation's short
		// links, for packet links made in either language.
		name := "content/fr/worksheets/name-it.md"
		if fsys[name] != nil && r.IntN(3) == 0 {
			delete(fsys, name)
		} else {
			set(fsys, name, fmt.Sprintf("---\ntitle: Nommer\ndescription: d\nshort: nommer-%d\naliases: [/w/vieux-%d]\n---\nRemplir.\n", r.IntN(3), r.IntN(3)))
		}
		return []string{name}
	}},
	{"change the French strings", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "templates/i18n/fr.yaml"
		set(fsys, name, fmt.Sprintf("nav.skip: Aller %d\n", r.IntN(3))+strings.Replace(builderFR, "fiche", fmt.Sprintf("fiche %d", r.IntN(3)), 1))
		return []string{name}
	}},
	{"write a page under fr/", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := fmt.Sprintf("content/fr/articles/p-%d.md", r.IntN(3))
		set(fsys, name, fmt.Sprintf("---\ntitle: Page %d\ndescription: d\n---\nTexte [lien](../../articles/first.md).\n", r.IntN(100)))
		return []string{name}
	}},
	{"rename a page", func(fsys fstest.MapFS, r *rand.Rand) []string {
		candidates := pagesIn(fsys, "content/articles/new-")
		if len(candidates) == 0 {
			return nil
		}
		from := pick(r, candidates)
		to := fmt.Sprintf("content/articles/new-%d.md", r.IntN(1000))
		data := fsys[from].Data
		delete(fsys, from)
		fsys[to] = &fstest.MapFile{Data: data}
		return []string{from, to}
	}},
	{"break or fix a link", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/articles/second.md"
		old := string(fsys[name].Data)
		if strings.Contains(old, "(first.md#") {
			set(fsys, name, strings.Replace(old, "(first.md#", "(missing.md#", 1))
		} else {
			set(fsys, name, strings.Replace(old, "(missing.md#", "(first.md#", 1))
		}
		return []string{name}
	}},
	{"change a template", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "templates/article.html"
		set(fsys, name, string(fsys[name].Data)+fmt.Sprintf("{{/* %d */}}<!-- -->", r.IntN(1000)))
		if r.IntN(3) == 0 {
			set(fsys, name, strings.Replace(string(fsys[name].Data), "min</p>", "minutes</p>", 1))
		}
		return []string{name}
	}},
	{"break or fix a template", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "templates/section.html"
		old := string(fsys[name].Data)
		if strings.HasSuffix(old, "{{end") {
			set(fsys, name, strings.TrimSuffix(old, "{{end"))
		} else {
			set(fsys, name, old+"{{end")
		}
		return []string{name}
	}},
	{"change the style sheet", func(fsys fstest.MapFS, r *rand.Rand) []string {
		set(fsys, "static/css/site.css", fmt.Sprintf("body{color:#%06x}", r.IntN(1<<24)))
		return []string{"static/css/site.css"}
	}},
	{"add or change an image", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/articles/pic.svg"
		set(fsys, name, fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="%d" height="1"/></svg>`, r.IntN(100)))
		return []string{name}
	}},
	{"change a slug, with or without an alias", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "content/articles/second.md"
		old := string(fsys[name].Data)
		if i := strings.Index(old, "slug: "); i >= 0 {
			end := i + strings.IndexByte(old[i:], '\n') + 1
			set(fsys, name, old[:i]+old[end:]) // back to the file's name
			return []string{name}
		}
		slug := fmt.Sprintf("second-%d", r.IntN(3))
		extra := "slug: " + slug + "\n"
		if r.IntN(2) == 0 && !strings.Contains(old, "aliases:") {
			extra += "aliases: [/articles/second/]\n"
		}
		set(fsys, name, strings.Replace(old, "step: 2\n", "step: 2\n"+extra, 1))
		if strings.Contains(old, "step: 1") {
			set(fsys, name, strings.Replace(old, "step: 1\n", "step: 1\n"+extra, 1))
		}
		return []string{name}
	}},
	{"move a page others link to", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// first.md is linked from the home page, second.md and the worksheet.
		from, to := "content/articles/first.md", "content/articles/moved.md"
		if _, ok := fsys[from]; !ok {
			from, to = to, from
		}
		fsys[to] = fsys[from]
		delete(fsys, from)
		return []string{from, to}
	}},
	{"move a page to another section", func(fsys fstest.MapFS, r *rand.Rand) []string {
		candidates := pagesIn(fsys, "content/articles/new-")
		if len(candidates) == 0 {
			return nil
		}
		from := pick(r, candidates)
		to := "content/guides/" + strings.TrimPrefix(from, "content/articles/")
		fsys[to] = fsys[from]
		delete(fsys, from)
		return []string{from, to}
	}},
	{"add or remove a static file", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "static/img/logo.svg"
		if _, ok := fsys[name]; ok {
			delete(fsys, name)
		} else {
			set(fsys, name, `<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>`)
		}
		return []string{name}
	}},
	{"edit netlify.toml, or break it", func(fsys fstest.MapFS, r *rand.Rand) []string {
		// serve's file, not the build's: no page may change with it.
		texts := []string{"[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-A = \"1\"\n", "[[headers]\n", ""}
		set(fsys, "netlify.toml", texts[r.IntN(len(texts))])
		return []string{"netlify.toml"}
	}},
	{"add or remove a file that claims another's address", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := pick(r, []string{"static/articles/second/index.html", "content/Notes.md", "content/feed.xml.md", "static/favicon.svg", "content/favicon.svg"})
		if _, ok := fsys[name]; ok {
			delete(fsys, name)
		} else {
			set(fsys, name, "---\ntitle: Claims\ndescription: d\n---\nAn address taken.\n")
		}
		return []string{name}
	}},
	{"edit a site part", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := "templates/_site-footer.html"
		set(fsys, name, fmt.Sprintf("<footer>Part %d {{range .Site.Crisis}}<a href=\"{{.Href}}\">{{.Name}}</a>{{end}}</footer>", r.IntN(5)))
		return []string{name}
	}},
	{"change the settings", func(fsys fstest.MapFS, r *rand.Rand) []string {
		old := string(fsys["content/site.yaml"].Data)
		set(fsys, "content/site.yaml", strings.Replace(old, "title: Small", "title: Smaller", 1))
		if !strings.Contains(old, "title: Small\n") {
			set(fsys, "content/site.yaml", strings.Replace(old, "title: Smaller", "title: Small", 1))
		}
		return []string{"content/site.yaml"}
	}},
	{"turn a page into a folder, or back", func(fsys fstest.MapFS, r *rand.Rand) []string {
		const file, inner = "content/notes.md", "content/notes.md/first.md"
		if _, isFile := fsys[file]; isFile {
			delete(fsys, file)
			set(fsys, inner, "---\ntitle: Inside\ndescription: d\n---\nIn a folder named like a page.\n")
			return []string{file} // the watcher sees the name change kind
		}
		delete(fsys, inner)
		set(fsys, file, "---\ntitle: Notes\ndescription: d\n---\nA page again.\n")
		return []string{file, inner}
	}},
	{"rename a folder", func(fsys fstest.MapFS, r *rand.Rand) []string {
		from, to := "content/notes.md", "content/notes"
		if r.IntN(2) == 0 {
			from, to = to, from
		}
		if _, isFile := fsys[to]; isFile {
			return nil // a page has the name
		}
		var moved bool
		for name, f := range fsys {
			if rest, ok := strings.CutPrefix(name, from+"/"); ok {
				delete(fsys, name)
				fsys[to+"/"+rest] = f
				moved = true
			}
		}
		if !moved {
			return nil
		}
		return []string{from, to}
	}},
	{"break front matter", func(fsys fstest.MapFS, r *rand.Rand) []string {
		name := pick(r, pagesIn(fsys, "content/articles/new-"+"")) // may be empty: then the first page
		if name == "" {
			return nil
		}
		old := string(fsys[name].Data)
		if strings.Contains(old, "titel:") {
			set(fsys, name, strings.Replace(old, "titel:", "title:", 1))
		} else {
			set(fsys, name, strings.Replace(old, "title:", "titel:", 1))
		}
		return []string{name}
	}},
}

// seeds is how many random series TestIncrementalEqualsClean tries: a few
// in CI, hundreds after a change to the Builder (-seeds 200).
var seeds = flag.Int("seeds", 8, "random edit series for TestIncrementalEqualsClean")

// TestIncrementalEqualsClean applies random series of edits and checks after
// each that the incremental build equals a clean build of the same tree:
// the same files, byte for byte, and the same problems.
func TestIncrementalEqualsClean(t *testing.T) {
	for seed := range uint64(*seeds) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 42))
			fsys := smallSite(t, nil)
			set(fsys, "content/articles/new-1.md", "---\ntitle: One\ndescription: d\n---\nText.\n")
			b := NewBuilder(fsys, Options{})
			b.Build(nil)
			for step := range 30 {
				e := edits[r.IntN(len(edits))]
				if e.name == "break front matter" && len(pagesIn(fsys, "content/articles/new-")) == 0 {
					continue
				}
				changed := e.apply(fsys, r)
				got := b.Build(changed)
				want := Site(fsys, Options{})
				if diff := compareResults(got, want); diff != "" {
					t.Fatalf("step %d, %s (%v): incremental build differs from a clean build: %s", step, e.name, changed, diff)
				}
			}
		})
	}
}

func compareResults(got, want Result) string {
	if g, w := got.Problems.Error(), want.Problems.Error(); g != w {
		return fmt.Sprintf("problems:\n%s\nwant:\n%s", g, w)
	}
	if want.Problems.HasErrors() {
		return "" // the output of a failed build is never used
	}
	for _, name := range want.Files.Paths() {
		if !bytes.Equal(got.Files[name], want.Files[name]) {
			line, col := firstDifference(got.Files[name], want.Files[name])
			return fmt.Sprintf("%s:%d:%d differs", name, line, col)
		}
	}
	for _, name := range got.Files.Paths() {
		if _, ok := want.Files[name]; !ok {
			return name + " should be gone"
		}
	}
	if string(got.Manifest) != string(want.Manifest) {
		return "manifest differs"
	}
	return ""
}

func TestIncrementalRendersLittle(t *testing.T) {
	fsys := smallSite(t, nil)
	b := NewBuilder(fsys, Options{})
	first := b.Build(nil)
	set(fsys, "content/articles/second.md", string(fsys["content/articles/second.md"].Data)+"\nMore.\n")
	r := b.Build([]string{"content/articles/second.md"})
	if r.Drawn != 2 {
		t.Errorf("a body edit drew %d pages, want 2: the article and /print/, which shows it (a clean build draws %d)", r.Drawn, first.Drawn)
	}
	if r.Changed != "content/articles/second.md" {
		t.Errorf("Changed = %q", r.Changed)
	}
}

// A build reads the last build's state and never changes it: a builder
// may be given an earlier state again (the fuzz test does), and what it
// kept must still be what that build made. The print view's chapters were
// once written into the last build's facts when no other fact changed;
// they are the draw stage's own now.
func TestABuildLeavesTheLastStateAsItWas(t *testing.T) {
	fsys := smallSite(t, nil)
	b := NewBuilder(fsys, Options{})
	if r := b.Build(nil); r.Problems.HasErrors() {
		t.Fatal(r.Problems.Error())
	}
	first := b.last
	facts, chapters, pages := *first.site.facts, maps.Clone(first.pages.chapters), maps.Clone(first.pages.pages)
	edit := strings.Replace(string(fsys["content/articles/first.md"].Data), "A second heading", "Another heading", 1)
	set(fsys, "content/articles/first.md", edit)
	if r := b.Build([]string{"content/articles/first.md"}); r.Problems.HasErrors() {
		t.Fatal(r.Problems.Error())
	}
	if b.last == first {
		t.Fatal("the second build kept the first's state whole: the test needs a change")
	}
	if !reflect.DeepEqual(*first.site.facts, facts) {
		t.Error("the second build changed the first build's facts")
	}
	if !maps.Equal(first.pages.chapters, chapters) || !maps.Equal(first.pages.pages, pages) {
		t.Error("the second build changed the first build's drawn pages")
	}
}

// A folder that becomes a language moves its pages without a byte of them
// changing: they are French pages now (French kind labels in the search
// index, French quotes), so their bodies are made again. Found by
// TestIncrementalEqualsClean with -seeds 200.
func TestAFolderBecomingALanguageRemakesItsPages(t *testing.T) {
	fsys := smallSite(t, nil)
	set(fsys, "content/fr/articles/p-1.md", "---\ntitle: Page\ndescription: d\n---\nIl a dit \"oui\".\n")
	b := NewBuilder(fsys, Options{})
	if r := b.Build(nil); r.Problems.HasErrors() {
		t.Fatal(r.Problems.Error())
	}
	set(fsys, "content/fr/site.yaml", "title: Titre\nlanguage: fr-CA\nquick_exit: https://example.org/\ncrisis:\n  - name: Urgence\n    href: tel:911\n")
	set(fsys, "templates/i18n/fr.yaml", "nav.skip: Aller\n"+builderFR)
	got := b.Build([]string{"content/fr/site.yaml", "templates/i18n/fr.yaml"})
	if diff := compareResults(got, Site(fsys, Options{})); diff != "" {
		t.Errorf("after content/fr/ became a language, the incremental build differs from a clean one: %s", diff)
	}
}

// A change no input depends on (netlify.toml is guide serve's, not the
// build's) reads nothing again, and each stage, given the very values it
// was made from, keeps its own whole: the same state, the same result.
func TestAChangeNothingReadsKeepsEveryStage(t *testing.T) {
	fsys := smallSite(t, nil)
	b := NewBuilder(fsys, Options{})
	first := b.Build(nil)
	was := *b.last
	got := b.Build([]string{"netlify.toml"})
	if *b.last != was {
		t.Errorf("a change nothing reads made new stage values: %+v, was %+v", *b.last, was)
	}
	if got.Drawn != 0 {
		t.Errorf("a change nothing reads drew %d pages", got.Drawn)
	}
	if diff := compareResults(got, first); diff != "" {
		t.Errorf("a change nothing reads changed the build: %s", diff)
	}
}

// A title edit draws again the pages that show the title, and no other: the
// page, its section's list, the print view and the worksheet that names it
// as its article; the worksheets index only when it shows each worksheet's
// article, as the guide's does.
func TestATitleEditDrawsThePagesThatShowIt(t *testing.T) {
	const third = "content/articles/third.md"
	for _, c := range []struct {
		index string // templates/worksheets.html; "" for the small site's, which shows no article
		want  int
	}{
		{"", 4},
		{`{{define "main"}}{{range .Page.Worksheets}}<p>{{.Title}}{{with .Article}}, for {{.Title}}{{end}}</p>{{end}}{{end}}`, 5},
	} {
		fsys := smallSite(t, map[string]string{
			third:                             "---\ntitle: Third\ndescription: d\n---\nText.\n",
			"content/worksheets/for-third.md": "---\ntitle: For the third\ndescription: d\nshort: for-third\nfor: alone\narticle: ../articles/third.md\n---\nA worksheet.\n",
			"templates/worksheets.html":       c.index,
		})
		if c.index == "" {
			fsys["templates/worksheets.html"] = smallSite(t, nil)["templates/worksheets.html"]
		}
		b := NewBuilder(fsys, Options{})
		if r := b.Build(nil); r.Problems.HasErrors() {
			t.Fatal(r.Problems.Error())
		}
		set(fsys, third, strings.Replace(string(fsys[third].Data), "title: Third", "title: The third", 1))
		got := b.Build([]string{third})
		if got.Drawn != c.want {
			t.Errorf("with the index %q, a title edit drew %d pages, want %d", c.index, got.Drawn, c.want)
		}
		if diff := compareResults(got, Site(fsys, Options{})); diff != "" {
			t.Errorf("with the index %q, the incremental build differs from a clean one: %s", c.index, diff)
		}
	}
}

// A page whose drawing failed read nothing that the index of readers knows
// of, so it is drawn again whenever a fact changes: here its section's list
// fails while it lists a page titled Boom, and is drawn again once the
// title changes back.
func TestAPageThatFailedIsDrawnAgainWhenAFactChanges(t *testing.T) {
	const third = "content/articles/third.md" // off the guided path, whose titles every page shows
	fsys := smallSite(t, map[string]string{
		"templates/section.html": `{{define "main"}}<ul>{{range .Page.Children}}<li>{{if eq .Title "Boom"}}{{index $.Page.Children 99}}{{end}}{{.Title}}</li>{{end}}</ul>{{end}}`,
		third:                    "---\ntitle: Third\ndescription: d\n---\nText.\n",
	})
	b := NewBuilder(fsys, Options{})
	b.Build(nil)
	for _, title := range []string{"Boom", "Third again"} {
		set(fsys, third, "---\ntitle: "+title+"\ndescription: d\n---\nText.\n")
		got := b.Build([]string{third})
		if diff := compareResults(got, Site(fsys, Options{})); diff != "" {
			t.Errorf("with the title %q, the incremental build differs from a clean one: %s", title, diff)
		}
		if failed := got.Problems.HasErrors(); failed != (title == "Boom") {
			t.Errorf("with the title %q, the build failed: %v\n%s", title, failed, got.Problems.Error())
		}
	}
}

// A title edit of a step on the guided path draws again the pages that show
// the path or the step, and no other: the step, the home page (which lists
// the path), the step before it (its next step), its section's list, the
// print view; every page when a site part shows the path.
func TestAStepTitleEditDrawsThePagesThatShowThePath(t *testing.T) {
	const second = "content/articles/second.md"
	for _, c := range []struct {
		footer string // templates/_site-footer.html; "" for the small site's, which does not show the path
		want   int
	}{
		{"", 5},
		{`<footer>{{range .Site.Path}}<a href="{{.URL}}">{{.Title}}</a>{{end}}</footer>`, 8},
	} {
		fsys := smallSite(t, map[string]string{"templates/_site-footer.html": c.footer})
		if c.footer == "" {
			fsys["templates/_site-footer.html"] = smallSite(t, nil)["templates/_site-footer.html"]
		}
		b := NewBuilder(fsys, Options{})
		if r := b.Build(nil); r.Problems.HasErrors() {
			t.Fatal(r.Problems.Error())
		}
		set(fsys, second, strings.Replace(string(fsys[second].Data), "title: The second step", "title: The next step", 1))
		got := b.Build([]string{second})
		if got.Drawn != c.want {
			t.Errorf("with the footer %q, a step's title edit drew %d pages, want %d", c.footer, got.Drawn, c.want)
		}
		if diff := compareResults(got, Site(fsys, Options{})); diff != "" {
			t.Errorf("with the footer %q, the incremental build differs from a clean one: %s", c.footer, diff)
		}
	}
}
