package worksheet

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// labelTransformer keeps field labels to phrasing text, after inline
// parsing: a link gives way to its text (a <label> may not contain one), and
// raw HTML is shown as text, never passed through, even with html.WithUnsafe.
// It also notes the page's fields on its Document, in the order of the
// tree, so that what the builder asks of them (Check, HasFields, Specs...)
// needs no walk of its own. A page without fields is not walked at all.
type labelTransformer struct{}

func (labelTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if pg, ok := pc.Get(pageKey).(*page); !ok || !pg.fields {
		return
	}
	var fields []*Field
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*Field); ok && entering {
			flatten(f, reader.Source())
			fields = append(fields, f)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	doc.AddMeta(fieldsMeta, fields)
}

func flatten(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch c := c.(type) {
		case *ast.Link:
			flatten(c, src)
			for gc := c.FirstChild(); gc != nil; gc = c.FirstChild() {
				n.InsertBefore(n, c, gc)
			}
			n.RemoveChild(n, c)
		case *ast.AutoLink:
			n.ReplaceChild(n, c, ast.NewString(c.Label(src)))
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				t := ast.NewTextSegment(c.Segments.At(i))
				t.SetSoftLineBreak(i < c.Segments.Len()-1)
				n.InsertBefore(n, c, t)
			}
			n.RemoveChild(n, c)
		default:
			flatten(c, src)
		}
		c = next
	}
}
