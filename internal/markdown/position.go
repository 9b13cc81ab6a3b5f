package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position converts a byte offset into a 1-based line and column (in
// characters, not bytes, as editors count them). For many offsets of one
// source, use a Positions.
func Position(src []byte, offset int) (line, col int) {
	return NewPositions(src).At(offset)
}

// Positions converts byte offsets of one source into lines and columns. It
// finds the line by halving a list of line starts, and counts the column
// from the offset asked for last when that is earlier on the same line, so
// a page's links and problems, asked for in source order, cost the length of
// the page in all, even 80,000 links on one line.
type Positions struct {
	src    []byte
	starts []int // where each line starts, made on first use
	last   struct{ offset, line, col int }
}

// NewPositions returns the positions of src.
func NewPositions(src []byte) *Positions { return &Positions{src: src} }

// At returns the line and column of offset; an offset past the end is the end.
func (p *Positions) At(offset int) (line, col int) {
	offset = min(max(offset, 0), len(p.src))
	if p.starts == nil {
		p.starts = lineStarts(p.src)
	}
	line = sort.SearchInts(p.starts, offset+1) // the lines starting at or before offset
	start := p.starts[line-1]
	if l := p.last; l.line == line && l.offset <= offset && (l.offset == len(p.src) || utf8.RuneStart(p.src[l.offset])) {
		col = l.col + utf8.RuneCount(p.src[l.offset:offset])
	} else {
		col = 1 + utf8.RuneCount(p.src[start:offset])
	}
	p.last.offset, p.last.line, p.last.col = offset, line, col
	return line, col
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, 1+bytes.Count(src, []byte("\n")))
	for i, rest := 0, src; ; {
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
		rest = src[i:]
	}
}
