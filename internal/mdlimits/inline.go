package mdlimits

// checkInline counts, in one paragraph, what goldmark's inline parser pays
// for by the square: runs of emphasis marks, brackets open at once, and
// links whose destination runs through other links.
func checkInline(src []byte, p paragraph) *Exceeded {
	b := src[:p.end]
	runs, open := 0, 0
	for i := p.start; i < len(b); i++ {
		c := b[i]
		if !counted[c] {
			continue
		}
		switch c {
		case '\\':
			i++ // an escaped mark is text
		case '*', '_', '~':
			if i > p.start && b[i-1] == c {
				continue
			}
			if runs++; runs > MaxEmphasis {
				return exceeded(i, "this paragraph has more than %d runs of * _ ~, which would make the build slow: split it with a blank line, or write \\* \\_ \\~ for a mark that is text", MaxEmphasis)
			}
		case '[':
			if open++; open > MaxBrackets {
				return exceeded(i, "more than %d [ are open at once in this paragraph, which would make the build slow: close them with ], or write \\[ for a bracket that is text", MaxBrackets)
			}
		case ']':
			open = max(open-1, 0)
			if i+1 >= len(b) || b[i+1] != '(' {
				continue
			}
			reach, end := linkReach(b, i+2)
			if reach > MaxLinkReach {
				return exceeded(i, "this link's destination does not end (with a space or \")\") before %d more links start, which would make the build slow: close each link's ( with )", MaxLinkReach)
			}
			if end > 0 {
				i = end // a destination is no emphasis: "a_(b)" has no run
			}
		}
	}
	return nil
}

// counted are the bytes checkInline looks at: the rest of a paragraph is
// skipped at one look each.
var counted = [256]bool{'\\': true, '*': true, '_': true, '~': true, '[': true, ']': true}

// linkReach counts the "](" that goldmark's scan of a link destination and
// title starting at i passes before it ends, as goldmark scans them: a
// destination ends at white space or an unmatched ")", one in <> at ">",
// both at the end of the line; a title in double or single quotes or in
// parentheses at its closer, even lines later. It stops counting past
// MaxLinkReach. end is where the link's closing ")" is, when it is there:
// else 0.
func linkReach(b []byte, i int) (n, end int) {
	count := func(j int) bool {
		if b[j] == ']' && j+1 < len(b) && b[j+1] == '(' {
			n++
		}
		return n > MaxLinkReach
	}
	i = skipSpace(b, i)
	depth, angle := 0, i < len(b) && b[i] == '<'
	for ; i < len(b) && b[i] != '\n'; i++ {
		c := b[i]
		if c == '\\' {
			i++
			continue
		}
		if count(i) || angle && c == '>' || !angle && (c == ' ' || c == '\t' || c == ')' && depth == 0) {
			break
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			depth--
		}
	}
	if n > MaxLinkReach {
		return n, 0
	}
	i = skipSpace(b, i)
	if i < len(b) && b[i] == ')' {
		return n, i
	}
	if i >= len(b) || (b[i] != '"' && b[i] != '\'' && b[i] != '(') {
		return n, 0
	}
	closer := b[i]
	if closer == '(' {
		closer = ')'
	}
	for i++; i < len(b) && b[i] != closer && !count(i); i++ {
		if b[i] == '\\' {
			i++
		}
	}
	if i = skipSpace(b, i+1); n <= MaxLinkReach && i < len(b) && b[i] == ')' {
		return n, i
	}
	return n, 0
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
