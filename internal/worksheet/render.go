package worksheet

import (
	"strconv"

	"github.com/trustguide/guide/internal/plaintext"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// fieldRenderer renders Field nodes as plain HTML form controls. The field's
// children, rendered by goldmark between the two halves written here, are the
// text of its <label> (or <legend>).
type fieldRenderer struct{}

func (fieldRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindField, renderField)
}

func renderField(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Field)
	switch {
	case n.Problem != "" && entering:
		_, _ = w.WriteString("<p>")
	case n.Problem != "":
		_, _ = w.WriteString("</p>\n")
	case entering:
		open(w, n, plaintext.Label(n, source))
	default:
		closeField(w, n)
	}
	return ast.WalkContinue, nil
}

// open writes the field's wrapper up to the start of its label text. The
// wrapper's data-field holds the question as plain text, for the script's
// "Save my answers as a file". Ids are letters, digits and "-" (see slug and
// claim), so they need no escaping.
func open(w util.BufWriter, n *Field, question []byte) {
	q := escape(string(question))
	id := n.ID
	switch n.Control {
	case TextArea:
		_, _ = w.WriteString(`<div class="worksheet-field worksheet-text" data-field="` + q + `">` + "\n" +
			`<label for="` + id + `">`)
	case TextLine:
		_, _ = w.WriteString(`<div class="worksheet-field worksheet-line" data-field="` + q + `">` + "\n" +
			`<label for="` + id + `">`)
	case Scale:
		_, _ = w.WriteString(`<fieldset class="worksheet-field worksheet-scale" id="` + id + `" data-field="` + q + `">` + "\n" +
			`<legend>`)
	case Checkbox:
		checked := ""
		if n.Checked {
			checked = " checked"
		}
		_, _ = w.WriteString(`<div class="worksheet-field worksheet-checkbox" data-field="` + q + `">` + "\n" +
			`<input type="checkbox" id="` + id + `" name="` + id + `"` + checked + `>` + "\n" +
			`<label for="` + id + `">`)
	}
}

// closeField writes the rest of the field after its label text: the control.
//
// The first one-line field of a page also writes a disabled, hidden submit
// button. It becomes the form's default button, and a disabled default button
// stops the browser from submitting the form when Enter is pressed in a
// one-line answer: with JavaScript off, answers would otherwise be posted to
// the server.
func closeField(w util.BufWriter, n *Field) {
	id := n.ID
	switch n.Control {
	case TextArea:
		_, _ = w.WriteString("</label>\n" +
			`<textarea id="` + id + `" name="` + id + `" rows="4" dir="auto" autocomplete="off"></textarea>` + "\n</div>\n")
	case TextLine:
		_, _ = w.WriteString("</label>\n" +
			`<input type="text" id="` + id + `" name="` + id + `" dir="auto" autocomplete="off">` + "\n")
		if n.blocksSubmit {
			_, _ = w.WriteString(`<button type="submit" disabled hidden></button>` + "\n")
		}
		_, _ = w.WriteString("</div>\n")
	case Scale:
		writeEnds(w, n)
		_, _ = w.WriteString("</legend>\n" + `<div class="worksheet-scale-values">` + "\n")
		for v := n.Low; v <= n.High; v++ {
			s := strconv.Itoa(v)
			_, _ = w.WriteString(`<label><input type="radio" name="` + id + `" value="` + s + `"><span>` + s + "</span></label>\n")
		}
		_, _ = w.WriteString("</div>\n</fieldset>\n")
	case Checkbox:
		_, _ = w.WriteString("</label>\n</div>\n")
	}
}

// writeEnds writes what a scale's ends mean inside its legend, after the
// question, so that a screen reader says it with the question on entering
// the group, before the first value: "How hopeful am I? 0 means not at all,
// 10 means completely". The words are the page's language's (Ends, from
// the strings files); without them, only the values and their labels.
func writeEnds(w util.BufWriter, n *Field) {
	if n.LowLabel == "" {
		return
	}
	ends := n.Ends
	if ends == "" {
		ends = strconv.Itoa(n.Low) + ": " + n.LowLabel + ", " + strconv.Itoa(n.High) + ": " + n.HighLabel
	}
	_, _ = w.WriteString("\n" + `<span class="worksheet-scale-ends">` + escape(ends) + "</span>")
}

// Scales lists a page's scale fields whose ends are named, for the builder
// to give each its Ends.
func Scales(doc ast.Node) []*Field {
	var scales []*Field
	for _, f := range fieldsOf(doc) {
		if f.Control == Scale && f.LowLabel != "" {
			scales = append(scales, f)
		}
	}
	return scales
}

func escape(s string) string { return string(util.EscapeHTML([]byte(s))) }
