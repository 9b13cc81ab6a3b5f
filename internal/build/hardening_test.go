package build

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/sys/unix"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/sitefs"
)

// wantOnly fails unless problems holds exactly one error, at path:line:col,
// whose message contains text: one cause, one message.
func wantOnly(t *testing.T, problems diag.List, at, text string) {
	t.Helper()
	errs := problems.Errors()
	if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), at+": ") || !strings.Contains(errs[0].Message, text) {
		t.Errorf("want one error, at %s, containing %q; got %d:\n%s", at, text, len(errs), errs.Error())
	}
}

// frontMatter is a page with the given front matter lines.
func frontMatter(lines ...string) string {
	return "---\n" + strings.Join(lines, "\n") + "\n---\nText.\n"
}

func TestAliasesAreSitePaths(t *testing.T) {
	for _, c := range []struct{ alias, want string }{
		{`"/*"`, "it holds *, which Netlify reads as every address below it"},
		{`"/old/*"`, "it holds *"},
		{`"/a\n/b/"`, "a line break"},
		{`"/a b/"`, "a space"},
		{`"/a\u200b/"`, "invisible character"},
		{`"//evil.example/x/"`, "another site"},
		{`"/a//b/"`, "another site"},
		{`"/:name/"`, "placeholder"},
		{`"/x/:splat"`, "placeholder"},
		{`"https://evil.example/"`, "starting with /"},
		{`"old/"`, "starting with /"},
		{`"/x?y=1"`, "? or #"},
		{`"/x/#top"`, "? or #"},
		{`"/a/../b/"`, ". or .."},
		{`"/\\evil.example/"`, `\`},
		{`"/caf%C3%A9/"`, "%"},
		{`"/w/name-it"`, "already the short link of content/worksheets/name-it.md"},
		{`"/W/Name-It/"`, "already the short link of content/worksheets/name-it.md"},
		{`"/articles/second/"`, "already the address of content/articles/second.md"},
		{`"/articles/second"`, "already the address of content/articles/second.md"},
		{`"/old-first"`, "already an alias of content/articles/first.md"},
	} {
		t.Run(c.alias, func(t *testing.T) {
			page := frontMatter("title: Moved", "description: d", "aliases:", "  - /fine/", "  - "+c.alias)
			r := Site(smallSite(t, map[string]string{"content/articles/moved.md": page}), Options{})
			wantOnly(t, r.Problems, "content/articles/moved.md:6:5", c.want)
		})
	}
}

func TestShortLinkIsNotAPage(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"content/w/name-it.md": frontMatter("title: Taken", "description: d")}), Options{})
	wantOnly(t, r.Problems, "content/worksheets/name-it.md:4:1", "short link /w/name-it is already the address of content/w/name-it.md")
}

// netlifyRule is one line of _redirects.
type netlifyRule struct{ from, to, status string }

// readRedirects reads _redirects the way Netlify does: one rule a line,
// blank lines and # comments skipped, fields split on white space.
func readRedirects(t *testing.T, data []byte) []netlifyRule {
	t.Helper()
	var rules []netlifyRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("_redirects line %q: want from, to and status", line)
		}
		rules = append(rules, netlifyRule{f[0], f[1], f[2]})
	}
	return rules
}

// netlifyServe answers a request path as Netlify does with these rules: a
// file of the site shadows every rule (none is forced); otherwise the first
// rule whose path matches, with or without its trailing slash, wins.
func netlifyServe(r Result, rules []netlifyRule, path string) (status int, to string) {
	if _, ok := r.Files.Lookup(path); ok {
		return 200, path
	}
	for _, rule := range rules {
		if strings.TrimSuffix(rule.from, "/") == strings.TrimSuffix(path, "/") {
			return 301, rule.to
		}
	}
	return 404, ""
}

func TestRedirectsLandWhereTheyShould(t *testing.T) {
	fsys := smallSite(t, map[string]string{
		"content/articles/moved.md": frontMatter("title: Moved", "description: d", "aliases: [/b/, /a/, /c/d/]"),
		"content/worksheets/two.md": frontMatter("title: Two", "description: d", "short: two", "aliases: [/w/old-two]"),
	})
	r := Site(fsys, Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	rules := readRedirects(t, r.Files["_redirects"])
	for i := 1; i < len(rules); i++ {
		if rules[i-1].from >= rules[i].from {
			t.Errorf("_redirects is not in order of the address redirected: %q before %q", rules[i-1].from, rules[i].from)
		}
	}
	want := map[string]string{
		"/a/": "/articles/moved/", "/b/": "/articles/moved/", "/c/d/": "/articles/moved/", "/old-first/": "/articles/first/",
		"/w/name-it": "/worksheets/name-it/", "/w/two": "/worksheets/two/", "/w/old-two": "/worksheets/two/",
	}
	for from, to := range want {
		if status, got := netlifyServe(r, rules, from); status != 301 || got != to {
			t.Errorf("%s: %d %s, want 301 to %s", from, status, got, to)
		}
	}
	for url := range r.Sources {
		page := "/" + strings.TrimSuffix(url, "index.html")
		if status, got := netlifyServe(r, rules, page); status != 200 || got != page {
			t.Errorf("page %s: %d %s, want the page itself", page, status, got)
		}
	}
	if again := Site(fsys, Options{}); !bytes.Equal(again.Files["_redirects"], r.Files["_redirects"]) {
		t.Error("_redirects differs between two builds of the same sources")
	}
}

func TestWhatIsPublished(t *testing.T) {
	junk := []string{
		"content/articles/secret.md.bak", "content/articles/secret.md.orig", "content/articles/secret.md.save",
		"content/articles/secret.md.kate-swp", "content/articles/.secret.md.swp", "content/articles/secret.md~",
		"content/articles/#secret.md#", "content/articles/.hidden/page.md", "content/articles/secret.md.tmp",
	}
	changes := map[string]string{
		"content/articles/pic.png":    "png",
		"content/articles/guide.pdf":  "pdf",
		"content/articles/notes.docx": "docx",
	}
	for _, name := range junk {
		changes[name] = "---\ntitle: Secret\ndescription: draft\n---\nA draft's backup.\n"
	}
	r := Site(smallSite(t, changes), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	for name, data := range r.Files {
		if bytes.Contains(data, []byte("A draft's backup")) || strings.Contains(name, "secret") || strings.Contains(name, "hidden") {
			t.Errorf("%s is published", name)
		}
	}
	for _, name := range []string{"articles/pic.png", "articles/guide.pdf"} {
		if r.Files[name] == nil {
			t.Errorf("%s is not published", name)
		}
	}
	if r.Files["articles/notes.docx"] != nil {
		t.Error("a Word file is published")
	}
	warned := false
	for _, d := range r.Problems.Warnings() {
		warned = warned || d.Path == "content/articles/notes.docx" && strings.Contains(d.Message, "not published")
	}
	if !warned {
		t.Errorf("no warning that notes.docx is left out:\n%s", r.Problems.Error())
	}
}

func TestSpecialFilesAreRefused(t *testing.T) {
	for _, mode := range []fs.FileMode{fs.ModeNamedPipe, fs.ModeSocket, fs.ModeDevice | fs.ModeCharDevice} {
		fsys := smallSite(t, nil)
		fsys["content/articles/x.md"] = &fstest.MapFile{Mode: mode}
		r := Site(fsys, Options{})
		wantOnly(t, r.Problems, "content/articles/x.md:1:1", "not a regular file: it is a")
	}
}

// TestNamedPipeDoesNotHang builds a real folder holding a named pipe where
// a page, an image, a template and a static file would be: opening one for
// reading would wait for ever for a writer.
func TestNamedPipeDoesNotHang(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, smallSite(t, nil)); err != nil {
		t.Fatal(err)
	}
	pipes := []string{"content/articles/x.md", "content/articles/pic.png", "templates/_x.html", "static/css/x.css"}
	for _, p := range pipes {
		if err := unix.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	site, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	b := NewBuilder(site, Options{})
	for _, changed := range [][]string{nil, {"content/articles/x.md"}} {
		r := b.Build(changed)
		for _, p := range pipes {
			wantError(t, r.Problems, p+":1:1", "named pipe")
		}
	}
	for _, p := range pipes {
		os.Remove(filepath.Join(dir, p))
	}
	if r := b.Build(pipes); r.Problems.HasErrors() {
		t.Errorf("the pipes are gone, yet:\n%s", r.Problems)
	}
}

func TestOneTypoOneMessage(t *testing.T) {
	broken := strings.Replace(string(smallSite(t, nil)[first].Data), "title:", "titel:", 1)
	for _, drafts := range []bool{false, true} {
		r := Site(smallSite(t, map[string]string{first: broken}), Options{Drafts: drafts})
		wantOnly(t, r.Problems, first+":2:1", `unknown front matter key "titel"; did you mean "title"?`)
	}
}

func TestBrokenFrontMatterOneMessage(t *testing.T) {
	for name, c := range map[string]struct{ text, at, want string }{
		"bad date":       {frontMatter("title: T", "description: d", "step: 1", "date: 2024-13-01"), first + ":5:7", "expected a date like 2026-11-25, or a date and time like 2026-11-25T10:00:00Z"},
		"unreadable":     {"---\ntitle: [oops\n---\n", first + ":2:1", "the YAML cannot be read"},
		"repeated key":   {frontMatter("title: T", "description: d", "step: 1", "title: U"), first + ":5:1", `"title" is set twice (first on line 2): keep one of them`},
		"no frontmatter": {"# Just text\n", first + ":1:1", "missing front matter"},
	} {
		t.Run(name, func(t *testing.T) {
			r := Site(smallSite(t, map[string]string{first: c.text}), Options{})
			wantOnly(t, r.Problems, c.at, c.want)
		})
	}
}

func TestDateTimes(t *testing.T) {
	page := frontMatter("title: Timed", "description: d", "date: 2024-05-01T23:30:00-04:00", "updated: 2024-06-01T10:00:00Z")
	r := Site(smallSite(t, map[string]string{"content/articles/timed.md": page}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	feed := string(r.Files["feed.xml"])
	for _, want := range []string{"<published>2024-05-02T03:30:00Z</published>", "<updated>2024-06-01T10:00:00Z</updated>"} {
		if !strings.Contains(feed, want) {
			t.Errorf("the feed lacks %s", want)
		}
	}
	if !strings.Contains(string(r.Files["sitemap.xml"]), "timed/</loc><lastmod>2024-06-01</lastmod>") {
		t.Error("the sitemap does not give the day of the last change")
	}
}

func TestDraftHint(t *testing.T) {
	draft := frontMatter("title: D", "description: d", "draft: true")
	const third = "content/articles/third.md"
	linking := "---\ntitle: Third\ndescription: d\n---\nSee [the draft](draft.md) and [a typo](secnd.md).\n"
	r := Site(smallSite(t, map[string]string{"content/articles/draft.md": draft, third: linking}), Options{})
	wantError(t, r.Problems, third+":5:5", "link to draft.md, but that page is a draft, left out of this build: build with -drafts to include it")
	wantError(t, r.Problems, third+":5:31", "link to secnd.md, but there is no such page: did you mean second.md?")
	if errs := r.Problems.Errors(); len(errs) != 2 {
		t.Errorf("want 2 errors, got:\n%s", errs.Error())
	}
	// With drafts, as guide serve builds, the draft is a page and the hint never shows.
	r = Site(smallSite(t, map[string]string{"content/articles/draft.md": draft, third: linking}), Options{Drafts: true})
	wantOnly(t, r.Problems, third+":5:31", "did you mean second.md?")
}

func TestHeadingSuggestion(t *testing.T) {
	const third = "content/articles/third.md"
	r := Site(smallSite(t, map[string]string{third: "---\ntitle: Third\ndescription: d\n---\nSee [why](second.md#why-it-maters).\n"}), Options{})
	wantOnly(t, r.Problems, third+":5:5", `no heading with the id "why-it-maters": did you mean #why-it-matters?`)
}

func TestTemplateSyntaxErrorOneMessage(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"templates/base.html": "<!doctype html>\n<title>{{.Page.Title}</title>\n"}), Options{})
	wantOnly(t, r.Problems, "templates/base.html:2:8", "bad character")
}

