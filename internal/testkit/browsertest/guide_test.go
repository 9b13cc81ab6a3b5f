package browsertest_test

import (
	"bytes"
	"cmp"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What the guide promises its readers, checked on the built site without a
// browser: help is on every page, a shared worksheet never asks about fear,
// every scale reads the same way, and the home page draws the whole path.

// domesticViolenceLine is Nova Scotia's 24-hour domestic violence line
// (content/site.yaml says where it was checked).
const domesticViolenceLine = "1-855-225-0220"

// TestEveryFooterLeadsToHelp: every page's footer shows the domestic
// violence line, as a link that dials it, and leads to Safety first; every
// line it offers shows the number it dials, for readers who cannot tap it.
func TestEveryFooterLeadsToHelp(t *testing.T) {
	files := builtSite(t)
	for _, name := range htmlPages(files) {
		footer := first(parsePage(t, name, files[name]), byClass(atom.Footer, "site-footer"))
		if footer == nil {
			t.Errorf("%s: no footer", name)
			continue
		}
		if !slices.ContainsFunc(all(footer, byTag(atom.A)), func(a *html.Node) bool {
			return attr(a, "href") == "tel:"+domesticViolenceLine && strings.Contains(text(a), domesticViolenceLine)
		}) {
			t.Errorf("%s: the footer does not show the domestic violence line %s as a link to call it", name, domesticViolenceLine)
		}
		safety := "/safety/" // in the page's language
		if strings.HasPrefix(name, "fr/") {
			safety = "/fr/safety/"
		}
		if first(footer, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == safety }) == nil {
			t.Errorf("%s: the footer has no link to %s", name, safety)
		}
		for _, li := range all(footer, byTag(atom.Li)) {
			for _, a := range all(li, byTag(atom.A)) {
				href := attr(a, "href")
				number, ok := strings.CutPrefix(href, "tel:")
				if !ok {
					number, ok = strings.CutPrefix(href, "sms:")
				}
				if ok && !strings.Contains(text(li), number) {
					t.Errorf("%s: the footer's %q does not show the number it dials (%s)", name, text(li), href)
				}
			}
		}
	}
}

// fearWords are what a question about fear of the partner is made of.
var fearWords = regexp.MustCompile(`(?i)\b(afraid|fear|scared|frighten|unsafe|safe|threat|violen|abus|hurts? me)`)

// TestSharedWorksheetsDoNotAskAboutFear: a worksheet meant for both
// partners, who see each other's answers, has no field about fear or safety;
// those questions belong to the private safety check, filled in alone.
func TestSharedWorksheetsDoNotAskAboutFear(t *testing.T) {
	files := builtSite(t)
	shared := 0
	for _, w := range worksheetSources(t) {
		page, ok := files[w.output]
		if !ok {
			t.Errorf("%s: no page %s in the built site", w.source, w.output)
			continue
		}
		fields := all(parsePage(t, w.output, page), byClass(0, "worksheet-field"))
		if w.For == "both" {
			shared++
			for _, f := range fields {
				if m := fearWords.FindString(text(f)); m != "" {
					t.Errorf("%s is for both partners but asks %q (%q): move it to the private safety check", w.source, attr(f, "data-field"), m)
				}
			}
		}
		if w.Short == "self-check" && !slices.ContainsFunc(fields, func(f *html.Node) bool { return fearWords.MatchString(text(f)) }) {
			t.Errorf("%s: the private safety check asks nothing about fear", w.source)
		}
	}
	if shared < 5 {
		t.Errorf("only %d worksheets are for both partners: is the check reading them?", shared)
	}
}

