// Package plaintext turns a goldmark syntax tree into the text a reader
// sees: a page's text for its search entry, reading time and reading grade
// (Lines), a heading's text for the table of contents (Lines.Heading), a
// worksheet field's question for its data-field (Label).
//
// Each inline node gives the same text to all three: a Text its source (and
// a space for a line break), a String its value, an autolink its label, a
// code span its code; other nodes give their children's. Both read that
// text back into characters as goldmark renders it (decode): escapes and
// character references resolved in markdown, code as written, so the text
// is what a reader sees. Label then makes every run of spaces one space;
// Lines keeps one block to a line.
package plaintext

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// kind says how a piece of text may be decoded.
type kind int

const (
	written kind = iota // as written: code, a link's label, a space
	source              // markdown: may hold backslash escapes and character references
	entity              // HTML the typographer wrote, like "&rsquo;"
)

// taker gathers the pieces of text nodes give.
type taker interface{ take(value []byte, k kind) }

var space = []byte{' '}

// inline gives what node n itself shows (not its children) to t, and says
// whether to walk n's children.
func inline(n ast.Node, src []byte, t taker) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Text:
		if n.IsRaw() {
			t.take(n.Segment.Value(src), written)
		} else {
			t.take(n.Segment.Value(src), source)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			t.take(space, written)
		}
	case *ast.String:
		if n.IsCode() {
			t.take(n.Value, entity)
		} else {
			t.take(n.Value, written)
		}
	case *ast.AutoLink:
		t.take(n.Label(src), written)
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				t.take(tx.Segment.Value(src), written)
			}
		}
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// typographic is what the typographer's entities stand for, so that a line
// with curly quotes needs no decoding of its own.
var typographic = map[string]string{
	"&lsquo;": "‘", "&rsquo;": "’", "&ldquo;": "“", "&rdquo;": "”",
	"&ndash;": "–", "&mdash;": "—", "&hellip;": "…", "&laquo;": "«", "&raquo;": "»",
}

// Label returns the text of n's children as goldmark renders it, with
// every run of spaces made one and none at either end.
func Label(n ast.Node, src []byte) []byte {
	var l label
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			return inline(c, src, &l), nil
		})
	}
	return Collapse(l.text)
}

// Collapse makes each run of spaces (unicode.IsSpace: no-break spaces too)
// in text one " ", and drops those at either end, in place. It copies a
// word at a time: runs of words and of spaces take turns.
func Collapse(text []byte) []byte {
	out := text[:0]
	for i := 0; i < len(text); {
		start, space := i, isSpaceAt(text, i)
		i = runEnd(text, i, space)
		if !space {
			if len(out) > 0 {
				out = append(out, ' ') // a run of spaces came before: never ahead of start
			}
			out = append(out, text[start:i]...)
		}
	}
	return out
}

// runEnd returns where the run of spaces, or of other characters, that
// holds text[i] ends.
func runEnd(text []byte, i int, space bool) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if unicode.IsSpace(r) != space {
			return i
		}
		i += size
	}
	return i
}

func isSpaceAt(text []byte, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiSpace[c]
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// label gathers a Label.
type label struct{ text []byte }

func (l *label) take(v []byte, k kind) { l.text = decode(l.text, v, k) }

// decode appends a piece of text to text as goldmark renders it: escapes
// and character references resolved in markdown, the typographer's
// entities as their characters, code as written.
func decode(text, v []byte, k kind) []byte {
	switch k {
	case source:
		if bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0 {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
	case entity:
		if s, ok := typographic[string(v)]; ok {
			return append(text, s...)
		}
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return append(text, v...)
}
