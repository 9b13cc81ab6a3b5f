package markdown

import (
	stdhtml "html"

	"github.com/yuin/goldmark/renderer/html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// goldmark renders only the link attributes it knows, and hreflang is not
// one of them (lang is): let it through.
func init() { html.LinkAttributeFilter = html.LinkAttributeFilter.ExtendString("hreflang") }

// MarkLanguage tags a link that leads to a page in another language than
// the page's (a translation links to the English page it has no
// translation of): hreflang on the link, and a note after it that readers
// see, such as "(en anglais)".
func (r *Ref) MarkLanguage(code, note string) {
	r.node.SetAttributeString("hreflang", []byte(code))
	if note == "" || r.node.Parent() == nil {
		return
	}
	r.node.Parent().InsertAfter(r.node.Parent(), r.node, &langNote{text: note})
}

// langNote is the note after a link to a page in another language.
type langNote struct {
	ast.BaseInline
	text string
}

var kindLangNote = ast.NewNodeKind("LangNote")

func (n *langNote) Kind() ast.NodeKind { return kindLangNote }

func (n *langNote) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Text": n.text}, nil)
}

// langNotes renders the notes: ` <span class="lang-note">(en anglais)</span>`.
type langNotes struct{}

func (langNotes) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(langNotes{}, 500)))
}

func (langNotes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindLangNote, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(` <span class="lang-note">` + stdhtml.EscapeString(n.(*langNote).text) + `</span>`)
		}
		return ast.WalkSkipChildren, nil
	})
}
