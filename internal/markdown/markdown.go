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
	"html"
	"strconv"
	"strings"

	"github.com/trustguide/guide/internal/mdlimits"
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
	md goldmark.Markdown
}

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
	text      []byte // the readable text, made during the walk of Parse
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
	seen := map[string]bool{}
	t := texter{text: make([]byte, 0, len(src))}
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		status := t.visit(n, entering, src)
		if !entering {
			return status, nil
		}
		d.collect(n)
		if id, ok := n.AttributeString("id"); ok {
			if s, ok := id.([]byte); ok {
				if seen[string(s)] && n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
					d.Repeats = append(d.Repeats, Repeat{ID: string(s), Offset: n.Lines().At(0).Start})
				}
				seen[string(s)] = true
				d.IDs[string(s)] = true
			}
		}
		switch f := n.(type) {
		case *east.Footnote: // footnote ids are made as the page is rendered
			d.IDs["fn:"+strconv.Itoa(f.Index)] = true
		case *east.FootnoteLink:
			ref := "fnref"
			if f.RefIndex > 0 {
				ref += strconv.Itoa(f.RefIndex)
			}
			d.IDs[ref+":"+strconv.Itoa(f.Index)] = true
		}
		if h, ok := n.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			idBytes, _ := id.([]byte)
			d.Headings = append(d.Headings, Heading{Level: h.Level, ID: string(idBytes), Text: plainText(h, src)})
		}
		return status, nil
	})
	d.text = t.text
	if d.Limit != nil {
		return &Doc{Source: src, Root: ast.NewDocument(), IDs: map[string]bool{}, Limit: d.Limit}
	}
	return d
}

// Render writes the document's HTML.
func (c *Converter) Render(d *Doc) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(d.Source) + len(d.Source)/4)
	err := c.md.Renderer().Render(&buf, d.Source, d.Root)
	return buf.Bytes(), err
}

// plainText returns the text inside a node, without markup, with entities
// (the typographer's curly quotes, an author's &amp;) as the characters.
func plainText(n ast.Node, src []byte) string {
	text := rawText(n, src)
	if strings.IndexByte(text, '&') < 0 {
		return text
	}
	return html.UnescapeString(text)
}

func rawText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.CodeSpan:
			for ch := t.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
