package content

import (
	"io/fs"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
)

const siteYAML = "title: Test\nlanguage: en\nbase_url: https://example.org/\nquick_exit: https://www.example.com/\n"

// load builds a site from files given as path → text, with a site.yaml.
func load(t *testing.T, files map[string]string) (*Site, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte(siteYAML)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return read(fsys, Options{})
}

// read reads and checks a whole content folder, as a build does.
func read(fsys fs.FS, opt Options) (*Site, diag.List) {
	var problems diag.List
	langs := layout.Languages(fsys)
	configs := map[string]Config{}
	var pages []*Page
	var unreadable []string
	for _, lang := range langs {
		configs[lang.Code] = ReadConfig(fsys, lang, &problems)
		markdown, _ := Scan(fsys, lang, &problems)
		for _, src := range markdown {
			if p := ReadPage(fsys, src, &problems); p != nil {
				pages = append(pages, p)
			} else {
				unreadable = append(unreadable, src)
			}
		}
	}
	return Assemble(langs, configs, pages, unreadable, opt, &problems), problems.Sort()
}

// wantProblem fails unless problems has one at path:line:col whose message
// contains text.
func wantProblem(t *testing.T, problems diag.List, at, text string) {
	t.Helper()
	for _, d := range problems {
		if strings.HasPrefix(d.String(), at+": ") && strings.Contains(d.Message, text) {
			return
		}
	}
	t.Errorf("want a problem at %s containing %q; got:\n%s", at, text, problems.Error())
}

func page(front, body string) string { return "---\n" + front + "\n---\n" + body }

func TestURLsAndKinds(t *testing.T) {
	site, problems := load(t, map[string]string{
		"content/_index.md":             page("title: Home\ndescription: d", "hi"),
		"content/articles/a.md":         page("title: A\ndescription: d\nstep: 1", ""),
		"content/articles/b.md":         page("title: B\ndescription: d\nstep: 2\nslug: bee", ""),
		"content/worksheets/w.md":       page("title: W\ndescription: d\nshort: w1\narticle: ../articles/a.md\nfor: both", ""),
		"content/about.md":              page("title: About\ndescription: d", ""),
		"content/guides/deep/nested.md": page("title: N\ndescription: d", ""),
	})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := map[string]Kind{
		"/": Home, "/articles/a/": Article, "/articles/bee/": Article, "/worksheets/w/": Worksheet,
		"/about/": Plain, "/guides/deep/nested/": Plain,
		"/articles/": Section, "/worksheets/": Worksheets, "/guides/": Section, "/guides/deep/": Section,
	}
	for url, kind := range want {
		p := site.ByURL[url]
		if p == nil {
			t.Errorf("no page at %s", url)
			continue
		}
		if p.Kind != kind {
			t.Errorf("%s: kind %s, want %s", url, p.Kind, kind)
		}
	}
	if len(site.PathOf(layout.English)) != 2 || site.PathOf(layout.English)[0].Meta.Title != "A" || site.PathOf(layout.English)[1].Meta.Title != "B" {
		t.Errorf("guided path = %v", site.PathOf(layout.English))
	}
	if a := site.ArticleOf(site.ByURL["/worksheets/w/"]); a == nil || a.URL != "/articles/a/" {
		t.Errorf("worksheet's article = %v", a)
	}
}

