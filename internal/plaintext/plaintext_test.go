package plaintext

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func parse(src string) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.Typographer, extension.Linkify))
	return md.Parser().Parse(text.NewReader([]byte(src)))
}

func TestLabel(t *testing.T) {
	src := "Tom &amp; Jerry's *big*\n[day](/d) `a  \\*` \\* \"out\"  -- <https://a.example/>"
	para := parse(src).FirstChild()
	want := "Tom & Jerry’s big day a \\* * “out” – https://a.example/"
	if got := string(Label(para, []byte(src))); got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	src := "# It's &amp; *it* #\n\nOne\ntwo `&amp;`\n\n```\ncode\n```\n\n- item\n\n<div>html</div>\n"
	root := parse(src)
	l := NewLines([]byte(src))
	var headings []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		status := l.Visit(n, entering)
		if n.Kind() == ast.KindHeading && !entering {
			headings = append(headings, l.Heading())
		}
		return status, nil
	})
	if got, want := string(l.Text()), "It’s & it\nOne two &amp;\nitem\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if len(headings) != 1 || headings[0] != "It’s & it" {
		t.Errorf("headings = %q", headings)
	}
}

// FuzzCollapse: Collapse spaces as bytes.Fields splits them (Label was
// once made with it), no-break spaces and broken UTF-8 included.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{" a  b ", "«\u202fx\u202f»", "a\u00a0\tb\xff c", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := bytes.Join(bytes.Fields([]byte(s)), []byte(" "))
		if got := Collapse([]byte(s)); !bytes.Equal(got, want) {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
