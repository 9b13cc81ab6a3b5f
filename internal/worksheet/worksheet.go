// Package worksheet is a goldmark extension that turns worksheet field lines
// into plain HTML form controls.
//
// # Writing fields
//
// A field is a paragraph whose first line starts with "? ", or a task list item:
//
//	? What did I do, in plain words?                     a multi-line answer (textarea)
//	? One thing I will do differently this week: ___     a one-line answer (the ___ is not shown)
//	? How hopeful do I feel? [0-10: not at all | very]  a scale: one radio button per value
//	- [ ] I told my partner what I am sorry for.         a checkbox ("- [x]" starts ticked)
//
// A scale runs from low to high with at most 11 values: [1-5], [0-10]. After
// a colon come its two end labels, low end first, split by "|": what the
// lowest and the highest number mean. They are plain text. A scale without
// them ("[0-10]") works, but Warnings asks for them, since a reader cannot
// tell whether 10 is the best or the worst.
// A long question may wrap onto the next lines; a new "? " line starts the next
// field, with or without a blank line between them. Inline markdown in a
// question (emphasis, code) renders; links show as their text (a label may not
// hold a link) and raw HTML as text.
//
// Each field has an id, made from its question ("what-did-i-do-in-plain-words":
// lowercase letters of any script and digits, joined by single hyphens, at
// most 48, by the rule of package slug, which headings' ids follow too) and
// unique in the page, whose headings share the page's ids
// (parser.Context.IDs: a question asked twice gets "-2" from the builder's).
// Or the id is written at the end of the line, which keeps it stable when the
// question is reworded:
//
//	? How hopeful do I feel today? [0-10: not at all | very] {#hope}
//
// A written id is written the same way, and must not be used by another field
// or heading of the page. The id is also the control's name, under which the
// script keeps the answer.
//
// Anything else stays text: "?no space", "{#two words}". But any "[...]"
// that ends a field's line is read as a scale, so that a mistyped one is
// reported and not shown as a question with brackets in it; write "\[" for a
// bracket that is text. A footnote "[^1]", a link "[text][ref]" and a
// "[ref]" defined earlier in the page stay what they are. A field line that
// is wrong (a scale [10-1], [1-1000], [a-b], [1-10 or [1-10: low], a
// question missing, an id used twice) is rendered as a plain paragraph of
// its text, and Check reports it, since a goldmark parser cannot return
// errors.
//
// # Translations
//
// A translated worksheet keeps its English page's fields, so that answers
// saved in one language open in the other: the same ids in the same order
// (a translated question ends with the English field's {#id}), the same
// controls, the same scale bounds; its end labels are translated. Specs
// lists a page's fields; CompareFields reports each difference at the
// translation's field, naming the English one.
//
// # The HTML
//
// Each field is one element with the class "worksheet-field", a class for its
// kind ("worksheet-text", "worksheet-line", "worksheet-scale",
// "worksheet-checkbox") and data-field="question as plain text":
//
//	<div class="worksheet-field worksheet-text" data-field="What did I do?">
//	<label for="what-did-i-do">What did I do?</label>
//	<textarea id="what-did-i-do" name="what-did-i-do" rows="4" dir="auto" autocomplete="off"></textarea>
//	</div>
//
// A one-line answer has <input type="text"> instead of the textarea. A scale
// is a <fieldset> with the id, a <legend> and one
// <label><input type="radio" name=id value=n><span>n</span></label> per
// value. A scale's end labels follow its question inside the legend, so a
// screen reader says them with it on entering the group:
//
//	<legend>How hopeful do I feel?
//	<span class="worksheet-scale-ends">0 means not at all, 10 means very</span></legend>   (the words: Field.Ends)
//
// A checkbox is <input type="checkbox" id name> then its <label>, and
// its list item gets class="worksheet-item". The first one-line answer of a
// page also carries <button type="submit" disabled hidden>, which stops Enter
// from posting the form when JavaScript is off.
//
// The builder wraps a worksheet page (see HasFields) in its <form>; this
// package never writes one. static/js/worksheet.js and
// static/css/worksheet.css work on this HTML.
package worksheet

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type worksheetExtension struct{}

// New returns the worksheet extension. It replaces goldmark's TaskList
// extension (task list items become labelled checkboxes): do not use both.
func New() goldmark.Extender { return worksheetExtension{} }

// Extend implements goldmark.Extender.
func (worksheetExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// After link reference definitions (100) are taken out of paragraphs.
		parser.WithParagraphTransformers(util.Prioritized(fieldParser{}, 200)),
		// Last (a lower value runs first): after the footnotes' (999), which
		// move footnotes to the end and drop those never referred to, so
		// that the fields it notes are the tree's.
		parser.WithASTTransformers(util.Prioritized(labelTransformer{}, 10000)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(fieldRenderer{}, 500)))
}

// Problem is a mistake in a field line.
type Problem struct {
	Offset  int    // byte offset in the source given to goldmark: of the scale or {#id} at fault, or of the field line
	Message string // what is wrong and what to do
}

// Check returns the problems of the fields in doc, a document parsed with the
// extension, in the order of the source. A field with a problem is shown as
// text: the build should fail.
func Check(doc ast.Node) []Problem {
	return collect(doc, func(f *Field) string { return f.Problem })
}

// Warnings returns what could be better in the fields of doc, in the order of
// the source: fields that work but leave their reader guessing, like a scale
// whose ends say nothing.
func Warnings(doc ast.Node) []Problem {
	return collect(doc, func(f *Field) string {
		if f.Problem != "" {
			return "" // reported by Check
		}
		return f.Warning
	})
}

// collect returns a Problem for each field of doc for which message says something.
func collect(doc ast.Node, message func(*Field) string) []Problem {
	var problems []Problem
	for _, f := range fieldsOf(doc) {
		if m := message(f); m != "" {
			at := f.Pos()
			if f.at > 0 {
				at = f.at // the scale or {#id} it is about
			}
			problems = append(problems, Problem{Offset: at, Message: m})
		}
	}
	return problems
}

// HasFields reports whether doc has a field to fill in, that is, whether the
// page is a form.
func HasFields(doc ast.Node) bool {
	for _, f := range fieldsOf(doc) {
		if f.Problem == "" {
			return true
		}
	}
	return false
}

// fieldsMeta is the key of a parsed page's fields in its Document's Meta.
const fieldsMeta = "worksheet.fields"

// fieldsOf returns the fields in doc, in the order of the tree: those the
// parser noted on a Document it parsed (see labelTransformer), or those a
// walk of another node finds.
func fieldsOf(doc ast.Node) []*Field {
	if d, ok := doc.(*ast.Document); ok {
		fields, _ := d.Meta()[fieldsMeta].([]*Field)
		return fields
	}
	var fields []*Field
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*Field); ok && entering {
			fields = append(fields, f)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return fields
}
