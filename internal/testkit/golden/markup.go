package golden

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// A dialect says which elements a layout gives lines of their own, and which
// have no end tag.
type dialect struct {
	block func(name string) bool
	void  func(name string) bool
}

var (
	htmlDialect = dialect{block: isHTMLBlock, void: isHTMLVoid}
	xmlDialect  = dialect{block: func(string) bool { return true }, void: func(string) bool { return false }}
)

// layoutMarkup lays out HTML or XML, and checks that undoing the layout
// gives data back.
func layoutMarkup(data []byte, d dialect) ([]byte, error) {
	toks, err := tokenize(data)
	if err != nil {
		return nil, err
	}
	out := newLayout(toks, d).write()
	back, err := undo(out, d)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(back, data) {
		line, col := position(data, commonPrefix(back, data))
		return nil, fmt.Errorf("%d:%d: the golden form would not pin this file: it has whitespace where the layout puts a line break", line, col)
	}
	return out, nil
}

// A token is one piece of a markup file: a tag, a comment, a doctype or
// text, with its bytes exactly as they are in the file.
type token struct {
	kind html.TokenType
	raw  []byte
	name string // of a tag, in lower case
}

func (t token) isTag() bool { return t.kind != html.TextToken }

// tokenize cuts data into tokens, which put end to end are data again.
func tokenize(data []byte) ([]token, error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var toks []token
	for {
		kind := z.Next()
		if kind == html.ErrorToken {
			if z.Err() == io.EOF {
				return toks, nil
			}
			return nil, z.Err()
		}
		t := token{kind: kind, raw: bytes.Clone(z.Raw())} // before TagName, which lowers the name in place
		if name, _ := z.TagName(); name != nil {
			t.name = string(name)
		}
		toks = append(toks, t)
	}
}

// A layout knows, between two tokens, whether a line break goes there and
// how deep the next line is indented.
//
// A break goes only between two tags, one of them a block's (or a comment
// or doctype), and never inside an element kept on one line: one with no
// block inside (a title, a paragraph, a link, a list item of inline
// content), or one whose content is kept as it is (pre, textarea, script,
// style).
type layout struct {
	toks  []token
	d     dialect
	quiet []bool // after token i, no break: inside an element kept on one line
	level []int  // how many elements are open around token i
}

func newLayout(toks []token, d dialect) *layout {
	l := &layout{toks: toks, d: d, quiet: make([]bool, len(toks)), level: make([]int, len(toks))}
	ends := l.matchEnds()
	blocksBefore := make([]int, len(toks)+1) // block tags among toks[:i]
	for i := range toks {
		blocksBefore[i+1] = blocksBefore[i]
		if l.opensBlock(i) {
			blocksBefore[i+1]++
		}
	}
	type element struct {
		end     int
		oneLine bool
	}
	var open []element
	oneLine := 0 // open elements kept on one line
	for i, t := range toks {
		l.level[i] = len(open)
		switch {
		case t.kind == html.StartTagToken && ends[i] >= 0:
			e := element{end: ends[i], oneLine: keepsContent(t.name) || blocksBefore[ends[i]] == blocksBefore[i+1]}
			open = append(open, e)
			if e.oneLine {
				oneLine++
			}
		case len(open) > 0 && open[len(open)-1].end == i:
			if open[len(open)-1].oneLine {
				oneLine--
			}
			open = open[:len(open)-1]
			l.level[i] = len(open)
		}
		l.quiet[i] = oneLine > 0
	}
	return l
}

// matchEnds finds the end tag of each start tag, or -1. An end tag closes
// the nearest open element of its name, and leaves the ones inside it
// without an end.
func (l *layout) matchEnds() []int {
	ends := make([]int, len(l.toks))
	var open []int
	for i, t := range l.toks {
		ends[i] = -1
		switch {
		case t.kind == html.StartTagToken && !l.d.void(t.name):
			open = append(open, i)
		case t.kind == html.EndTagToken:
			for k := len(open) - 1; k >= 0; k-- {
				if l.toks[open[k]].name == t.name {
					ends[open[k]] = i
					open = open[:k]
					break
				}
			}
		}
	}
	return ends
}

