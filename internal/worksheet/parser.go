package worksheet

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Answer markers, matched at the end of a field's last line.
var (
	idEnd     = regexp.MustCompile(`\{#([^{}\n]*)\}\s*$`) // any text: a badly written id is reported, never shown
	lineEnd   = regexp.MustCompile(`_{3,}\s*$`)
	taskStart = regexp.MustCompile(`^\[([ xX])\][ \t]+\S`)
)

const (
	maxScale = 11 // values on a scale: [0-10] is the longest a reader can take in at a glance
	maxIDLen = 48 // letters and digits of an id, enough for a short question
)

// fieldParser turns field paragraphs into Field blocks. It is a
// ParagraphTransformer: it runs when a paragraph closes, before inline
// parsing, so it sees the raw lines; goldmark then parses the Field's lines
// (the question alone) as inline markdown, like a paragraph's.
//
// A field paragraph is one whose first line starts with "? ". Inside it, a
// line starting with "? " opens the next field, and any other line (a lazy
// continuation line, exactly as in a plain paragraph) continues the question,
// so authors may hard-wrap long questions. A field's answer marker ("___",
// "[0-10: not at all | completely]", "{#id}") ends it, though: lines after it
// that do not start with "? " are an ordinary paragraph, as the author surely
// meant (they forgot a blank line). A "? " line inside an ordinary paragraph stays text: it is
// prose that happens to wrap before a question mark.
//
//	source                    AST before         AST after
//	? What did I do,          Paragraph          Field TextArea id=what-did-i-do-in-plain-words
//	  in plain words?           (4 lines)   →      Text "What did I do," (soft line break)
//	? Hopeful? [1-10]                              Text "in plain words?"
//	Talk it over.                                Field Scale 1-10 id=hopeful
//	                                               Text "Hopeful?"
//	                                             Paragraph
//	                                               Text "Talk it over."
//
// A task list item is the same idea one level down: a ListItem whose first
// child is a paragraph starting "[ ] " or "[x] ".
//
//	source                  AST before         AST after
//	- [ ] I told her.       List               List
//	                          ListItem    →      ListItem class=worksheet-item
//	                            Paragraph          Field Checkbox id=i-told-her
//	                                                 Text "I told her."
type fieldParser struct{}

func (fieldParser) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if para.Lines().Len() == 0 {
		return
	}
	// Most paragraphs are prose: see that from the first line before
	// gathering the lines.
	head := para.Lines().At(0)
	head = head.TrimLeftSpace(src)
	first := head.Value(src)
	parent := para.Parent()
	item, inItem := parent.(*ast.ListItem)
	task := inItem && para.PreviousSibling() == nil && len(first) > 0 && first[0] == '['
	if !task && !isFieldLine(first) {
		return
	}
	lines := make([]text.Segment, para.Lines().Len())
	for i := range lines {
		l := para.Lines().At(i)
		lines[i] = l.TrimLeftSpace(src)
	}
	if task && checkbox(para, item, lines, src, pc) || !isFieldLine(first) {
		return
	}
	for i, g := range split(lines, src, pc) {
		var n ast.Node
		if g.field {
			n = newField(g.lines, src, pc)
			pageOf(pc).fields = true
		} else {
			p := ast.NewParagraph()
			setLines(p, g.lines, src)
			n = p
		}
		if i == 0 {
			n.SetBlankPreviousLines(para.HasBlankPreviousLines()) // keeps a list's tightness right
		}
		parent.InsertBefore(parent, para, n)
	}
	parent.RemoveChild(parent, para)
}

// checkbox makes the list item's first paragraph para a checkbox, if its
// lines are one, and says whether they were.
func checkbox(para *ast.Paragraph, item *ast.ListItem, lines []text.Segment, src []byte, pc parser.Context) bool {
	f := newCheckbox(lines, src, pc)
	if f == nil {
		return false
	}
	pageOf(pc).fields = true
	item.SetAttributeString("class", []byte("worksheet-item"))
	f.SetBlankPreviousLines(para.HasBlankPreviousLines())
	item.ReplaceChild(item, para, f)
	return true
}

func isFieldLine(line []byte) bool {
	return len(line) >= 2 && line[0] == '?' && (line[1] == ' ' || line[1] == '\t')
}

// A group is the lines of one field, or of plain text after a field.
type group struct {
	field bool
	lines []text.Segment
}

// split cuts a field paragraph into groups, by the rules of fieldParser.
func split(lines []text.Segment, src []byte, pc parser.Context) []group {
	var groups []group
	open := false // the last group is a field its next line may continue
	for _, l := range lines {
		v := l.Value(src)
		if isFieldLine(v) {
			groups = append(groups, group{field: true})
			open = true
		} else if !open && groups[len(groups)-1].field {
			groups = append(groups, group{})
		}
		g := &groups[len(groups)-1]
		g.lines = append(g.lines, l)
		if g.field && endsField(v, pc) {
			open = false
		}
	}
	return groups
}

// endsField reports whether a field line ends with an answer marker: "___",
// a scale (even a mistyped one) or an id.
func endsField(line []byte, pc parser.Context) bool {
	if idEnd.Match(line) || lineEnd.Match(line) {
		return true
	}
	_, ok := findScale(line, pc)
	return ok
}

