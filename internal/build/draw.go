package build

import (
	"bytes"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/offline"
)

// The draw stage: each page's markdown rendered into its body (body.go,
// resolving its links: links.go), and the page drawn with its templates
// and its view; then the pages the builder makes, the 404 page and the
// print view (builderpages.go). A page's body is rendered and the page
// drawn in one go, so that each worker holds one syntax tree at a time.
//
// Its part of the rebuild rule: a page keeps the last build's drawing
// whole while it keeps its place and reads no fact that changed, when
// nothing else any page is drawn from changed (pagesToDraw: the pages are
// found through an index of what each read, readers.go); else its body is
// rendered again when its source changed or a page, file or string its
// body shows resolves otherwise (keptBody), and it is drawn again when its
// body, the site's view or the templates changed, or something its view
// read of other pages (readable, the recorded reads) has another digest
// now (sameDrawing).

// drawing is the value of the draw stage.
type drawing struct {
	from     *resolved
	pages    map[string]*drawnPage            // by source: the site's pages and the builder's own
	site     []*drawnPage                     // the site's pages, in the site's order
	all      []*drawnPage                     // and then the builder's own: 404, print
	chapters map[string]*fact[[]draw.Chapter] // each language's print view's, by code
	facts    *facts                           // the facts the pages' views read
	readers  *readers                         // the site's pages by the facts they read; nil after a final build
	siteSum  uint64                           // the site's views the pages were drawn with (resolved.siteSum)
	look     uint64                           // the templates they were drawn with (inputs.look)
	problems diag.List                        // the bodies' and the drawings'
}

// drawnPage is one page rendered and drawn.
type drawnPage struct {
	*placed
	body    *rendered // what its markdown gave; the builder's pages share noBody
	record  []byte    // the page's record in the search index
	drawn   *drawn    // nil when the page could not be drawn
	drawErr diag.Diagnostic
}

// drawn is a finished page and what it was drawn from.
type drawn struct {
	html    []byte      // nil when put
	put     bool        // written to the output folder as drawn (Publish)
	sum     offline.Sum // the page's, when put
	links   *linkcheck.Links
	body    uint64 // the version of the body
	self    uint64
	siteSum uint64
	look    uint64
	reads   []read // what the view read of other pages
}

// drawStage makes one build's drawing from its inputs and resolved, and the
// last build's drawing, which it reads and never changes.
type drawStage struct {
	*job
	in       *inputs
	site     *resolved
	to       targets         // what links lead to in this build
	moved    map[string]bool // link targets that may resolve otherwise than in the last build
	readable readable
	parts    siteParts
	last     *drawing // read only
	next     *drawing
}

// draw renders and draws every page.
func (j *job) draw(in *inputs, site *resolved, last *drawing) *drawing {
	if site == last.from {
		return last
	}
	d := &drawStage{job: j, in: in, site: site, to: targets{in, site.site}, readable: readable{facts: site.facts}, last: last,
		next: &drawing{from: site, facts: site.facts, siteSum: site.siteSum, look: in.look}}
	d.moved = d.findMoved()
	d.drawPages()
	d.drawBuilderPages()
	d.collectProblems()
	return d.next
}

// collectProblems gathers the problems of the pages' bodies and drawings.
// A template error most pages meet is reported once.
func (d *drawStage) collectProblems() {
	failures := map[diag.Diagnostic][]string{}
	for _, ps := range d.next.all {
		d.next.problems.Append(ps.body.problems)
		if ps.drawErr.Message != "" {
			failures[ps.drawErr] = append(failures[ps.drawErr], ps.page.Source)
		}
	}
	d.next.problems.Append(draw.WhileDrawing(failures))
}

// drawPages renders and draws the site's pages, in parallel: those whose
// drawing may not hold (pagesToDraw), each keeping from the last build
// what still holds; every other page keeps the last build's drawing whole.
func (d *drawStage) drawPages() {
	printView := d.in.hasPrintView()
	pages := make([]*drawnPage, len(d.site.order))
	todo, every := d.pagesToDraw()
	if !every {
		copy(pages, d.last.site)
	}
	kept, newIDs := make([]bool, len(todo)), make([]bool, len(todo))
	parallel(len(todo), func(w, k int) {
		i := todo[k]
		pl := d.site.order[i]
		old := d.last.at(i, pl)
		pages[i], newIDs[k] = d.drawOne(w, pl, old)
		kept[k] = pages[i] == old
		if d.final {
			letGo(pages[i], printView)
		}
	})
	d.newIDs = map[string]bool{}
	var copied bool
	d.next.pages, copied = carry(d.job, d.last.pages, len(pages)+4)
	if !copied {
		for _, ps := range pages {
			d.next.pages[ps.page.Source] = ps
		}
	}
	for k, i := range todo {
		if copied && !kept[k] {
			d.next.pages[pages[i].page.Source] = pages[i]
		}
		if newIDs[k] {
			d.newIDs[pages[i].page.Source] = true
		}
	}
	d.next.site, d.next.all = pages, pages
	d.next.readers = d.readersAfter(todo, every)
}