// isBlock reports whether token i is a block's tag, start or end, or a
// comment or doctype: each gets a line of its own.
func (l *layout) isBlock(i int) bool {
	t := l.toks[i]
	switch t.kind {
	case html.CommentToken, html.DoctypeToken:
		return true
	case html.TextToken:
		return false
	}
	return l.d.block(t.name)
}

// opensBlock reports whether token i puts a block inside the element around
// it: a block's start tag, or a comment or doctype.
func (l *layout) opensBlock(i int) bool {
	return l.toks[i].kind != html.EndTagToken && l.isBlock(i)
}

// breaks reports whether a line break goes between tokens a and a+1.
func (l *layout) breaks(a int) bool {
	b := a + 1
	return l.toks[a].isTag() && l.toks[b].isTag() && !l.quiet[a] && (l.isBlock(a) || l.isBlock(b))
}

// indent is what a layout adds between two tokens: a line break and two
// spaces for each open element, up to a depth that real pages never reach,
// so that the form of a file stays about as long as the file.
func indent(level int) string { return "\n" + strings.Repeat("  ", min(level, 30)) }

func (l *layout) write() []byte {
	var out bytes.Buffer
	for i, t := range l.toks {
		if i > 0 && l.breaks(i-1) {
			out.WriteString(indent(l.level[i]))
		}
		out.Write(t.raw)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// undo removes what a layout added: the last line break, and each text
// between two tags that is a line break and spaces only, where the layout
// would break. Text of the file itself that looks so is removed too, and
// layoutMarkup then sees that the file does not come back.
func undo(laidOut []byte, d dialect) ([]byte, error) {
	toks, err := tokenize(bytes.TrimSuffix(laidOut, []byte("\n")))
	if err != nil {
		return nil, err
	}
	var kept []token
	looksAdded := map[int]token{} // index in kept → the break-like text before it
	for i, t := range toks {
		if i > 0 && i+1 < len(toks) && toks[i-1].isTag() && toks[i+1].isTag() && isBreakText(t.raw) {
			looksAdded[len(kept)] = t
			continue
		}
		kept = append(kept, t)
	}
	l := newLayout(kept, d)
	var out bytes.Buffer
	for j, t := range kept {
		if text, ok := looksAdded[j]; ok && !l.breaks(j-1) {
			out.Write(text.raw) // the file's own
		}
		out.Write(t.raw)
	}
	return out.Bytes(), nil
}

// isBreakText reports whether text is a line break followed by spaces.
func isBreakText(text []byte) bool {
	return len(text) > 0 && text[0] == '\n' && len(bytes.TrimLeft(text[1:], " ")) == 0
}

func keepsContent(name string) bool {
	switch name {
	case "pre", "textarea", "script", "style":
		return true
	}
	return false
}

// isHTMLBlock reports whether an HTML element gets lines of its own: the
// document's parts, what goes in the head, and the elements that lay out
// blocks of a page.
func isHTMLBlock(name string) bool {
	switch name {
	case "html", "head", "body", "title", "meta", "link", "base", "style", "script", "noscript", "template",
		"header", "nav", "main", "footer", "aside", "section", "article", "address", "search",
		"h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "p", "div", "hr", "pre", "blockquote", "figure", "figcaption",
		"ul", "ol", "li", "dl", "dt", "dd", "menu", "details", "summary", "dialog",
		"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
		"form", "fieldset", "legend":
		return true
	}
	return false
}

// isHTMLVoid reports whether an HTML element has no end tag.
func isHTMLVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// position is the line and column of byte offset i in data.
func position(data []byte, i int) (line, col int) {
	before := data[:min(i, len(data))]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, len(before) - bytes.LastIndexByte(before, '\n')
}
