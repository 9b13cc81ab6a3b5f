package markdown

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
)

// Text returns the page's readable text, one block (paragraph, heading,
// list item, table cell) per line, without code. It feeds the search index,
// the reading time and the reading grade. It is made while Parse walks the
// syntax tree, so the tree is walked once for everything the build learns.
func (d *Doc) Text() string { return string(d.text) }

// texter gathers a page's readable text during a walk of its tree.
type texter struct {
	text  []byte
	block ast.Node // the block whose text is being gathered, or nil
	start int      // where its text starts
}

// visit takes what a node adds to the text. Code is no text: code blocks
// and raw HTML are skipped, and a code span's own text is taken at once.
func (t *texter) visit(n ast.Node, entering bool, src []byte) ast.WalkStatus {
	if !entering {
		if n == t.block {
			t.endBlock()
		}
		return ast.WalkContinue
	}
	switch n.Kind() {
	case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		return ast.WalkSkipChildren
	}
	if t.block == nil && n.Type() == ast.TypeBlock && (!n.HasChildren() || n.FirstChild().Type() == ast.TypeInline) {
		t.block, t.start = n, len(t.text)
		return ast.WalkContinue
	}
	if t.block == nil {
		return ast.WalkContinue
	}
	switch c := n.(type) {
	case *ast.Text:
		t.text = append(t.text, c.Segment.Value(src)...)
		if c.SoftLineBreak() || c.HardLineBreak() {
			t.text = append(t.text, ' ')
		}
	case *ast.String:
		t.text = append(t.text, c.Value...)
	case *ast.AutoLink:
		t.text = append(t.text, c.Label(src)...)
	case *ast.CodeSpan:
		for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if tx, ok := ch.(*ast.Text); ok {
				t.text = append(t.text, tx.Segment.Value(src)...)
			}
		}
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// endBlock ends a block's line: its entities (the typographer's curly
// quotes, an author's &amp;) become characters, and its spaces go from
// both ends; an empty block adds nothing.
func (t *texter) endBlock() {
	line := t.text[t.start:]
	if bytes.IndexByte(line, '&') >= 0 {
		line = []byte(html.UnescapeString(string(line)))
	}
	line = bytes.TrimSpace(line)
	t.text = append(t.text[:t.start], line...) // never longer: copy is safe in place
	if len(line) > 0 {
		t.text = append(t.text, '\n')
	}
	t.block = nil
}