// drawOne renders and draws a page, pl, with worker w, keeping what holds
// of its last build's drawing, old: old itself when all of it holds.
func (d *drawStage) drawOne(w int, pl *placed, old *drawnPage) (ps *drawnPage, newIDs bool) {
	body := d.keptBody(pl, old)
	if old != nil && !d.final && old.placed == pl && old.body == body && old.drawn != nil &&
		sameBytes(d.record(old, old), old.record) && d.sameDrawing(old.drawn, old) {
		return old, false
	}
	ps = &drawnPage{placed: pl, body: body}
	if ps.body == nil {
		ps.body = d.renderBody(pl.page, d.tools.conv[markdown.Typography(pl.page.Lang.Tag)][w])
		newIDs = old == nil || old.body.idsSum != ps.body.idsSum
	}
	ps.record = d.record(ps, old)
	d.makeDrawing(ps, old)
	return ps, newIDs
}

// letGo drops what only a later build would read, when none follows: the
// page's markdown (its positions are taken), its body, drawn once and for
// all, but an article's when the print view shows it, and what a later
// build would keep them by (how the links resolved, what the drawing
// read). Less held means fewer collections under the memory limit. The
// builder's pages share one empty body, which stays as it is.
func letGo(ps *drawnPage, printView bool) {
	if ps.page.Made {
		return
	}
	if !(printView && ps.page.Kind == content.Article) {
		ps.body.body = ""
	}
	ps.page.Body = nil
	ps.body.headings, ps.body.resolved = nil, nil
	if ps.drawn != nil {
		ps.drawn.reads = nil
	}
}

// at is the drawing of pl, the i-th page of a later build's order, or
// nil: found at the same index while the order holds.
func (g *drawing) at(i int, pl *placed) *drawnPage {
	if i < len(g.all) && g.all[i].placed == pl {
		return g.all[i]
	}
	return g.pages[pl.page.Source]
}

// makeDrawing gives the page its finished HTML: the last build's (old) if
// what it was drawn from is the same, else a new drawing.
func (d *drawStage) makeDrawing(ps, old *drawnPage) {
	if old != nil && old.drawn != nil && d.sameDrawing(old.drawn, ps) {
		ps.drawn = old.drawn
		return
	}
	if d.in.templates != nil {
		ps.drawn, ps.drawErr = d.drawPage(ps)
	}
}

// sameDrawing reports whether a page drawn before would be drawn the same
// now: the same page and body, site view and templates, and every read of
// its view the same.
func (d *drawStage) sameDrawing(old *drawn, ps *drawnPage) bool {
	return old.self == ps.self && old.body == ps.body.version && old.siteSum == d.site.siteSum &&
		old.look == d.in.look && d.readable.hold(old.reads)
}

// drawPage executes the page's template. The templates are minified
// already, so the page needs only the white space around its body and the
// templates' actions taken out (minifier.Compact).
func (d *drawStage) drawPage(ps *drawnPage) (*drawn, diag.Diagnostic) {
	r := &reader{readable: d.readable}
	in := draw.PageInput{Page: ps.page, Body: ps.body.body, Headings: ps.body.headings, Minutes: ps.body.minutes, IsForm: ps.body.isForm}
	site := d.site.siteViews[ps.page.Lang.Code]
	v := &draw.View{Site: draw.SiteOf(site, r), Page: draw.NewPageView(in, site, r)}
	templates := d.in.byLang[ps.page.Lang.Code]
	var problem diag.Diagnostic
	if v.Parts, problem = d.parts.of(templates, v, r); problem.Message != "" {
		return nil, problem
	}
	buf := d.tools.buffers.Get().(*bytes.Buffer)
	defer d.tools.buffers.Put(buf)
	buf.Reset()
	if err := templates.Execute(buf, v); err != nil {
		return nil, templates.Problem(v, err)
	}
	page := minifier.Compact(buf.Bytes()) // in place
	d.drawn.Add(1)
	dr := &drawn{
		links: linkcheck.Scan(ps.file, page), // while the page is fresh in the cache
		body:  ps.body.version, self: ps.self, siteSum: d.site.siteSum, look: d.in.look, reads: r.reads,
	}
	if d.publish != nil {
		dr.sum, dr.put = d.publish.put(ps.file, page) // written now, never held
	} else {
		dr.html = bytes.Clone(page) // at its exact size
	}
	return dr, diag.Diagnostic{}
}