func TestBodyKeepsFilePositions(t *testing.T) {
	p := ParsePage(layout.English, "content/x.md", []byte("---\ntitle: X\ndescription: d\n---\nline five"), new(diag.List))
	lines := strings.Split(string(p.Body), "\n")
	if len(lines) != 5 || lines[4] != "line five" {
		t.Errorf("body lines = %q, want the text on line 5", lines)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, file, text, at, message string
	}{
		{"malformed YAML", "content/a.md", "---\ntitle: [unclosed\ndescription: d\n---\n", "content/a.md:2:1", "YAML cannot be read"},
		{"bracket never closed", "content/a.md", "---\ntitle: A\ndescription: d\ntags: [a, b\n---\n", "content/a.md:4:1", "YAML cannot be read"}, // the YAML package says line 2 of the YAML
		{"unknown key", "content/a.md", page("title: A\ndescription: d\ntitel: A", ""), "content/a.md:4:1", `unknown front matter key "titel"; did you mean "title"?`},
		{"wrong type", "content/a.md", page("title: A\ndescription: d\nweight: heavy", ""), "content/a.md:4:9", "weight: expected a whole number"},
		{"bad date", "content/a.md", page("title: A\ndescription: d\ndate: 2026-13-40", ""), "content/a.md:4:7", "expected a date"},
		{"missing title", "content/a.md", page("description: d", ""), "content/a.md:1:1", "needs a title"},
		{"missing description", "content/a.md", page("title: A", ""), "content/a.md:1:1", "needs a description"},
		{"no front matter", "content/a.md", "just text", "content/a.md:1:1", "missing front matter"},
		{"unclosed front matter", "content/a.md", "---\ntitle: A\n", "content/a.md:1:1", "front matter is not closed"},
		{"empty file", "content/a.md", "", "content/a.md:1:1", "the file is empty"},
		{"not UTF-8", "content/a.md", page("title: A\ndescription: d", "ok\nbad \xff here"), "content/a.md:6:5", "not UTF-8"},
		{"slug with slash", "content/a.md", page("title: A\ndescription: d\nslug: a/b", ""), "content/a.md:4:1", "no / or .."},
		{"slug with dots", "content/a.md", page("title: A\ndescription: d\nslug: ..", ""), "content/a.md:4:1", "no / or .."},
		{"worksheet key on article", "content/articles/a.md", page("title: A\ndescription: d\nshort: x", ""), "content/articles/a.md:4:1", "worksheets only"},
		{"step off the path", "content/about.md", page("title: A\ndescription: d\nstep: 2", ""), "content/about.md:4:1", "only articles"},
		{"bad audience", "content/worksheets/w.md", page("title: A\ndescription: d\nfor: everyone", ""), "content/worksheets/w.md:4:1", `for "everyone"`},
		{"bad short", "content/worksheets/w.md", page("title: A\ndescription: d\nshort: Not OK", ""), "content/worksheets/w.md:4:1", "short"},
		{"bad article", "content/worksheets/w.md", page("title: A\ndescription: d\narticle: nope.md", ""), "content/worksheets/w.md:4:1", "is not an article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := load(t, map[string]string{tt.file: tt.text})
			wantProblem(t, problems, tt.at, tt.message)
		})
	}
}

// A wrong value is one mistake: it is reported at the value, and not again
// as a missing title or a step below 1.
func TestWrongValueReportedOnce(t *testing.T) {
	tests := []struct{ file, front, at string }{
		{"content/articles/a.md", "title: A\ndescription: d\nstep: two", "content/articles/a.md:4:7"},
		{"content/worksheets/w.md", "title: A\ndescription: d\nminutes: ten", "content/worksheets/w.md:4:10"},
		{"content/a.md", "title: [A]\ndescription: d", "content/a.md:2:8"},
		{"content/a.md", "title:\ndescription: d", "content/a.md:2:7"},
	}
	for _, tt := range tests {
		_, problems := load(t, map[string]string{tt.file: page(tt.front, "")})
		if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tt.at+": ") {
			t.Errorf("%q: want one problem at %s; got:\n%s", tt.front, tt.at, problems.Error())
		}
	}
}

// A page last changed before it was written is a slip in a date: a warning
// at updated, and the page is still built.
func TestUpdatedBeforeDate(t *testing.T) {
	site, problems := load(t, map[string]string{
		"content/a.md": page("title: A\ndescription: d\ndate: 2026-03-02\nupdated: 2026-02-03", ""),
		"content/b.md": page("title: B\ndescription: d\ndate: 2026-03-02\nupdated: 2026-03-02T10:00:00Z", ""),
	})
	if len(problems) != 1 || problems.HasErrors() || !strings.HasPrefix(problems[0].String(), "content/a.md:5:1: ") ||
		!strings.Contains(problems[0].String(), "updated 2026-02-03 is before date 2026-03-02") {
		t.Errorf("want one warning at content/a.md:5:1; got:\n%s", problems.Error())
	}
	if site.BySource["content/a.md"] == nil || site.BySource["content/b.md"] == nil {
		t.Error("a page with a warning was not built")
	}
}

