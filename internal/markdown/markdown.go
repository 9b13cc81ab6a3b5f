// Package markdown turns the guide's markdown into HTML with goldmark.
//
// It sets up CommonMark with the GitHub extensions (tables, strikethrough,
// autolinks), footnotes, typographic quotes and dashes, and stable, unique
// heading ids. Raw HTML is never passed through. Parsing and rendering are
// separate steps so the builder can check every page's links against every
// other page's headings before any HTML is written.
package markdown

import (
	"bytes"
	"strconv"

	"github.com/trustguide/guide/internal/mdlimits"
	"github.com/trustguide/guide/internal/plaintext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Converter parses and renders markdown. It is not safe for concurrent use:
// make one per worker.
type Converter struct {
	md    goldmark.Markdown
	out   renderBuffer    // kept from page to page, so that a page's HTML is allocated once, at its size
	lines plaintext.Lines // so is the room for a page's text
}

// renderBuffer is where goldmark writes a page's HTML. It is a
// util.BufWriter, so goldmark writes to it straight rather than through a
// bufio.Writer of its own for every page.
type renderBuffer struct{ bytes.Buffer }

func (*renderBuffer) Buffered() int { return 0 } // nothing waits to be flushed
func (*renderBuffer) Flush() error  { return nil }

// New returns a converter with the site's extensions plus extra ones, for
// pages in English.
func New(extra ...goldmark.Extender) *Converter { return NewFor("en", extra...) }

// NewFor returns a converter for pages in the language of tag ("fr-CA"):
// the typographer makes that language's quotes (Typography).
func NewFor(tag string, extra ...goldmark.Extender) *Converter {
	exts := []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		extension.Footnote,
		typographer(Typography(tag)),
		langNotes{},
	}
	return &Converter{md: goldmark.New(
		goldmark.WithExtensions(append(exts, extra...)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)}
}

// Heading is one heading of a page, for its table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Doc is a parsed page, ready to be checked and rendered.
type Doc struct {
	Source   []byte
	Root     ast.Node
	Headings []Heading
	IDs      map[string]bool    // every id in the page, for #anchor checks
	Repeats  []Repeat           // ids given twice (an explicit {#id} equal to another)
	Limit    *mdlimits.Exceeded // a limit the page crosses: it was then not parsed

	refs      []*Ref
	linkBytes int // destinations and titles the links write, at most mdlimits.MaxLinkBytes
	raw       []int
	unlinked  []int
	text      string // the readable text, made during the walk of Parse
}

// Repeat is an id that a page uses twice, at the node's offset.
type Repeat struct {
	ID     string
	Offset int
}

// Parse parses src. Positions of nodes are byte offsets into src.
func (c *Converter) Parse(src []byte) *Doc {
	if limit := mdlimits.Check(src); limit != nil {
		return &Doc{Source: src, Root: ast.NewDocument(), IDs: map[string]bool{}, Limit: limit}
	}
	ids := newIDs()
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	d := &Doc{Source: src, Root: root, IDs: ids.used}
	c.lines.Reset(src)
	w := walk{doc: d, seen: map[string]bool{}, lines: &c.lines}
	_ = ast.Walk(root, w.visit)
	d.text = string(c.lines.Text())
	if d.Limit != nil {
		return &Doc{Source: src, Root: ast.NewDocument(), IDs: map[string]bool{}, Limit: d.Limit}
	}
	return d
}

// walk is the one walk of a page's tree, in which Parse learns all it
// tells: ids, headings, links, raw HTML and the page's text.
type walk struct {
	doc   *Doc
	seen  map[string]bool // ids met so far
	lines *plaintext.Lines
}

func (w *walk) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	status := w.lines.Visit(n, entering)
	d := w.doc
	if !entering {
		if _, ok := n.(*ast.Heading); ok {
			d.Headings[len(d.Headings)-1].Text = w.lines.Heading()
		}
		return status, nil
	}
	d.collect(n)
	w.collectID(n)
	switch f := n.(type) {
	case *east.Footnote: // footnote ids are made as the page is rendered
		d.IDs["fn:"+strconv.Itoa(f.Index)] = true
	case *east.FootnoteLink:
		ref := "fnref"
		if f.RefIndex > 0 {
			ref += strconv.Itoa(f.RefIndex)
		}
		d.IDs[ref+":"+strconv.Itoa(f.Index)] = true
	case *ast.Heading:
		id, _ := f.AttributeString("id")
		idBytes, _ := id.([]byte)
		d.Headings = append(d.Headings, Heading{Level: f.Level, ID: string(idBytes)}) // its Text when the walk leaves it
	}
	return status, nil
}

// collectID notes the id of node n, and a block's id that the page used
// before.
func (w *walk) collectID(n ast.Node) {
	id, ok := n.AttributeString("id")
	if !ok {
		return
	}
	if s, ok := id.([]byte); ok {
		if w.seen[string(s)] && n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			w.doc.Repeats = append(w.doc.Repeats, Repeat{ID: string(s), Offset: n.Lines().At(0).Start})
		}
		w.seen[string(s)] = true
		w.doc.IDs[string(s)] = true
	}
}

// Render returns the document's HTML.
func (c *Converter) Render(d *Doc) (string, error) {
	c.out.Reset()
	err := c.md.Renderer().Render(&c.out, d.Source, d.Root)
	return c.out.String(), err
}