// TestEveryScaleReadsTheSameWay: every scale in the guide runs from 0 to 10
// and says what its two ends mean, so a reader never wonders whether 10 is
// the best or the worst.
func TestEveryScaleReadsTheSameWay(t *testing.T) {
	files := builtSite(t)
	want := make([]string, 11)
	for i := range want {
		want[i] = strconv.Itoa(i)
	}
	scales := 0
	for _, name := range htmlPages(files) {
		for _, scale := range all(parsePage(t, name, files[name]), byClass(atom.Fieldset, "worksheet-scale")) {
			scales++
			question := text(first(scale, byTag(atom.Legend)))
			var values []string
			for _, radio := range all(scale, byTag(atom.Input)) {
				values = append(values, attr(radio, "value"))
			}
			if !slices.Equal(values, want) {
				t.Errorf("%s: %q runs %v, want 0 to 10 like every scale of the guide", name, question, values)
			}
			if first(scale, byClass(atom.Span, "worksheet-scale-ends")) == nil {
				t.Errorf("%s: %q does not say what its ends mean: write [0-10: low end | high end]", name, question)
			}
		}
	}
	if scales == 0 {
		t.Error("the guide has no scale: is the check reading the worksheets?")
	}
}

// TestHomeDrawsTheWholePath: the home page shows one stop for each step of
// the guided path, whatever their number.
func TestHomeDrawsTheWholePath(t *testing.T) {
	files := builtSite(t)
	steps := 0
	for _, source := range markdownFiles(t, "content/articles") {
		var meta struct {
			Step int `yaml:"step"`
		}
		frontMatter(t, source, &meta)
		if meta.Step > 0 {
			steps++
		}
	}
	path := first(parsePage(t, "index.html", files["index.html"]), byClass(atom.Ol, "path-list"))
	if path == nil {
		t.Fatal("the home page has no path-list")
	}
	if stops := len(all(path, byTag(atom.Li))); stops != steps || steps < 7 {
		t.Errorf("the home page draws %d stops; the guided path has %d steps", stops, steps)
	}
}

// A worksheet as its author wrote it, and where the build puts it.
type worksheetSource struct {
	source, output string
	For            string `yaml:"for"`
	Short          string `yaml:"short"`
	Slug           string `yaml:"slug"`
}

func worksheetSources(t *testing.T) []worksheetSource {
	t.Helper()
	var sheets []worksheetSource
	for _, source := range markdownFiles(t, "content/worksheets") {
		if path.Base(source) == "_index.md" {
			continue
		}
		w := worksheetSource{source: source}
		frontMatter(t, source, &w)
		slug := cmp.Or(w.Slug, strings.TrimSuffix(path.Base(source), ".md"))
		w.output = "worksheets/" + slug + "/index.html"
		sheets = append(sheets, w)
	}
	return sheets
}

// markdownFiles lists the .md files of a folder of the repository, as paths
// from its root.
func markdownFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(repo, dir, "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no markdown in %s: %v", dir, err)
	}
	for i, n := range names {
		names[i] = dir + "/" + filepath.Base(n)
	}
	return names
}

// frontMatter reads the YAML between a file's "---" lines into v; keys v
// does not name are ignored.
func frontMatter(t *testing.T, source string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, source))
	if err != nil {
		t.Fatal(err)
	}
	parts := bytes.SplitN(data, []byte("---\n"), 3)
	if len(parts) < 3 || len(parts[0]) != 0 {
		t.Fatalf("%s: no front matter", source)
	}
	if err := yaml.Unmarshal(parts[1], v); err != nil {
		t.Fatalf("%s: %v", source, err)
	}
}

func htmlPages(files map[string][]byte) []string {
	var pages []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	return pages
}

func parsePage(t *testing.T, name string, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// byTag matches elements of one kind; byClass, elements with a class (of
// one kind, or of any kind for 0).
func byTag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

func byClass(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && (a == 0 || n.DataAtom == a) &&
			slices.Contains(strings.Fields(attr(n, "class")), class)
	}
}

func all(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	for n := range root.Descendants() {
		if match(n) {
			found = append(found, n)
		}
	}
	return found
}

func first(root *html.Node, match func(*html.Node) bool) *html.Node {
	for n := range root.Descendants() {
		if match(n) {
			return n
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text of n and its descendants, spaces made single.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