func TestConflicts(t *testing.T) {
	_, problems := load(t, map[string]string{
		"content/a.md":            page("title: A\ndescription: d", ""),
		"content/b.md":            page("title: B\ndescription: d\nslug: a", ""),
		"content/c.md":            page("title: C\ndescription: d\naliases: [/a/]", ""),
		"content/d.md":            page("title: D\ndescription: d\naliases: [/old/]", ""),
		"content/e.md":            page("title: E\ndescription: d\naliases: [/old/, no-slash]", ""),
		"content/articles/s1.md":  page("title: S1\ndescription: d\nstep: 1", ""),
		"content/articles/s2.md":  page("title: S2\ndescription: d\nstep: 1", ""),
		"content/worksheets/1.md": page("title: W1\ndescription: d\nshort: same", ""),
		"content/worksheets/2.md": page("title: W2\ndescription: d\nshort: same", ""),
	})
	wantProblem(t, problems, "content/b.md:4:1", "already used by content/a.md")
	wantProblem(t, problems, "content/c.md:4:11", "alias /a/ is already the address of content/a.md")
	wantProblem(t, problems, "content/e.md:4:11", "alias /old/ is already an alias of content/d.md")
	wantProblem(t, problems, "content/e.md:4:18", `alias "no-slash": it must be a path of this site`)
	wantProblem(t, problems, "content/articles/s2.md:4:1", "step 1 is also content/articles/s1.md")
	wantProblem(t, problems, "content/worksheets/2.md:4:1", "short link /w/same is already the short link of content/worksheets/1.md")
}

// A new draft worksheet whose short link a published worksheet has (guide
// new makes one from the title) is the one told to choose another: changing
// the published one would break its printed links.
func TestShortClashWithADraftIsTheDrafts(t *testing.T) {
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte(siteYAML)},
		"content/worksheets/a-new.md":     {Data: []byte(page("title: New\ndescription: d\nshort: check-in\ndraft: true", ""))},
		"content/worksheets/published.md": {Data: []byte(page("title: Old\ndescription: d\nshort: check-in", ""))}}
	_, problems := read(fsys, Options{Drafts: true})
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "content/worksheets/a-new.md:4:1: ") {
		t.Errorf("want one problem, at the draft's short; got:\n%s", problems.Error())
	}
}

func TestDrafts(t *testing.T) {
	files := map[string]string{"content/d.md": page("title: D\ndescription: d\ndraft: true", "")}
	site, _ := load(t, files)
	if site.ByURL["/d/"] != nil {
		t.Error("a draft is in a build without drafts")
	}
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte(siteYAML)}, "content/d.md": {Data: []byte(files["content/d.md"])}}
	if site, _ := read(fsys, Options{Drafts: true}); site.ByURL["/d/"] == nil {
		t.Error("a draft is missing from a build with drafts")
	}
}

func TestSiteConfigUnknownKey(t *testing.T) {
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\nquick_exit: https://www.example.com/\nmenu:\n  - title: A\n    link: /a/\n")}}
	_, problems := read(fsys, Options{})
	wantProblem(t, problems, "content/site.yaml:5:5", `unknown key "link"`)
}

// A value of the wrong kind in site.yaml is said at the value, in words,
// not as the YAML package's message about Go types at line 1.
func TestSiteConfigWrongKind(t *testing.T) {
	for _, tt := range []struct{ yaml, at, message string }{
		{"title: T\nquick_exit: https://www.example.com/\nmenu: oops\n", "content/site.yaml:3:7", "menu: expected a list of entries, each with title: and url:"},
		{"title: T\nquick_exit: https://www.example.com/\nmenu:\n  - title: A\n    url: [/a/]\n", "content/site.yaml:5:10", "url: expected text"},
	} {
		var problems diag.List
		parseConfig(ConfigPath, []byte(tt.yaml), &problems)
		if len(problems) != 1 || problems[0].String() != tt.at+": "+tt.message {
			t.Errorf("%q: want %s: %s; got %v", tt.yaml, tt.at, tt.message, problems)
		}
	}
}

