package build

import (
	"bytes"
	"html/template"
	"maps"
	"strings"
	"sync"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// makePages renders and draws every page of the site, in parallel, each
// keeping from the last build what still holds, and adds them to the
// output.
func (j *job) makePages() {
	printView := j.needsBodies()
	rendered := make([]bool, len(j.pages))
	parallel(len(j.pages), func(w, i int) {
		ps := j.pages[i]
		if j.kept(ps) {
			return // nothing it is made from changed
		}
		ps.body = j.keptBody(ps)
		if ps.body == nil {
			ps.body = j.renderBody(ps.page, j.tools.conv[markdown.Typography(ps.page.Lang.Tag)][w])
			rendered[i] = true
		}
		if ps.page.Made { // small: made again with the strings of this build
			e := entryOf(ps.page, "")
			e.Label = j.next.in.text(ps.page.Lang.Code, ps.page.Kind.LabelKey())
			ps.record = render.SearchRecord(e)
		} else {
			ps.record = ps.body.search
		}
		j.makeDrawing(ps)
		if j.final && !(printView && ps.page.Kind == content.Article) {
			ps.body.body = "" // drawn once and for all: keep the finished page only
		}
		if j.final {
			ps.page.Body = nil // positions are taken; no rebuild will parse it again
		}
	})
	for i, ps := range j.pages {
		if rendered[i] {
			j.rendered = append(j.rendered, ps.page.Source)
		}
	}
}

// makeDrawing gives the page its finished HTML: the last build's if what
// it was drawn from is the same, else a new drawing.
func (j *job) makeDrawing(ps *pageState) {
	if old := j.last.pages[ps.page.Source]; old != nil && old.drawn != nil && j.sameDrawing(old.drawn, ps) {
		ps.drawn = old.drawn
		return
	}
	if j.next.in.templates != nil {
		ps.drawn, ps.drawErr = j.draw(ps)
	}
}

// sameDrawing reports whether a page drawn before would be drawn the same
// now: the same page and body, site view and templates, and every read of
// its view the same.
func (j *job) sameDrawing(d *drawn, ps *pageState) bool {
	return d.self == ps.self && d.body == ps.body.version && d.siteSum == j.next.siteSum &&
		d.look == j.next.in.look && j.next.facts.hold(d.reads)
}

// draw executes the page's template. The templates are minified already,
// so the page needs only the white space around its body and the
// templates' actions taken out (minifier.Compact).
func (j *job) draw(ps *pageState) (*drawn, diag.Diagnostic) {
	r := &reader{facts: j.next.facts}
	in := render.PageInput{Page: ps.page, Body: ps.body.body, Headings: ps.body.headings, Minutes: ps.body.minutes, IsForm: ps.body.isForm}
	site := j.next.siteViews[ps.page.Lang.Code]
	v := &render.View{Site: site, Page: render.NewPageView(in, site, r)}
	templates := j.next.in.byLang[ps.page.Lang.Code]
	var problem diag.Diagnostic
	if v.Parts, problem = j.parts.of(templates, v); problem.Message != "" {
		return nil, problem
	}
	buf := j.tools.buffers.Get().(*bytes.Buffer)
	defer j.tools.buffers.Put(buf)
	buf.Reset()
	if err := templates.Execute(buf, v); err != nil {
		return nil, templates.Problem(v, err)
	}
	html := minifier.Compact(bytes.Clone(buf.Bytes()))
	j.drawn.Add(1)
	return &drawn{
		html: html, links: linkcheck.Scan(ps.file, html), // while the page is fresh in the cache
		body: ps.body.version, self: ps.self, siteSum: j.next.siteSum, look: j.next.in.look, reads: r.reads,
	}, diag.Diagnostic{}
}

// collect adds the pages' HTML to the output and their problems to the
// build's. A template error most pages meet is reported once.
func (j *job) collect() {
	j.next.files = j.startFiles()
	failures := map[diag.Diagnostic][]string{}
	for _, ps := range j.all {
		j.problems.Append(ps.body.problems)
		if ps.drawn != nil {
			j.next.files[ps.file] = ps.drawn.html
		}
		if ps.drawErr.Message != "" {
			failures[ps.drawErr] = append(failures[ps.drawErr], ps.page.Source)
		}
	}
	j.problems.Append(render.WhileDrawing(failures))
}

// startFiles is the output before the pages are added: a copy of the last
// build's when the same files make it up, in which every page and site
// file is set again; else nothing.
func (j *job) startFiles() output.Files {
	if len(j.moved) == 0 && j.last.files != nil && !j.plan.scan && !j.plan.assets && !j.plan.templates {
		return maps.Clone(j.last.files)
	}
	return make(output.Files, len(j.last.files)+16)
}

// drawingFailed reports whether a page could not be drawn.
func (j *job) drawingFailed() bool {
	if j.next.in.templates == nil {
		return true
	}
	for _, ps := range j.all {
		if ps.drawn == nil {
			return true
		}
	}
	return false
}

// siteParts are the site parts drawn in this build (render's package doc),
// by what they may read of a page: its language, kind and menu.
type siteParts struct {
	sync.Mutex
	drawn map[uint64]map[string]template.HTML
}

// of returns the site parts of the page of v, drawing them the first time
// a page of that kind and menu asks.
func (s *siteParts) of(t *render.Templates, v *render.View) (map[string]template.HTML, diag.Diagnostic) {
	key := digest.Of(struct {
		Lang string
		Kind content.Kind
		Menu []render.MenuItem
	}{v.Site.Lang, v.Page.Kind, v.Page.Menu})
	s.Lock()
	parts, ok := s.drawn[key]
	s.Unlock()
	if ok {
		return parts, diag.Diagnostic{}
	}
	parts = map[string]template.HTML{}
	for _, name := range t.Parts() {
		var b strings.Builder
		if err := t.DrawPart(&b, name, v); err != nil {
			return nil, t.PartProblem(name, v, err)
		}
		parts[name] = template.HTML(b.String())
	}
	s.Lock()
	defer s.Unlock()
	if s.drawn == nil {
		s.drawn = map[uint64]map[string]template.HTML{}
	}
	s.drawn[key] = parts
	return parts, diag.Diagnostic{}
}
