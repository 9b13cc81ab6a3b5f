package build

import (
	"bytes"
	"html/template"
	"maps"
	"math"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/translation"
	"github.com/trustguide/guide/internal/worksheet"
)

// rendered is what a page's markdown gave: its body and what the build
// learned from it. It is kept while the page's source is the same and each
// of its links resolves the same way (resolved).
type rendered struct {
	version  uint64 // numbers this body, so that what was drawn from it is known
	body     template.HTML
	ids      map[string]bool // every id in the body, for #anchor checks
	idsSum   uint64
	headings []draw.Heading
	minutes  int // reading time
	isForm   bool
	fields   []worksheet.Spec // a worksheet's fields, to compare with its translations'
	text     string           // plain text, kept for reading grades only
	search   []byte           // the page's record in the search index
	links    sourceLinks      // for the check stage
	resolved []resolution
	problems diag.List // of the markdown itself
}

// resolution is how a link of the body resolved: to a page's URL, to a
// file, or to nothing, and why.
type resolution struct {
	target string // a page file ("content/x.md"), or a file of the site ("file:articles/a.png")
	was    string
}

// noBody is the body of a page the builder made up.
var noBody = &rendered{ids: map[string]bool{}}

// keptBody returns the page's body from the last build if it still holds:
// the same page (old is its drawing then), each of whose links resolves
// as it did.
func (d *drawStage) keptBody(pl *placed, old *drawnPage) *rendered {
	if pl.page.Made {
		return noBody
	}
	if old == nil || old.self != pl.self {
		return nil
	}
	if len(d.moved) > 0 {
		for _, r := range old.body.resolved {
			if d.moved[r.target] && d.to.resolve(r.target) != r.was {
				return nil
			}
		}
	}
	return old.body
}

// findMoved lists the link targets that may resolve otherwise than in the
// last build: the page files the resolve stage found moved, and when files
// or strings may have changed (content/ listed again, static files or
// templates read again), every file and string a body of the last build
// showed. A body none of whose links is among them resolves as it did.
func (d *drawStage) findMoved() map[string]bool {
	if !d.plan.scan && !d.plan.assets && !d.plan.templates {
		return d.movedPages
	}
	moved := maps.Clone(d.movedPages)
	if moved == nil {
		moved = map[string]bool{}
	}
	for _, ps := range d.last.pages {
		for _, r := range ps.body.resolved {
			if strings.HasPrefix(r.target, "file:") || strings.HasPrefix(r.target, stringTarget) {
				moved[r.target] = true
			}
		}
	}
	return moved
}