// A key mistyped in site.yaml is one slip: "did you mean", and not "needs
// title" too.
func TestSiteConfigMistypedKey(t *testing.T) {
	var problems diag.List
	parseConfig(ConfigPath, []byte("titel: T\nquick_exit: https://www.example.com/\n"), &problems)
	if len(problems) != 1 || problems[0].String() != `content/site.yaml:1:1: unknown key "titel" in site.yaml; did you mean "title"?` {
		t.Errorf("got %v", problems)
	}
}

func TestEditorFilesAreIgnored(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"content/a.md", "content/.a.md.swp", "content/a.md~", "content/4913"} {
		fsys[name] = &fstest.MapFile{Data: []byte("junk")}
	}
	var problems diag.List
	markdown, resources := Scan(fsys, layout.English, &problems)
	if len(problems) > 0 || len(resources) > 0 || len(markdown) != 1 {
		t.Errorf("problems %v, pages %v, resources %v", problems, markdown, resources)
	}
}

// Windows keeps files of its own in folders, static/ too; none is the
// site's, and a Thumbs.db holds pictures of images since deleted.
func TestWindowsFolderFilesAreIgnored(t *testing.T) {
	for _, name := range []string{"Thumbs.db", "thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini"} {
		if !Ignored(name) {
			t.Errorf("%s would be published", name)
		}
	}
}

// TestLanguageFolderIsNotASection: content/fr/ with its own site.yaml is
// another language's site, not a section of this one: none of its files
// are this site's (before, its worksheets were "pages" of a section "fr").
func TestLanguageFolderIsNotASection(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":                {Data: []byte("junk")},
		"content/fr/site.yaml":        {Data: []byte("language: fr-CA\n")},
		"content/fr/worksheets/w.md":  {Data: []byte("junk")},
		"content/fr/image.png":        {Data: []byte("junk")},
		"content/frites/site.md":      {Data: []byte("junk")}, // a section: no site.yaml
		"content/éclairages/site.txt": {Data: []byte("junk")},
	}
	var problems diag.List
	markdown, resources := Scan(fsys, layout.English, &problems)
	if want := []string{"content/a.md", "content/frites/site.md"}; len(problems) > 0 || !slices.Equal(markdown, want) || !slices.Equal(resources, []string{"content/éclairages/site.txt"}) {
		t.Errorf("problems %v, pages %v (want %v), resources %v", problems, markdown, want, resources)
	}
}

// TestCrisisLinesInEveryLanguage: a crisis line of the English settings
// missing from another language's is an error at that file's crisis list.
func TestCrisisLinesInEveryLanguage(t *testing.T) {
	var problems diag.List
	english := parseConfig(ConfigPath, []byte("title: T\nbase_url: https://example.org/\nquick_exit: https://example.org/\n"+
		"crisis:\n  - name: Emergency\n    href: \"tel:911\"\n  - name: Line\n    href: \"tel:988\"\n"), &problems)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	french := "title: T\nlanguage: fr-CA\ncrisis:\n  - name: Urgence\n    href: \"tel:911\"\n  - name: Autre\n    href: \"tel:211\"\n"
	CheckCrisisLines(english, "content/fr/site.yaml", []byte(french), &problems)
	if len(problems) != 1 {
		t.Fatalf("want one problem, got %v", problems)
	}
	wantProblem(t, problems, "content/fr/site.yaml:3:1", `"tel:988" (Line, content/site.yaml:8) is missing`)
	problems = nil
	CheckCrisisLines(english, "content/fr/site.yaml", []byte(strings.Replace(french, "tel:211", "tel:988", 1)), &problems)
	if len(problems) > 0 {
		t.Errorf("every line is there: %v", problems)
	}
}

// An English crisis link mistyped is one mistake, reported in English: not
// a line missing from the French settings too, at content/site.yaml:0.
func TestBadEnglishCrisisLinkIsOneProblem(t *testing.T) {
	var problems diag.List
	english := parseConfig(ConfigPath, []byte("title: T\nbase_url: https://example.org/\nquick_exit: https://example.org/\n"+
		"crisis:\n  - name: Emergency\n    href: \"tel:9 11\"\n"), &problems)
	CheckCrisisLines(english, "content/fr/site.yaml", []byte("title: T\nlanguage: fr-CA\ncrisis:\n  - name: Urgence\n    href: \"tel:911\"\n"), &problems)
	if len(problems) != 1 || problems[0].Path != ConfigPath || problems[0].Line != 6 {
		t.Errorf("want one problem, at content/site.yaml:6; got %v", problems)
	}
}

