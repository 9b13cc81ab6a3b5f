package content

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// yamlPieces are what the generated front matter is made of: values YAML
// reads as text, numbers, dates, booleans and nulls, and what would make a
// line anything but a plain "key: value".
var yamlPieces = []string{
	"x", "Yes", "no", "on", "true", "TRUE", "True", "tRUE", "false", "null", "Null", "NULL", "nULL", "~",
	"0", "00", "05", "08", "12", "-3", "+5", "1_000", "0x1F", "0o17", "0b101", "1.5", ".5", "1e3", ".inf", ".nan",
	"123456789012345678", "1234567890123456789", "99999999999999999999",
	"2026-03-02", "2026-3-2", "2022-02-19T18:46:30Z", "2022-02-19 18:46:30", "2026-13-45", "2026-03-02x", "20260302",
	"a: b", "a:b", "a:", ":", " #c", "#", "a#b", "“curly”", "'q'", `"q"`, "it's", "é", "\u00a0", "\u2028", "\u0085",
	"\t", " ", "  ", "[a]", "{a}", "- a", "-", "a - b", ",", "&a", "*a", "!a", "%a", "@a", "`a", "|", ">", "?", "\\",
	"Infinity", "NaN", "<<", "\r", "\x7f", "\ufeff", "\ufffd", "𝄞",
	"[a, b]", "[message, argument]", "[]", "[ ]", "[a,b]", "[ a ]", "[a, ]", "[, a]", "[a, [b]]", "[a: b]", "[a:b]",
	"[1, true]", "[a b, c]", "[null, ~]", "[2026-03-02]", "[é, “x”]", "[a #b]", "[a]]", "[[a]", "[a", "a]", "[a,,b]",
	"[\"a\"]", "['a']", "[a, {b}]", "[-a]", "[a -b]", "[a\tb]",
}

func randomFrontMatter(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(6) {
		switch rng.IntN(30) {
		case 0:
			b.WriteString("\n")
			continue
		case 1:
			b.WriteString("  ")
		}
		b.WriteString([]string{"title", "description", "weight", "date", "a", "true", "no", "x_y", "x-y", "Title", "1"}[rng.IntN(11)])
		b.WriteString([]string{": ", ": ", ": ", ":  ", ":", " : "}[rng.IntN(6)])
		for range 1 + rng.IntN(2) {
			b.WriteString(yamlPieces[rng.IntN(len(yamlPieces))])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestSimpleMappingIsYAML: whatever front matter simpleMapping takes, it
// reads into the nodes the YAML package makes of it, field for field.
func TestSimpleMappingIsYAML(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	simple := 0
	for range 300000 {
		text := randomFrontMatter(rng)
		if sameAsYAML(t, text) {
			simple++
		}
	}
	if simple < 5000 {
		t.Errorf("only %d of the generated front matters were simple: the test tests little", simple)
	}
}

func FuzzSimpleMappingIsYAML(f *testing.F) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		f.Add(randomFrontMatter(rng))
	}
	f.Fuzz(func(t *testing.T, text string) { sameAsYAML(t, text) })
}

// sameAsYAML fails t if simpleMapping takes text and reads it otherwise
// than the YAML package; it reports whether simpleMapping took it.
func sameAsYAML(t *testing.T, text string) bool {
	t.Helper()
	got, ok := simpleMapping([]byte(text))
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("simpleMapping took %q, which YAML cannot read: %v", text, err)
	}
	if len(doc.Content) != 1 {
		t.Fatalf("simpleMapping took %q, which YAML reads as %d documents", text, len(doc.Content))
	}
	if g, w := dumpNode(got), dumpNode(doc.Content[0]); g != w {
		t.Fatalf("%q:\nsimpleMapping: %s\nYAML:          %s", text, g, w)
	}
	return true
}

func dumpNode(n *yaml.Node) string {
	s := fmt.Sprintf("{%v %v %q %q %d:%d %q %q %q %q", n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.Anchor, n.HeadComment, n.LineComment, n.FootComment)
	for _, c := range n.Content {
		s += " " + dumpNode(c)
	}
	return s + "}"
}
