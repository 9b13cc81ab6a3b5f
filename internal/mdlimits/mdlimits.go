// Package mdlimits refuses, before goldmark reads it, a page that would keep
// goldmark busy for minutes.
//
// goldmark takes time that grows with the square of some counts inside one
// paragraph: runs of * _ ~ that find no partner (each closer looks back over
// every opener), link destinations that never end (each "](" scans to the end
// of the line), lines of one paragraph (each reference label is looked up from
// the paragraph's last line), brackets and quotes nested deep. Real pages stay
// far below the bounds here, which keep any page of 10 MB within seconds; a
// page beyond one is refused at the line and column where it crosses it,
// with the limit named and what to do.
//
// Check reads the page once, line by line, in time linear in its length.
package mdlimits

import "fmt"

// The limits. Each is far above what an author writes, and low enough that
// the square it bounds stays small: see BenchmarkWorstPages in the tests.
const (
	MaxNesting   = 40  // levels of > quotes and list items on one line
	MaxLines     = 500 // lines of one paragraph (a run of reference definitions is one)
	MaxEmphasis  = 200 // runs of * _ ~ in one paragraph, heading or table cell row
	MaxBrackets  = 32  // [ open at once in one paragraph
	MaxLinkReach = 16  // other "](" that one link's destination and title run through
)

// Exceeded is a limit a page crosses: at Offset, the byte where it does.
type Exceeded struct {
	Offset  int
	Message string
}

// Check returns the first limit src crosses, or nil.
func Check(src []byte) *Exceeded {
	var found *Exceeded
	forEachParagraph(src, func(p paragraph) bool {
		found = p.exceeded
		if found == nil {
			found = checkInline(src, p)
		}
		return found == nil
	})
	return found
}

func exceeded(offset int, format string, args ...any) *Exceeded {
	return &Exceeded{Offset: offset, Message: fmt.Sprintf(format, args...)}
}

// MaxLinkBytes is how many bytes of destinations and titles the links of a
// page of n bytes may write. A reference definition is written again at each
// use: one of 5 MB used a million times would be terabytes.
func MaxLinkBytes(n int) int { return 8*n + 1<<20 }

// LinkBytes is the limit MaxLinkBytes crossed at the link at offset.
func LinkBytes(offset int) *Exceeded {
	return exceeded(offset, "the links of this page, up to this one, write more than 8 times the page's size in destinations and titles (a long link reference definition used many times), which would make the page huge and the build slow: shorten the definition or use it less")
}