// renderBody parses the page's markdown, checks it and resolves its links,
// renders the body and lets the syntax tree go, so each worker holds one
// tree at a time, whatever the size of the site.
func (d *drawStage) renderBody(p *content.Page, c *markdown.Converter) *rendered {
	r := &rendered{version: d.tools.version()}
	b := bodyOf{to: d.to, page: p, r: r, at: markdown.NewPositions(p.Body)}
	doc := c.Parse(p.Body)
	b.check(doc)
	r.isForm = worksheet.HasFields(doc.Root)
	if r.isForm {
		r.fields = worksheet.Specs(doc.Root, p.Body)
		b.scaleEnds(doc)
	}
	text := doc.Text()
	r.minutes = readingMinutes(text)
	r.ids, r.idsSum = doc.IDs, digest.Of(doc.IDs)
	for _, h := range doc.Headings {
		r.headings = append(r.headings, draw.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	for _, ref := range doc.Refs() {
		b.resolve(ref)
	}
	body, err := c.Render(doc)
	if err != nil {
		r.problems.Add(p.Source, 0, 0, "cannot render the markdown: %v", err)
	}
	r.body = template.HTML(body)
	r.search = draw.SearchRecord(b.labelled(entryOf(p, text)))
	if d.opt.Grades {
		r.text = text
	}
	return r
}

// labelled gives a search entry the words that name its page's kind, noted
// as read, so that the body is rendered again when they change.
func (b bodyOf) labelled(e draw.Entry) draw.Entry {
	if key := b.page.Kind.LabelKey(); key != "" {
		target := stringTarget + b.page.Lang.Code + ":" + key
		e.Label = b.to.resolve(target)
		b.r.resolved = append(b.r.resolved, resolution{target, e.Label})
	}
	return e
}

// scaleEnds gives each scale with named ends the sentence that says what
// they mean, in the page's language, noted as read so that the body is
// rendered again when the sentence changes.
func (b bodyOf) scaleEnds(doc *markdown.Doc) {
	scales := worksheet.Scales(doc.Root)
	if len(scales) == 0 {
		return
	}
	target := stringTarget + b.page.Lang.Code + ":" + scaleEnds
	b.r.resolved = append(b.r.resolved, resolution{target, b.to.resolve(target)})
	for _, f := range scales {
		f.Ends = b.to.in.format(b.page.Lang.Code, scaleEnds,
			map[string]any{"low": f.Low, "low_label": f.LowLabel, "high": f.High, "high_label": f.HighLabel})
	}
}

// bodyOf is one page's body being rendered.
type bodyOf struct {
	to   targets
	page *content.Page
	r    *rendered
	at   *markdown.Positions // line:col of offsets in the page's body
}

// check reports what is wrong in the markdown itself.
func (b bodyOf) check(doc *markdown.Doc) {
	if l := doc.Limit; l != nil {
		b.addAt(l.Offset, "%s", l.Message)
	}
	for _, prob := range worksheet.Check(doc.Root) {
		b.addAt(prob.Offset, "%s", prob.Message)
	}
	for _, w := range worksheet.Warnings(doc.Root) {
		b.warnAt(w.Offset, "%s", w.Message)
	}
	for _, r := range doc.Repeats {
		b.addAt(r.Offset, "the id %q is used twice on this page: give this heading or field another {#id}", r.ID)
	}
	for _, off := range doc.RawHTML() {
		if bytes.HasPrefix(doc.Source[off:], []byte(translation.StartNote)) {
			b.warnAt(off, "this translation is not finished: translate the text below, then delete this note and \"draft: true\", and run \"guide translations -mark\" on this file")
			continue
		}
		b.warnAt(off, "raw HTML is not allowed and was left out: write it in markdown, or ask for a template change")
	}
	for _, off := range doc.Unlinked() {
		b.warnAt(off, "this [text](address) is shown as text, not as a link: an address cannot hold a space "+
			"(write %%20, or put the address in <...>), and a title in quotes needs its closing quote")
	}
}

func (b bodyOf) addAt(offset int, format string, args ...any) {
	line, col := b.at.At(offset)
	b.r.problems.Add(b.page.Source, line, col, format, args...)
}

func (b bodyOf) warnAt(offset int, format string, args ...any) {
	line, col := b.at.At(offset)
	b.r.problems.Warn(b.page.Source, line, col, format, args...)
}

// readingMinutes is the time to read text at 200 words a minute, at least 1.
func readingMinutes(text string) int {
	words, after := 0, uint8(1) // after: 1 after a space or at the start, else 0
	for i := 0; i < len(text); i++ {
		space := wordBreak[text[i]]
		words += int(after &^ space) // a word starts: no branch to mispredict
		after = space
	}
	return int(math.Max(1, math.Round(float64(words)/200)))
}

// wordBreak is 1 for the bytes that end a word.
var wordBreak = [256]uint8{' ': 1, '\n': 1, '\t': 1}

// entryOf is a page as the site-wide files list it.
func entryOf(p *content.Page, text string) draw.Entry {
	return draw.Entry{URL: p.URL, Title: p.Meta.Title, Description: p.Meta.Description, Kind: p.Kind,
		Date: p.Meta.Date, Updated: p.Meta.Updated, Text: text}
}

// listedEntry is all that the sitemap, feed and _redirects say of a page.
func listedEntry(p *content.Page) any {
	return struct {
		draw.Entry
		Aliases []string
		Short   string
	}{entryOf(p, ""), p.Meta.Aliases, p.Meta.Short}
}

// record is the page's record in the search index: its body's, or for a
// page the builder made, one made again with this build's strings; the
// last build's while it says the same, so that its part of the index holds.
func (d *drawStage) record(ps, old *drawnPage) []byte {
	if !ps.page.Made {
		return ps.body.search
	}
	e := entryOf(ps.page, "")
	e.Label = d.in.text(ps.page.Lang.Code, ps.page.Kind.LabelKey())
	r := draw.SearchRecord(e)
	if old != nil && bytes.Equal(old.record, r) {
		return old.record
	}
	return r
}
