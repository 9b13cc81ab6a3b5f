package worksheet

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// BenchmarkPasses asks of each page of testPages what
// the builder asks: its problems and warnings, whether it is a form, and a
// form's fields and scales; with its parsing, and without.
//
//	go test ./internal/worksheet -run '^$' -bench Passes -benchmem
func BenchmarkPasses(b *testing.B) {
	var pages [][]byte
	for _, src := range testPages() {
		pages = append(pages, src)
	}
	md := newMarkdown()
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range pages {
				passes(md.Parser().Parse(text.NewReader(src)), src)
			}
		}
	})
	docs := make([]ast.Node, len(pages))
	for i, src := range pages {
		docs[i] = md.Parser().Parse(text.NewReader(src))
	}
	b.Run("parsed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i, doc := range docs {
				passes(doc, pages[i])
			}
		}
	})
}

func passes(doc ast.Node, src []byte) {
	_, _ = Check(doc), Warnings(doc)
	if HasFields(doc) {
		_, _ = Specs(doc, src), Scales(doc)
	}
}