// A language folder whose site.yaml names the default language's tag (a
// copy of content/site.yaml) is an error at its language line.
func TestLanguageTagOfItsOwn(t *testing.T) {
	var problems diag.List
	CheckLanguageTag("en-CA", "content/fr/site.yaml", []byte("title: T\nlanguage: en-ca\n"), &problems)
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), `content/fr/site.yaml:2:11: language "en-ca" is the language of content/site.yaml too`) {
		t.Errorf("got %v", problems)
	}
	problems = nil
	CheckLanguageTag("en-CA", "content/fr/site.yaml", []byte("title: T\nlanguage: fr-CA\n"), &problems)
	if len(problems) != 0 {
		t.Errorf("fr-CA beside en-CA: %v", problems)
	}
}

// TestReplaceIsAssemble: a site with pages replaced by others in the same
// place is the site Assemble makes of them.
func TestReplaceIsAssemble(t *testing.T) {
	files := map[string]string{
		"content/_index.md":            page("title: Home\ndescription: d", "hi"),
		"content/articles/a.md":        page("title: A\ndescription: d\nstep: 1", "one"),
		"content/articles/b.md":        page("title: B\ndescription: d\nstep: 2", "two"),
		"content/worksheets/w1.md":     page("title: W1\ndescription: d\narticle: ../articles/a.md", ""),
		"content/worksheets/w2.md":     page("title: W2\ndescription: d\narticle: ../articles/a.md", ""),
		"content/worksheets/_index.md": page("title: All\ndescription: d", ""),
	}
	before, _ := load(t, files)
	var changed []*Page
	for src, text := range map[string]string{
		"content/articles/a.md":    page("title: A again\ndescription: d\nstep: 1", "one, longer"),
		"content/worksheets/w1.md": page("title: Z last\ndescription: d\narticle: ../articles/a.md", "now in a new order"),
	} {
		files[src] = text
		p := ParsePage(before.Langs[0], src, []byte(text), new(diag.List))
		if !before.SamePlace(p) {
			t.Fatalf("%s: a new title and body should take the same place", src)
		}
		changed = append(changed, p)
	}
	after, _ := load(t, files)
	if got, want := shape(before.Replace(changed)), shape(after); !reflect.DeepEqual(got, want) {
		t.Errorf("Replace gave\n%+v\nAssemble gives\n%+v", got, want)
	}
	if bad := ParsePage(before.Langs[0], "content/articles/b.md", []byte(page("title: B\ndescription: d\nstep: 3", "")), new(diag.List)); before.SamePlace(bad) {
		t.Error("a new step takes the same place")
	}
}

// shape is what a site says, pages named by their source and read for
// what they hold, not compared by address.
func shape(s *Site) map[string]any {
	pages := func(list []*Page) []string {
		var out []string
		for _, p := range list {
			out = append(out, p.Source)
		}
		return out
	}
	byArticle := map[string][]string{}
	for a, ws := range s.byArticle {
		byArticle[a.Source] = pages(ws)
	}
	meta := map[string]Meta{}
	for _, p := range s.Pages {
		meta[p.Source+" "+p.URL+" "+string(p.Kind)] = p.Meta
	}
	var bySource, byURL []string
	for src, p := range s.BySource {
		bySource = append(bySource, src+"="+p.Source)
	}
	for u, p := range s.ByURL {
		byURL = append(byURL, u+"="+p.Source)
	}
	sort.Strings(bySource)
	sort.Strings(byURL)
	return map[string]any{"pages": pages(s.Pages), "path": pages(s.PathOf(layout.English)), "byArticle": byArticle, "meta": meta,
		"bySource": bySource, "byURL": byURL, "drafts": s.Drafts, "unreadable": s.Unreadable, "config": s.Config}
}
