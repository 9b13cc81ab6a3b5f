package build

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Small untruths: each of these built, or failed, saying something that
// was not so.

// A folder's made-up list took its title's first byte, not its first
// letter: "étapes/" gave a title that is not UTF-8.
func TestFolderTitleIsText(t *testing.T) {
	r := Site(smallSite(t, map[string]string{"content/étapes/une.md": frontMatter("title: Une", "description: d")}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	for name, data := range r.Files {
		if !utf8.Valid(data) && !strings.HasSuffix(name, ".png") {
			t.Errorf("%s is not UTF-8", name)
		}
	}
	if page := string(r.Files["étapes/index.html"]); !strings.Contains(page, "Étapes") {
		t.Errorf("the list of étapes/ is not titled Étapes:\n%s", page)
	}
}

// A name whose é is e and an accent (as macOS once kept names) was
// refused with "use letters", though it is letters.
func TestDecomposedNamesAreLetters(t *testing.T) {
	const nfd = "content/re\u0301sume\u0301s/re\u0301sume\u0301.md"
	r := Site(smallSite(t, map[string]string{
		nfd:                 frontMatter("title: Résumé", "description: d"),
		"content/about.md":  "---\ntitle: About\ndescription: d\n---\nSee [the résumé](résumés/résumé.md).\n",
		"content/accent.md": frontMatter("title: Accent", "description: d", "slug: cafe\u0301"),
	}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	if _, ok := r.Files["résumés/résumé/index.html"]; !ok {
		t.Errorf("no page at /résumés/résumé/ (one form of é): %q", r.Files.Paths())
	}
	if _, ok := r.Files["café/index.html"]; !ok {
		t.Errorf("the slug café is not at /café/")
	}
	if about := string(r.Files["about/index.html"]); !strings.Contains(about, `href="/r%C3%A9sum%C3%A9s/r%C3%A9sum%C3%A9/"`) {
		t.Errorf("the link typed with é as one letter does not lead to the page:\n%s", about)
	}
}

func TestStepAndMinutesAreCounts(t *testing.T) {
	for name, c := range map[string]struct{ file, text, at, want string }{
		"step 0":            {"content/articles/zero.md", frontMatter("title: Z", "description: d", "step: 0"), ":4:1", "step must be 1 or more"},
		"step -1":           {"content/articles/zero.md", frontMatter("title: Z", "description: d", "step: -1"), ":4:1", "step must be 1 or more"},
		"step 0 off a path": {"content/about.md", frontMatter("title: Z", "description: d", "step: 0"), ":4:1", "only articles are steps"},
		"minutes 0":         {"content/worksheets/zero.md", frontMatter("title: Z", "description: d", "minutes: 0"), ":4:1", "minutes must be 1 or more"},
	} {
		t.Run(name, func(t *testing.T) {
			r := Site(smallSite(t, map[string]string{c.file: c.text}), Options{})
			wantOnly(t, r.Problems, c.file+c.at, c.want)
		})
	}
}

// A worksheet without minutes said "0 min": the templates are given 0 for
// "not said", and show nothing for it.
func TestNoMinutesShowsNoTime(t *testing.T) {
	r := Site(smallSite(t, map[string]string{
		"content/worksheets/untimed.md": frontMatter("title: Untimed", "description: d", "article: ../articles/first.md"),
	}), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	page := string(r.Files["articles/first/index.html"])
	if !strings.Contains(page, "Untimed") || strings.Contains(page, "Untimed</a> (0 min") {
		t.Errorf("the article lists its untimed worksheet with a time of 0:\n%s", page)
	}
}

// A static file whose fingerprinted name is longer than a disk takes
// failed while writing, and check called the site clean.
func TestFingerprintedNameTooLong(t *testing.T) {
	name := "static/css/" + strings.Repeat("a", 250) + ".css"
	r := Site(smallSite(t, map[string]string{name: "a{color:red}"}), Options{})
	wantOnly(t, r.Problems, name+":1:1", "with its fingerprint, is 263 bytes long, but a file's name holds 255 at most: shorten this file's name by 8 bytes")
	slug := strings.Repeat("s", 256)
	r = Site(smallSite(t, map[string]string{"content/long.md": frontMatter("title: L", "description: d", "slug: "+slug)}), Options{})
	wantOnly(t, r.Problems, "content/long.md:4:1", "slug is 256 bytes long, but a folder's name holds 255 at most")
}

// A broken link written in a template was reported at a markdown file
// that does not hold it.
func TestTemplateLinkReportedAtTheTemplate(t *testing.T) {
	footer := "<footer>\n  <p>Also: <a href=\"/nowhere/\">more</a></p>{{range .Site.Crisis}}<a href=\"{{.Href}}\">{{.Name}}</a>{{end}}</footer>\n"
	r := Site(smallSite(t, map[string]string{"templates/_site-footer.html": footer}), Options{})
	wantOnly(t, r.Problems, "templates/_site-footer.html:2:21", "/nowhere/ leads nowhere")
}
