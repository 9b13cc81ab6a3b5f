// Package diag holds the problems a build finds in an author's sources.
//
// Every problem names the file (relative to the site root), the line and the
// column where it was found, and says what to do. Problems are collected, not
// returned one at a time, so an author sees all of them at once.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error   Severity = iota // the site is not written
	Warning                 // reported, the site is still written
)

// Diagnostic is one problem at one place in one file.
type Diagnostic struct {
	Path     string // relative to the site root, with forward slashes: "content/articles/x.md"
	Line     int    // 1-based; 0 when the problem is about the whole file
	Col      int    // 1-based; 0 when unknown
	Message  string
	Severity Severity
}

// String formats the diagnostic as "path:line:col: message", the shape editors
// and terminals turn into a link.
func (d Diagnostic) String() string {
	line, col := d.Line, d.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	prefix := ""
	if d.Severity == Warning {
		prefix = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", d.Path, line, col, prefix, d.Message)
}

// List is a set of diagnostics. The zero value is an empty list ready to use.
type List []Diagnostic

// Add records an error at path:line:col.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

// Warn records a warning at path:line:col.
func (l *List) Warn(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic stops the build.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the diagnostics that stop the build.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by path, line, column, severity and message, so
// output is stable however the build was scheduled. Duplicates are removed.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
	out := l[:0]
	for i, d := range l {
		if i > 0 && d == l[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Error joins the diagnostics one per line, so a List can be returned as an error.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Count says how many there are of a thing, for people: "1 error", "2 errors".
func Count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
