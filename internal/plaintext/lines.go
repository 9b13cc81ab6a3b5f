package plaintext

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Lines gathers a page's readable text during a walk of its tree, one
// block (paragraph, heading, list item, table cell, field) per line,
// without code: code blocks and raw HTML are skipped. The caller walks the
// tree, so one walk serves everything it learns from it.
type Lines struct {
	src     []byte
	text    []byte
	block   ast.Node // the block whose text is being gathered, or nil
	start   int      // where its text starts
	heading string   // the text of the last heading, untrimmed
}

// NewLines returns Lines for a tree parsed from src.
func NewLines(src []byte) *Lines { return &Lines{src: src, text: make([]byte, 0, len(src))} }

// Reset makes l Lines for a tree parsed from src, keeping the room it has
// for the text: one Lines can gather page after page.
func (l *Lines) Reset(src []byte) { *l = Lines{src: src, text: l.text[:0]} }

// Visit takes what node n adds to the text, and says whether to walk n's
// children. Call it for every node of a walk, entering and leaving.
func (l *Lines) Visit(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		if n == l.block {
			l.endBlock()
		}
		return ast.WalkContinue
	}
	switch n.Kind() {
	case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		return ast.WalkSkipChildren
	}
	if l.block == nil && n.Type() == ast.TypeBlock && (!n.HasChildren() || n.FirstChild().Type() == ast.TypeInline) {
		l.block, l.start = n, len(l.text)
		return ast.WalkContinue
	}
	if l.block == nil {
		return ast.WalkContinue
	}
	return inline(n, l.src, l)
}

// take decodes a piece as goldmark renders it (decode), so the text is
// what a reader sees: "1\." is "1.", "&copy;" is "©", but "&copy" with no
// semicolon and "&amp;" in code stay as they are shown.
func (l *Lines) take(v []byte, k kind) { l.text = decode(l.text, v, k) }

// endBlock ends a block's line: its spaces go from both ends; an empty
// block adds nothing.
func (l *Lines) endBlock() {
	line := l.text[l.start:]
	if l.block.Kind() == ast.KindHeading {
		l.heading = string(line)
	}
	line = bytes.TrimSpace(line)
	l.text = append(l.text[:l.start], line...) // never longer: copy is safe in place
	if len(line) > 0 {
		l.text = append(l.text, '\n')
	}
	l.block = nil
}

// Text returns the text gathered so far.
func (l *Lines) Text() []byte { return l.text }

// Heading returns the text of the last heading the walk left, with its
// spaces: its table of contents entry.
func (l *Lines) Heading() string { return l.heading }
