package worksheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// A scale marker ends a field's last line: "[0-10]", or, saying what its two
// ends mean, "[0-10: not at all | completely]".
var (
	closedEnd  = regexp.MustCompile(`\[([^\[\]]*)\]\s*$`)          // the last "[...]" of a line
	openEnd    = regexp.MustCompile(`\[\s*\d[^\[\]]*?\s*$`)        // "[1-10", never closed
	scaleRange = regexp.MustCompile(`^\s*(\d+)\s*[-–]\s*(\d+)\s*`) // "1-10" and the spaces after it
)

// scaleMarker is where a scale marker starts on a line, and what it holds.
type scaleMarker struct {
	start  int    // the index of its "["
	inside string // between the brackets
	closed bool   // false for "[1-10" with no "]"
}

// findScale finds the scale marker at the end of line, if there is one.
//
// Any "[...]" ending a field's line is taken for a scale, so that a mistyped
// one ("[a-b]", "[1-10 not at all | completely]") is reported rather than
// shown as a text box with brackets in its question; so is a "[" and a digit
// never closed ("[1-10"). Brackets that mean something else are left alone:
// an escaped "\[", a footnote "[^1]", a link "[text][ref]", or a "[ref]"
// defined earlier in the page.
func findScale(line []byte, pc parser.Context) (scaleMarker, bool) {
	if m := closedEnd.FindSubmatchIndex(line); m != nil {
		inside := string(line[m[2]:m[3]])
		if escaped(line, m[0]) || strings.HasPrefix(inside, "^") ||
			(m[0] > 0 && line[m[0]-1] == ']') || isReference(inside, pc) {
			return scaleMarker{}, false
		}
		return scaleMarker{start: m[0], inside: inside, closed: true}, true
	}
	if m := openEnd.FindIndex(line); m != nil && !escaped(line, m[0]) {
		return scaleMarker{start: m[0], inside: strings.TrimSpace(string(line[m[0]+1 : m[1]]))}, true
	}
	return scaleMarker{}, false
}

// escaped reports whether the byte at i follows an odd number of backslashes.
func escaped(line []byte, i int) bool {
	n := 0
	for i > 0 && line[i-1] == '\\' {
		n, i = n+1, i-1
	}
	return n%2 == 1
}

func isReference(label string, pc parser.Context) bool {
	_, ok := pc.Reference(util.ToLinkReference([]byte(label)))
	return ok
}

// setScale gives f the range and end labels written in m, and says what is
// wrong with them, if anything. A scale without end labels works, but
// f.Warning asks for them: a reader cannot tell whether 10 is the best or the
// worst.
func setScale(f *Field, m scaleMarker) string {
	written := "[" + m.inside + "]"
	if !m.closed {
		return fmt.Sprintf(`scale "[%s" is not closed: end it with "]" on the same line, as in %s`, m.inside, example(0, 10))
	}
	r := scaleRange.FindStringSubmatchIndex(m.inside)
	if r == nil {
		return fmt.Sprintf(`%q is not a scale: write a scale as %s, or write "\[" to show a bracket as text`, written, example(0, 10))
	}
	if p := setRange(f, m.inside[r[2]:r[3]], m.inside[r[4]:r[5]]); p != "" {
		return p
	}
	rest := m.inside[r[1]:]
	switch {
	case rest == "":
		f.Warning = fmt.Sprintf("scale %s does not say what its ends mean: add two labels, as in %s", written, example(f.Low, f.High))
		return ""
	case rest[0] != ':':
		return fmt.Sprintf(`scale %q needs a ":" after its numbers, then its end labels, as in %s`, written, example(f.Low, f.High))
	}
	labels := strings.Split(rest[1:], "|")
	if len(labels) != 2 {
		return fmt.Sprintf(`scale %q needs two end labels with one "|" between them, as in %s`, written, example(f.Low, f.High))
	}
	low, high := strings.TrimSpace(labels[0]), strings.TrimSpace(labels[1])
	if low == "" || high == "" {
		return fmt.Sprintf("scale %q has an empty end label: say what both ends mean, as in %s", written, example(f.Low, f.High))
	}
	f.LowLabel, f.HighLabel = low, high
	return ""
}

// example is a well-written scale with the author's own numbers.
func example(low, high int) string {
	return fmt.Sprintf("[%d-%d: not at all | completely]", low, high)
}

// setRange records a scale's range and says what is wrong with it, if anything.
func setRange(f *Field, low, high string) string {
	written := "[" + low + "-" + high + "]"
	lo, err1 := strconv.Atoi(low)
	hi, err2 := strconv.Atoi(high)
	span := max(hi-lo, lo-hi) + 1
	switch {
	case err1 != nil || err2 != nil || span > maxScale: // an error is a number too big
		return fmt.Sprintf("scale %s has too many values: use at most %d, as in [1-10] or [0-10]", written, maxScale)
	case lo > hi:
		return fmt.Sprintf("scale %s runs backwards: write the low number first, as [%d-%d]", written, hi, lo)
	case lo == hi:
		return fmt.Sprintf("scale %s has a single value: write a range, as in [1-5] or [1-10]", written)
	}
	f.Low, f.High = lo, hi
	return ""
}
