package worksheet

import (
	"unicode/utf8"

	"github.com/trustguide/guide/internal/diag"
	"github.com/yuin/goldmark/ast"
)

// Spec is what a translation of a worksheet must keep of each field, so
// that answers saved in one language open in the other: its id, its
// control, a scale's bounds. Line and Col say where the field is in its
// page (1-based, the column in characters).
type Spec struct {
	ID        string
	Control   Control
	Low, High int // a Scale's values
	Line, Col int
}

// Specs lists the fields of doc, a page parsed with the extension from
// src, in the order of the source. A field with a Problem is left out:
// Check reports it.
func Specs(doc ast.Node, src []byte) []Spec {
	var specs []Spec
	at := lineCounter{src: src, line: 1}
	for _, f := range fieldsOf(doc) {
		if f.Problem == "" {
			line, col := at.position(f.Pos())
			specs = append(specs, Spec{ID: f.ID, Control: f.Control, Low: f.Low, High: f.High, Line: line, Col: col})
		}
	}
	return specs
}

// lineCounter finds the lines and columns of offsets given in increasing
// order, reading the source once.
type lineCounter struct {
	src          []byte
	offset, line int
	lineStart    int
}

func (c *lineCounter) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(c.src))
	if offset < c.offset {
		c.offset, c.line, c.lineStart = 0, 1, 0
	}
	for ; c.offset < offset; c.offset++ {
		if c.src[c.offset] == '\n' {
			c.line, c.lineStart = c.line+1, c.offset+1
		}
	}
	return c.line, 1 + utf8.RuneCount(c.src[c.lineStart:offset])
}

// Page is a worksheet's path and its fields, as Specs lists them.
type Page struct {
	Path   string
	Fields []Spec
}

// CompareFields reports how a translated worksheet's fields differ from its
// English page's: each at the translation's field (a missing one where it
// should be), naming the English field by id and line, saying what to do.
// Fields are matched by id: the same ids in the same order, each the same
// kind of control, each scale with the same bounds. A field whose id is
// not the English one in its place is one difference, not a missing and an
// extra field.
func CompareFields(english, translation Page) diag.List {
	c := comparison{english: english, translation: translation}
	c.compare()
	return c.problems.Sort()
}
