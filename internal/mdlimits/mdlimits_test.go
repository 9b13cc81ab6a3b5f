package mdlimits

import (
	"strconv"
	"strings"
	"testing"
)

// Each page crosses one limit, at the place given as line:col.
func TestLimitsCrossed(t *testing.T) {
	for _, c := range []struct {
		name, src, at, message string
	}{
		{"unclosed link destinations", strings.Repeat("[a](", 100), "1:3", "destination does not end"},
		{"unclosed <destinations>", "x\n" + strings.Repeat("[a](<b ", 100), "2:3", "destination does not end"},
		{"unclosed titles", strings.Repeat("[a](b (", 100), "1:3", "destination does not end"},
		{"emphasis runs", "x\n" + strings.Repeat("*a_", 101), "2:301", "more than 200 runs of * _ ~"},
		{"strikethrough runs", strings.Repeat("~a ", 201), "1:601", "more than 200 runs"},
		{"open brackets", strings.Repeat("[a", 33), "1:65", "more than 32 [ are open"},
		{"reference definitions", refs(600, "\n"), "501:1", "more than 500 lines"},
		{"quotes", strings.Repeat(">", 41) + " a", "1:1", "nested 41 levels"},
		{"lists", "- a\n" + strings.Repeat("  ", 40) + "- b", "2:1", "nested 41 levels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check([]byte(c.src))
			if got == nil {
				t.Fatalf("no limit crossed")
			}
			line := 1 + strings.Count(c.src[:got.Offset], "\n")
			col := got.Offset - strings.LastIndexByte(c.src[:got.Offset], '\n')
			if at := strconv.Itoa(line) + ":" + strconv.Itoa(col); at != c.at || !strings.Contains(got.Message, c.message) {
				t.Errorf("at %s: %s\nwant at %s: …%s…", at, got.Message, c.at, c.message)
			}
		})
	}
}

func refs(n int, sep string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[r" + strconv.Itoa(i) + "]: /u" + sep)
	}
	return b.String()
}

// What an author writes stays far from every limit: the same counts cut by
// blank lines, escaped, in code, in separate list items, rows or fields.
func TestLimitsLeaveRealPagesAlone(t *testing.T) {
	for name, src := range map[string]string{
		"paragraphs":         strings.Repeat("Some *very* important _words_ and ~~old~~ ones.\n\n", 2000),
		"links":              strings.Repeat("[a](x.md) [b](<y z.md> \"t\") [c](https://e.org/a_(b)) ", 2000),
		"links side by side": strings.Repeat("[a](x.md)[b](y.md)", 2000),
		"escaped":            strings.Repeat(`\*a\_ \[`, 1000),
		"fenced code":        "```\n" + strings.Repeat("*a_[a](", 1000) + "\n```\n",
		"list items":         strings.Repeat("- **Term**: a *word*\n", 1000),
		"table rows":         "| a | b |\n|---|:-:|\n" + strings.Repeat("| **x** | _y_ |\n", 1000),
		"fields":             strings.Repeat("? A *question* [0-10: *no* | *yes*]\n", 1000),
		"definitions":        refs(10000, "\n\n"),
		"headings":           strings.Repeat("# *A* _b_\n", 1000),
		"nesting":            "> > > - a\n>       - b\n",
	} {
		if got := Check([]byte(src)); got != nil {
			t.Errorf("%s: %s (at byte %d)", name, got.Message, got.Offset)
		}
	}
}
