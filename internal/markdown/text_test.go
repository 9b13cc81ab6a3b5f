package markdown_test

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/trustguide/guide/internal/corpus"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/worksheet"
)

// TestTextInOneWalk: the text gathered while Parse walks the tree is the
// text a walk of its own gives, block by block (how Text was made before),
// for every page of a generated site and of the guide.
func TestTextInOneWalk(t *testing.T) {
	c := markdown.New(worksheet.New())
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
	for name, src := range pages {
		d := c.Parse(src)
		if got, want := d.Text(), textByBlocks(d.Root, src); got != want {
			t.Errorf("%s: Text\n got %q\nwant %q", name, got, want)
		}
	}
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
