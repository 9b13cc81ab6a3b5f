package build

import (
	"html/template"
	"strings"
	"sync"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
)

// siteParts are the site parts drawn in this build (render's package doc),
// by what they may read of a page: its language, kind and menu.
type siteParts struct {
	sync.Mutex
	drawn map[uint64]drawnParts
}

// drawnParts are the site parts of one kind of page, and what they read
// of the site (the guided path), which every page that shows them reads.
type drawnParts struct {
	html  map[string]template.HTML
	reads []read
}

// of returns the site parts of the page of v, whose reads are r, drawing
// them the first time a page of that kind and menu asks.
func (s *siteParts) of(t *draw.Templates, v *draw.View, r *reader) (map[string]template.HTML, diag.Diagnostic) {
	key := digest.Of(struct {
		Lang string
		Kind content.Kind
		Menu []draw.MenuItem
	}{v.Site.Lang, v.Page.Kind, v.Page.Menu})
	s.Lock()
	parts, ok := s.drawn[key]
	s.Unlock()
	if !ok {
		var problem diag.Diagnostic
		if parts, problem = drawParts(t, *v, r.readable); problem.Message != "" {
			return nil, problem
		}
		s.Lock()
		if s.drawn == nil {
			s.drawn = map[uint64]drawnParts{}
		}
		s.drawn[key] = parts
		s.Unlock()
	}
	r.reads = append(r.reads, parts.reads...)
	return parts.html, diag.Diagnostic{}
}

// drawParts draws every site part for the page of v, with a reader of its
// own, so that what the parts read is known apart from the page.
func drawParts(t *draw.Templates, v draw.View, facts readable) (drawnParts, diag.Diagnostic) {
	r := &reader{readable: facts}
	v.Site = draw.SiteOf(v.Site.SiteView, r)
	parts := drawnParts{html: map[string]template.HTML{}}
	for _, name := range t.Parts() {
		var b strings.Builder
		if err := t.DrawPart(&b, name, &v); err != nil {
			return drawnParts{}, t.PartProblem(name, &v, err)
		}
		parts.html[name] = template.HTML(b.String())
	}
	parts.reads = r.reads
	return parts, diag.Diagnostic{}
}