func TestSiteSettings(t *testing.T) {
	settings := string(smallSite(t, nil)["content/site.yaml"].Data)
	for name, c := range map[string]struct{ from, to, at, want string }{
		"no quick exit":        {"quick_exit: https://www.example.com/\n", "", "content/site.yaml:1:1", "site.yaml needs quick_exit"},
		"quick exit not https": {"https://www.example.com/", "http://www.example.com/", "content/site.yaml:5:13", "quick_exit \"http://www.example.com/\" must be a full https: address"},
		"quick exit a path":    {"https://www.example.com/", "/leave/", "content/site.yaml:5:13", "must be a full https: address"},
		"javascript menu":      {"url: /worksheets/", "url: javascript:alert(1)", "content/site.yaml:14:10", `menu link "javascript:alert(1)": it must start with https:, tel:, sms:, mailto: or /`},
		"javascript crisis":    {"href: tel:911", "href: javascript:alert(1)", "content/site.yaml:9:11", `crisis link "javascript:alert(1)"`},
		"protocol-relative":    {"url: /worksheets/", "url: //evil.example/", "content/site.yaml:14:10", "another site"},
		"a bad phone number":   {"href: tel:911", `href: "tel:911<script>"`, "content/site.yaml:9:11", "digits only"},
		"repeated key":         {"language: en\n", "language: en\nlanguage: fr\n", "content/site.yaml:3:1", `"language" is set twice (first on line 2)`},
		"menu without a title": {"title: Start", `title: ""`, "content/site.yaml:11:12", "needs a title"},
		"menu link to nowhere": {"url: /worksheets/", "url: /nowhere/", "content/site.yaml:14:10", "/nowhere/ leads nowhere"},
	} {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(settings, c.from) {
				t.Fatalf("the test site.yaml has no %q", c.from)
			}
			r := Site(smallSite(t, map[string]string{"content/site.yaml": strings.Replace(settings, c.from, c.to, 1)}), Options{})
			wantError(t, r.Problems, c.at, c.want)
			for _, d := range r.Problems.Errors() {
				if strings.HasPrefix(d.Path, "templates/") || strings.Contains(d.Message, "ZgotmplZ") {
					t.Errorf("a settings problem blamed on a template: %v", d)
				}
			}
		})
	}
}

