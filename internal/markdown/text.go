package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Text returns the page's readable text, one block (paragraph, heading,
// list item, table cell) per line, without code. It feeds the search index,
// the reading time and the reading grade.
func (d *Doc) Text() string {
	var b strings.Builder
	b.Grow(len(d.Source))
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && !n.HasChildren() || n.Type() == ast.TypeBlock && n.FirstChild().Type() == ast.TypeInline {
			if t := strings.TrimSpace(plainText(n, d.Source)); t != "" {
				b.WriteString(t)
				b.WriteByte('\n')
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
