package markdown

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/testutil"
)

// page converts markdown as the builder does, Parse then Refs then Render,
// behind goldmark's interface so that testutil can run a case file.
type page struct {
	goldmark.Markdown
	c *Converter
}

func (p page) Convert(src []byte, w io.Writer, _ ...parser.ParseOption) error {
	d := p.c.Parse(src)
	d.Refs()
	html, err := p.c.Render(d)
	io.WriteString(w, html)
	return err
}

// TestCases runs testdata/cases.txt: markdown, then the HTML expected.
// Run one case with: go test -run TestCases -args case=3
func TestCases(t *testing.T) {
	c := New()
	testutil.DoTestCaseFile(page{c.md, c}, "testdata/cases.txt", t, testutil.ParseCliCaseArg()...)
}

func TestHeadings(t *testing.T) {
	src := "# Why\n\n## Why it *hurts*\n\n### Why\n\n## Talk `now` {#talk}\n"
	want := []Heading{
		{1, "why", "Why"},
		{2, "why-it-hurts", "Why it hurts"},
		{3, "why-2", "Why"},
		{2, "talk", "Talk now"},
	}
	c := New()
	for i := range 2 { // a second page starts afresh: no "why-3"
		d := c.Parse([]byte(src))
		if !reflect.DeepEqual(d.Headings, want) {
			t.Errorf("parse %d: headings\n got %v\nwant %v", i+1, d.Headings, want)
		}
		for _, h := range want {
			if !d.IDs[h.ID] {
				t.Errorf("parse %d: IDs lacks %q: %v", i+1, h.ID, d.IDs)
			}
		}
	}
}

// TestRepeatedIDs checks that an {#id} equal to an id the page already has
// is reported where the repeat is, so the build can refuse it.
func TestRepeatedIDs(t *testing.T) {
	d := New().Parse([]byte("## Why\n\n## Reasons {#why}\n\n## More {#why}\n\n## Fine {#fine}\n"))
	var got []string
	for _, r := range d.Repeats {
		got = append(got, r.ID+" at "+positions(d.Source, []int{r.Offset})[0])
	}
	if want := []string{"why at 3:4", "why at 5:4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Repeats = %q, want %q", got, want)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Why":                     "why",
		"What's next?":            "whats-next",
		"What’s next?":            "whats-next",
		"  Step 2: talk -- now  ": "step-2-talk-now",
		"Ça va, Zoë":              "ça-va-zoë",
		"Доверие":                 "доверие",
		"!!!":                     "",
		strings.Repeat("a", 70):   strings.Repeat("a", 60),
	} {
		if got := Slugify([]byte(in)); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRawHTML(t *testing.T) {
	src := "<script>alert(1)</script>\n\nBe <b>kind</b>.\n"
	d := New().Parse([]byte(src))
	got := positions(d.Source, d.RawHTML())
	want := []string{"1:1", "3:4", "3:11"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RawHTML at %v, want %v", got, want)
	}
	if d := New().Parse([]byte("No *HTML* here.\n")); len(d.RawHTML()) != 0 {
		t.Errorf("RawHTML of plain markdown = %v, want none", d.RawHTML())
	}
}

func TestRefs(t *testing.T) {
	src := "Read [the next step](next.md#why) first.\n" +
		"A **[bold](/b/)** link, ![a lake](lake.jpg) and [*em*](e.md).\n" +
		"Ünïcode first: [x](u.md), then [ref][r].\n" +
		"\n[r]: https://example.org/\n"
	type ref struct {
		Dest  string
		Image bool
		At    string
	}
	want := []ref{
		{"next.md#why", false, "1:6"},
		{"/b/", false, "2:5"},
		{"lake.jpg", true, "2:25"},
		{"e.md", false, "2:49"},
		{"u.md", false, "3:16"},
		{"https://example.org/", false, "3:32"},
	}
	d := New().Parse([]byte(src))
	var got []ref
	for _, r := range d.Refs() {
		got = append(got, ref{r.Dest, r.Image, positions(d.Source, []int{r.Offset})[0]})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Refs\n got %v\nwant %v", got, want)
	}
}

func TestSetDestAndMarkExternal(t *testing.T) {
	c := New()
	d := c.Parse([]byte("[Next](next.md#why) ![Lake](lake.jpg) [Help](https://example.org/)\n"))
	refs := d.Refs()
	refs[0].SetDest("/articles/next/#why")
	refs[1].SetDest("/articles/lake.jpg")
	refs[2].MarkExternal()
	html, err := c.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p><a href="/articles/next/#why">Next</a> <img src="/articles/lake.jpg" alt="Lake"> <a href="https://example.org/" rel="external noopener noreferrer">Help</a></p>` + "\n"
	if string(html) != want {
		t.Errorf("got  %s\nwant %s", html, want)
	}
}

func TestText(t *testing.T) {
	src := "# Title\n\nOne *line*\nwrapped.\n\n- first\n- second `x`\n\n" +
		"```\ncode()\n```\n\n    indented()\n\n> Quoted.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>raw</div>\n"
	want := "Title\nOne line wrapped.\nfirst\nsecond x\nQuoted.\na\nb\n1\n2\n"
	if got := New().Parse([]byte(src)).Text(); got != want {
		t.Errorf("Text\n got %q\nwant %q", got, want)
	}
}

func TestPosition(t *testing.T) {
	src := []byte("ab\nçé x\n\nend")
	for _, c := range []struct {
		offset    int
		line, col int
	}{
		{0, 1, 1},
		{2, 1, 3}, // the newline itself
		{3, 2, 1},
		{8, 2, 4}, // "x", after two 2-byte letters and a space
		{10, 3, 1},
		{11, 4, 1},
		{99, 4, 4}, // past the end: the end
	} {
		if line, col := Position(src, c.offset); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.offset, line, col, c.line, c.col)
		}
	}
}

func positions(src []byte, offsets []int) []string {
	var out []string
	for _, o := range offsets {
		line, col := Position(src, o)
		out = append(out, fmt.Sprintf("%d:%d", line, col))
	}
	return out
}
