package markdown

import (
	"bytes"

	"github.com/trustguide/guide/internal/mdlimits"
	"github.com/yuin/goldmark/ast"
)

// Ref is a link or image in a page, to be checked and rewritten before
// rendering.
type Ref struct {
	Dest   string // as written: "acknowledge.md#why", "/worksheets/", "https://..."
	Offset int    // byte offset in the source, for line:col
	Image  bool
	node   ast.Node
}

// SetDest changes where the link or image points.
func (r *Ref) SetDest(dest string) {
	switch n := r.node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// MarkExternal tags a link to another site, so templates can style it and
// browsers send no referrer and give the new page no handle on this one.
func (r *Ref) MarkExternal() {
	r.node.SetAttributeString("rel", []byte("external noopener noreferrer"))
}

// Refs lists the document's links and images in source order. Autolinks
// (bare URLs) are always external and are marked as the page is parsed.
func (d *Doc) Refs() []*Ref { return d.refs }

// RawHTML returns the offsets of raw HTML the author wrote, which is left
// out of the page.
func (d *Doc) RawHTML() []int { return d.raw }

// Unlinked returns the offsets of the "[" of each "[text](address)" that
// is shown as text because it is no link: an address with a space, a
// title's quote never closed.
func (d *Doc) Unlinked() []int { return d.unlinked }

// collect notes a node that Refs, RawHTML or Unlinked report. Parse calls it for every
// node, in its one walk over the document.
func (d *Doc) collect(n ast.Node) {
	switch t := n.(type) {
	case *ast.Link:
		d.addRef(&Ref{Dest: string(t.Destination), Offset: offsetOf(t, d.Source), node: t}, len(t.Destination)+len(t.Title))
	case *ast.Image:
		d.addRef(&Ref{Dest: string(t.Destination), Offset: offsetOf(t, d.Source), Image: true, node: t}, len(t.Destination)+len(t.Title))
	case *ast.AutoLink:
		if t.AutoLinkType == ast.AutoLinkURL {
			t.SetAttributeString("rel", []byte("external noopener noreferrer"))
		}
	case *ast.HTMLBlock:
		if t.Lines().Len() > 0 {
			d.raw = append(d.raw, t.Lines().At(0).Start)
		}
	case *ast.RawHTML:
		if t.Segments.Len() > 0 {
			d.raw = append(d.raw, t.Segments.At(0).Start)
		}
	case *ast.Text:
		d.noteUnlinked(t)
	}
}

// noteUnlinked notes a "](" left in text outside code: goldmark keeps a
// link it could not read as the text the author typed.
func (d *Doc) noteUnlinked(t *ast.Text) {
	if _, code := t.Parent().(*ast.CodeSpan); code {
		return
	}
	i := bytes.Index(t.Segment.Value(d.Source), []byte("]("))
	if i < 0 {
		return
	}
	at := t.Segment.Start + i
	lineStart := bytes.LastIndexByte(d.Source[:at], '\n') + 1
	if open := bytes.LastIndexByte(d.Source[lineStart:at], '['); open >= 0 {
		at = lineStart + open
	}
	d.unlinked = append(d.unlinked, at)
}

// addRef adds a link or image that writes size bytes of destination and
// title, unless the page's links write too many already.
func (d *Doc) addRef(r *Ref, size int) {
	if d.Limit != nil {
		return
	}
	if d.linkBytes += size; d.linkBytes > mdlimits.MaxLinkBytes(len(d.Source)) {
		d.Limit, d.refs = mdlimits.LinkBytes(r.Offset), nil
		return
	}
	d.refs = append(d.refs, r)
}

// offsetOf finds where a link or image starts: the "[" or "![" before the
// first text inside it, or the start of its paragraph when it has no text.
func offsetOf(n ast.Node, src []byte) int {
	if img, ok := n.FirstChild().(*ast.Image); ok {
		if off := offsetOf(img, src); off > 0 {
			return off - 1 // the "[" of a link around an image
		}
	}
	if t := firstText(n); t != nil {
		start := t.Segment.Start
		// Step back over what opens the link text: "*", "_", a curly quote.
		for limit := 8; start > 0 && src[start-1] != '[' && limit > 0; limit-- {
			start--
		}
		if start > 0 && src[start-1] == '[' {
			start--
			if start > 0 && src[start-1] == '!' {
				start--
			}
			return start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// firstText returns the first text node inside n, in document order.
func firstText(n ast.Node) *ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}