func TestURLsEncodedAlike(t *testing.T) {
	r := Site(smallSite(t, map[string]string{
		"content/articles/café.md": frontMatter("title: Café", "description: d", "date: 2026-11-05"),
		"content/_index.md":        "---\ntitle: Home\ndescription: d\n---\n[Café](articles/café.md) [one](articles/first.md) [two](articles/second.md)\n",
	}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	const encoded = "https://example.org/articles/caf%C3%A9/"
	for _, name := range []string{"sitemap.xml", "feed.xml", "articles/café/index.html"} {
		data := string(r.Files[name])
		if !strings.Contains(data, encoded) || strings.Contains(data, "https://example.org/articles/café/") {
			t.Errorf("%s does not write the address as %s", name, encoded)
		}
	}
	if home := string(r.Files["index.html"]); !strings.Contains(home, `href="/articles/caf%C3%A9/"`) {
		t.Error("the home page's link is not encoded the same way")
	}
}

func TestAliasShadowedByAFile(t *testing.T) {
	r := Site(smallSite(t, map[string]string{
		"content/articles/moved.md": frontMatter("title: Moved", "description: d", "aliases: [/sitemap.xml, /articles/pic.svg]"),
		"content/articles/pic.svg":  `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	}), Options{})
	wantError(t, r.Problems, "content/articles/moved.md:4:11", "alias /sitemap.xml is the address of the file sitemap.xml")
	wantError(t, r.Problems, "content/articles/moved.md:4:25", "alias /articles/pic.svg is the address of the file articles/pic.svg")
}

func TestFolderNamesAreAddresses(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"content/my notes/a.md": frontMatter("title: A", "description: d")}), Options{})
	wantOnly(t, r.Problems, "content/my notes:1:1", `the folder name "my notes" cannot be part of a web address`)
}

// TestSitePartProblem: a site part is drawn once per build for each kind
// and menu, yet a problem in it is reported once, where it is written.
func TestSitePartProblem(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"templates/_site-footer.html": "<footer>\n{{range .Site.Crisis}}{{.Nope}}{{end}}</footer>\n"}), Options{})
	wantOnly(t, r.Problems, "templates/_site-footer.html:2:24", "can't evaluate field Nope")
}

// A link goldmark cannot read is shown as the text the author typed: the
// author hears of it at its "[", and a code span showing the syntax, or a
// link that works, says nothing.
func TestLinkShownAsTextIsWarned(t *testing.T) {
	body := "See [my page](second page.md) now.\n\nWrite `[text](my page.md)` like this. And [next](articles/second.md).\n"
	r := Site(smallSite(t, map[string]string{"content/about.md": "---\ntitle: About\ndescription: d\n---\n" + body}), Options{})
	var found []string
	for _, p := range r.Problems {
		if p.Path == "content/about.md" {
			found = append(found, p.String())
		}
	}
	if len(found) != 1 || !strings.HasPrefix(found[0], "content/about.md:5:5: ") || !strings.Contains(found[0], "is shown as text, not as a link") {
		t.Errorf("want one warning at content/about.md:5:5; got:\n%s", strings.Join(found, "\n"))
	}
	if r.Problems.HasErrors() {
		t.Error("a warning stopped the build")
	}
}
