package markdown_test

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/testkit/corpus"
	"github.com/trustguide/guide/internal/worksheet"
)

// TestTextInOneWalk: the text gathered while Parse walks the tree is the
// text a walk of its own gives, block by block (how Text was made before),
// and each heading's text the text a walk of the heading gives, for every
// page of a generated site and of the guide.
func TestTextInOneWalk(t *testing.T) {
	c := markdown.New(worksheet.New())
	for name, src := range guideAndCorpus() {
		d := c.Parse(src)
		if got, want := d.Text(), textByBlocks(d.Root, src); got != want {
			t.Errorf("%s: Text\n got %q\nwant %q", name, got, want)
		}
		if got, want := headingTexts(d), headingsByWalks(d.Root, src); !slices.Equal(got, want) {
			t.Errorf("%s: headings\n got %q\nwant %q", name, got, want)
		}
	}
}

// TestTextIsWhatAReaderSees: escapes and character references are read
// as the page shows them. The text was once decoded a whole line at a
// time, so "1\\." stayed "1\\." in the table of contents, "&copy" with no
// semicolon became "©", and "&amp;" in code became "&".
func TestTextIsWhatAReaderSees(t *testing.T) {
	src := []byte("# 1\\. Tom &amp; Jerry's `&lt;` \\* &copy 2020 &#32;\n\nSay \"hi\" -- &amp;rsquo; & *&am*p; &#x41;\n")
	d := markdown.New(worksheet.New()).Parse(src)
	if got, want := d.Text(), "1. Tom & Jerry’s &lt; * &copy 2020\nSay “hi” – &rsquo; & &amp; A\n"; got != want {
		t.Errorf("Text\n got %q\nwant %q", got, want)
	}
	if got, want := headingTexts(d), []string{"1. Tom & Jerry’s &lt; * &copy 2020  "}; !slices.Equal(got, want) {
		t.Errorf("headings\n got %q\nwant %q", got, want)
	}
}

// guideAndCorpus are the guide's pages and a generated site's, by name.
func guideAndCorpus() map[string][]byte {
	pages := map[string][]byte{}
	for name, f := range corpus.Generate(300, 3) {
		if strings.HasSuffix(name, ".md") {
			pages[name] = f.Data
		}
	}
	root := filepath.Join("..", "..", "content")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			pages[p], _ = os.ReadFile(p)
		}
		return nil
	})
	return pages
}

func headingTexts(d *markdown.Doc) []string {
	var texts []string
	for _, h := range d.Headings {
		texts = append(texts, h.Text)
	}
	return texts
}

// headingsByWalks is the text of each heading, one walk per heading (how
// Headings were made before).
func headingsByWalks(root ast.Node, src []byte) []string {
	var texts []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			texts = append(texts, html.UnescapeString(rawText(h, src)))
		}
		return ast.WalkContinue, nil
	})
	return texts
}

// textByBlocks is the text of a page, one walk per block.
func textByBlocks(root ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && !n.HasChildren() || n.Type() == ast.TypeBlock && n.FirstChild().Type() == ast.TypeInline {
			if t := strings.TrimSpace(html.UnescapeString(rawText(n, src))); t != "" {
				b.WriteString(t + "\n")
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func rawText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.CodeSpan:
			for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