// newField makes the Field for the lines of one "? " field.
func newField(lines []text.Segment, src []byte, pc parser.Context) *Field {
	f := &Field{Control: TextArea}
	f.SetPos(lines[0].Start)
	label := slices.Clone(lines)
	label[0] = after(lines[0], len("? "), src)

	last := &label[len(label)-1]
	v := src[last.Start:last.Stop]
	v, id, hasID := cutID(v)
	idAt := last.Start + len(v)
	if m, ok := findScale(v, pc); ok {
		f.Control = Scale
		f.Problem = setScale(f, m)
		f.at = last.Start + m.start
		v = v[:m.start]
	} else if m := lineEnd.FindIndex(v); m != nil {
		f.Control = TextLine
		v = v[:m[0]]
	}
	if early := idEnd.FindIndex(v); early != nil && !hasID && f.Problem == "" {
		// "? Q {#q} [0-10]": the id would be shown to readers as text
		f.Problem, f.at = "an {#id} ends its line, after the answer's ___ or scale: move it there", last.Start+early[0]
	}
	last.Stop = last.Start + len(v)
	label = trim(label, src)
	if len(label) == 0 && f.Problem == "" {
		f.Problem = `this field has no question: write it after the "? ", as in "? What did I notice?"`
		f.at = 0 // the field line's fault, not its scale's
	}
	finishAt(f, idAt, label, lines, id, hasID, src, pc)
	if f.Control == TextLine && f.Problem == "" {
		if pg := pageOf(pc); !pg.submitBlocked {
			pg.submitBlocked, f.blocksSubmit = true, true
		}
	}
	return f
}

// newCheckbox makes the Field for a task list item's paragraph, or returns
// nil if the paragraph does not start with "[ ] " or "[x] " and some text.
func newCheckbox(lines []text.Segment, src []byte, pc parser.Context) *Field {
	first := lines[0].Value(src)
	if !taskStart.Match(first) {
		return nil
	}
	f := &Field{Control: Checkbox, Checked: first[1] != ' '}
	f.SetPos(lines[0].Start)
	label := slices.Clone(lines)
	label[0] = after(lines[0], len("[ ]"), src)
	last := &label[len(label)-1]
	v, id, hasID := cutID(src[last.Start:last.Stop])
	last.Stop = last.Start + len(v)
	idAt := last.Stop
	if label = trim(label, src); len(label) == 0 {
		return nil // "- [ ] {#id}" is not a checkbox: nothing to tick
	}
	finishAt(f, idAt, label, lines, id, hasID, src, pc)
	return f
}

// after is the line l without its first n bytes and the spaces after them.
func after(l text.Segment, n int, src []byte) text.Segment {
	l = text.NewSegment(l.Start+n, l.Stop)
	return l.TrimLeftSpace(src)
}

// cutID removes a trailing "{#id}" from a line.
func cutID(line []byte) (rest []byte, id string, ok bool) {
	m := idEnd.FindSubmatchIndex(line)
	if m == nil {
		return line, "", false
	}
	return line[:m[0]], string(line[m[2]:m[3]]), true
}

// trim drops empty lines from a label (goldmark cannot parse an empty line)
// and the spaces that end it.
func trim(label []text.Segment, src []byte) []text.Segment {
	label = slices.DeleteFunc(label, func(l text.Segment) bool { return l.IsEmpty() })
	for len(label) > 0 {
		last := label[len(label)-1].TrimRightSpace(src)
		if !last.IsEmpty() {
			label[len(label)-1] = last
			return label
		}
		label = label[:len(label)-1]
	}
	return label
}

// setLines gives n the lines, the last one without its line break.
func setLines(n ast.Node, lines []text.Segment, src []byte) {
	lines = trim(slices.Clone(lines), src)
	for _, l := range lines {
		n.Lines().Append(l)
	}
}

// finishAt is finish, and an id's problem is placed at idAt, the offset
// of its "{#".
func finishAt(f *Field, idAt int, label, whole []text.Segment, id string, hasID bool, src []byte, pc parser.Context) {
	before := f.Problem
	finish(f, label, whole, id, hasID, src, pc)
	if before == "" && f.Problem != "" {
		f.at = idAt
	}
}

// finish gives f its id and its lines: the label, or, when the field has a
// problem, the whole source text so that it renders as a plain paragraph.
func finish(f *Field, label, whole []text.Segment, id string, hasID bool, src []byte, pc parser.Context) {
	if f.Problem == "" {
		var q []string
		for _, l := range label {
			q = append(q, strings.TrimSpace(string(l.Value(src))))
		}
		// The question as the reader sees it, near enough: "&amp;" is "&".
		question := string(util.ResolveEntityNames(util.ResolveNumericReferences(
			util.UnescapePunctuations([]byte(strings.Join(q, " "))))))
		if hasID {
			f.Problem = pageOf(pc).claim(f, id, question, pc)
		} else {
			pageOf(pc).generate(f, question, pc)
		}
	}
	if f.Problem != "" {
		setLines(f, whole, src)
		return
	}
	setLines(f, label, src)
}
