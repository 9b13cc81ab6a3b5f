package mdlimits

import "bytes"

// paragraph is a run of lines goldmark may parse as one block of inline
// text: [start, end) of the source. It is cut at blank lines, fences, list
// items, headings and worksheet fields, and each row of a table is its own,
// so it is never shorter than goldmark's own paragraph, whose costs it
// bounds. Fenced code is in none.
type paragraph struct {
	start, end int
	lines      int
	table      bool      // a row of a table
	field      bool      // a worksheet field: each "? " line starts the next
	exceeded   *Exceeded // a limit crossed by its lines
}

// forEachParagraph calls f with each paragraph of src, in order, until f
// returns false or a line crosses a limit (that paragraph then carries it).
func forEachParagraph(src []byte, f func(paragraph) bool) {
	s := &splitter{emit: f}
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if !s.line(start, end, lineAt(src, start, end)) {
			return
		}
		start = end + 1
	}
	s.flush()
}

// splitter groups lines into paragraphs, handing each to emit when it ends.
type splitter struct {
	emit  func(paragraph) bool
	cur   paragraph // the paragraph the lines are in, if open
	open  bool
	fence []byte // the fence of the code block the lines are in
}

// flush ends the current paragraph; false when no more are wanted.
func (s *splitter) flush() bool {
	open := s.open
	s.open = false
	return !open || s.emit(s.cur)
}

// line takes the line src[start:end]; false when no more lines are wanted.
func (s *splitter) line(start, end int, l line) bool {
	switch {
	case l.nesting > MaxNesting:
		s.emit(paragraph{exceeded: exceeded(start,
			"this line is nested %d levels deep in quotes (>) and list items, more than the %d a page may have, which would make the build slow: nest less deeply",
			l.nesting, MaxNesting)})
		return false
	case s.fence != nil:
		if isFence(l.rest) && bytes.HasPrefix(bytes.TrimLeft(l.rest, " "), s.fence) {
			s.fence = nil
		}
		return true
	case isFence(l.rest):
		t := bytes.TrimLeft(l.rest, " ")
		s.fence = t[:len(t)-len(bytes.TrimLeft(t, string(t[:1])))]
		return s.flush()
	case len(bytes.TrimSpace(l.rest)) == 0:
		return s.flush()
	}
	return s.text(start, end, l)
}

// text takes a line of a paragraph: it goes on the current one, or starts
// its own (a list item, a heading, a field, the line after a table).
func (s *splitter) text(start, end int, l line) bool {
	field := bytes.HasPrefix(l.rest, []byte("? "))
	if s.open {
		startsOwn := l.item || isHeading(l.rest) || field && s.cur.field
		if startsOwn || s.cur.table {
			table := s.cur.table
			if !s.flush() {
				return false
			}
			s.cur, s.open = paragraph{start: start, table: table && !startsOwn, field: field}, true
		}
	}
	if !s.open {
		s.cur, s.open = paragraph{start: start, field: field}, true
	}
	p := &s.cur
	p.end, p.lines = end, p.lines+1
	if p.lines == 2 && isDelimiterRow(l.rest) {
		p.table = true
	}
	if p.lines > MaxLines && !p.table {
		p.exceeded = exceeded(start,
			"this paragraph runs on for more than %d lines (a run of link reference definitions counts as one), which would make the build slow: split it with blank lines",
			MaxLines)
		s.emit(*p)
		return false
	}
	return true
}

// line is one line of the source, its containers taken off.
type line struct {
	nesting int    // quotes and list items it opens, and indentation by twos
	item    bool   // it starts a list item
	rest    []byte // what follows the containers
}

func lineAt(src []byte, start, end int) line {
	var l line
	i, spaces := start, 0
	for i < end {
		switch c := src[i]; {
		case c == ' ':
			spaces++
			i++
		case c == '\t':
			spaces += 4
			i++
		case c == '>':
			l.nesting++
			i++
		default:
			n := listMarker(src[i:end])
			if n == 0 {
				l.nesting += spaces / 2
				l.rest = src[i:end]
				return l
			}
			l.nesting++
			l.item = true
			i += n
		}
	}
	l.nesting += spaces / 2
	return l
}

// listMarker returns the length of the list marker b starts with ("- ",
// "1. ", "3) "), or 0.
func listMarker(b []byte) int {
	i := 0
	for i < len(b) && i < 9 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	switch {
	case i == 0 && len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		i = 1
	case i > 0 && i < len(b) && (b[i] == '.' || b[i] == ')'):
		i++
	default:
		return 0
	}
	if i == len(b) || b[i] == ' ' || b[i] == '\t' {
		return i
	}
	return 0
}

// isHeading reports an ATX heading: one to six # and a space or nothing.
func isHeading(rest []byte) bool {
	n := len(rest) - len(bytes.TrimLeft(rest, "#"))
	return n >= 1 && n <= 6 && (n == len(rest) || rest[n] == ' ' || rest[n] == '\t')
}

func isFence(rest []byte) bool {
	t := bytes.TrimLeft(rest, " ")
	return len(rest)-len(t) < 4 && (bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")))
}

// isDelimiterRow reports a table's second line: "|---|:-:|", "--- | ---".
func isDelimiterRow(rest []byte) bool {
	t := bytes.TrimSpace(rest)
	return len(t) > 0 && bytes.IndexByte(t, '-') >= 0 && len(bytes.Trim(t, "|-: \t")) == 0 &&
		(bytes.IndexByte(t, '|') >= 0 || bytes.IndexByte(t, ':') >= 0)
}
