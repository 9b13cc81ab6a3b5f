package worksheet

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// Control says which form control answers a field.
type Control int

const (
	TextArea Control = iota // "? question": a multi-line answer
	TextLine                // "? question: ___": a one-line answer
	Scale                   // "? question [1-10]": one radio button per value
	Checkbox                // "- [ ] statement": a task list item
)

var controlNames = [...]string{"TextArea", "TextLine", "Scale", "Checkbox"}

func (c Control) String() string { return controlNames[c] }

// KindField is the NodeKind of a Field.
var KindField = ast.NewNodeKind("WorksheetField")

// Field is one worksheet field: a question (its inline children, the label)
// and the control that answers it. Pos is the byte offset of the field line
// in the source. A field with a Problem renders as a plain paragraph of its
// source text, so a mistake never yields a half-working control; a field
// with a Warning works, but could serve its reader better.
type Field struct {
	ast.BaseBlock
	Control             Control
	ID                  string // unique in the page; also the control's name
	Low, High           int    // the values of a Scale
	LowLabel, HighLabel string // what a Scale's two ends mean, as plain text; "" if not written
	Ends                string // the sentence that says so, in the page's language: set by the builder before rendering
	Checked             bool   // a Checkbox ticked in the source: "- [x] ..."
	Problem             string // what is wrong with the line and what to do; "" if nothing
	Warning             string // what the author could add; "" if nothing
	at                  int    // offset of the scale or {#id} the Problem or Warning is about; 0: the field line

	// blocksSubmit marks the first one-line field of a page, which also
	// renders a disabled submit button (see renderField).
	blocksSubmit bool
}

// Kind implements ast.Node.
func (n *Field) Kind() ast.NodeKind { return KindField }

// Dump implements ast.Node.
func (n *Field) Dump(source []byte, level int) {
	m := map[string]string{"Control": n.Control.String(), "ID": n.ID}
	if n.Control == Scale {
		m["Scale"] = fmt.Sprintf("%d-%d", n.Low, n.High)
		if n.LowLabel != "" {
			m["Ends"] = n.LowLabel + " | " + n.HighLabel
		}
	}
	if n.Checked {
		m["Checked"] = "true"
	}
	if n.Problem != "" {
		m["Problem"] = n.Problem
	}
	if n.Warning != "" {
		m["Warning"] = n.Warning
	}
	ast.DumpHelper(n, source, level, m, nil)
}
