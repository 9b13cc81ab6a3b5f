package build

import (
	"html/template"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/printview"
)

// The pages the builder makes itself in each language, drawn like any page
// once the others are: /404.html, and /print/ (every article on one page,
// the guided path first, for paper) when the site has templates/print.html;
// /fr/404.html and /fr/print/ in French.
// Their titles and descriptions are the language's strings (made.*).
func notFoundPage(in *inputs, lang layout.Lang) *content.Page {
	return &content.Page{Source: lang.MadeSource("templates/404.html"), Lang: lang, Kind: content.NotFound, URL: lang.NotFound(), Made: true,
		Meta: content.Meta{Title: in.text(lang.Code, "made.notfound.title"), Description: in.text(lang.Code, "made.notfound.description")}}
}

func printPage(in *inputs, lang layout.Lang) *content.Page {
	return &content.Page{Source: lang.MadeSource("templates/print.html"), Lang: lang, Kind: content.Print, URL: lang.Print(), Made: true,
		Meta: content.Meta{Title: in.text(lang.Code, "made.print.title"), Description: in.text(lang.Code, "made.print.description")}}
}

// hasPrintView reports whether the site has a print view, which shows the
// articles' bodies once they are all rendered.
func (in *inputs) hasPrintView() bool {
	_, ok := in.templates.Lookup(content.Print)
	return ok
}

// drawBuilderPages draws the 404 page and the print view of each language.
// The print view reads the articles' bodies: its chapters are this stage's
// own, made now that every body is rendered.
func (d *drawStage) drawBuilderPages() {
	if d.in.templates == nil {
		return
	}
	site := d.site.site
	var pages []*drawnPage
	chapters := map[string]*fact[[]draw.Chapter]{}
	for _, lang := range site.Langs {
		pages = append(pages, d.builderPage(notFoundPage(d.in, lang)))
		if view := printPage(d.in, lang); d.in.hasPrintView() {
			if p := site.ByURL[view.URL]; p != nil {
				d.next.problems.Add(p.Source, p.Meta.Line("slug"), 1, "this page's URL is %s, where the builder puts the whole guide to print: give it another slug", view.URL)
			} else {
				chapters[lang.Code] = d.chapters(lang)
				pages = append(pages, d.builderPage(view))
			}
		}
	}
	d.next.chapters, d.readable.chapters = chapters, chapters
	for _, ps := range pages {
		d.makeDrawing(ps, d.last.pages[ps.page.Source])
	}
	n := len(d.next.site)
	d.next.all = append(d.next.site[:n:n], pages...)
}

// builderPage places a page the builder makes, whose body is empty.
func (d *drawStage) builderPage(p *content.Page) *drawnPage {
	var old *placed
	if was := d.last.pages[p.Source]; was != nil {
		old = was.placed
	}
	pl, _ := place(p, nil, old)
	ps := &drawnPage{placed: pl, body: noBody}
	d.next.pages[p.Source] = ps
	return ps
}

// chapters are the articles of a language's print view: its guided path,
// then its other articles in their section's order.
func (d *drawStage) chapters(lang layout.Lang) *fact[[]draw.Chapter] {
	site := d.site.site
	articles := append([]*content.Page(nil), site.PathOf(lang)...)
	var others []*content.Page
	for _, p := range site.Pages {
		if p.Kind == content.Article && p.Meta.Step == 0 && p.Lang.Code == lang.Code {
			others = append(others, p)
		}
	}
	content.SortPages(others)
	articles = append(articles, others...)

	slugs := make([]string, len(articles))
	for i, a := range articles {
		slugs[i] = a.Slug
	}
	ids := printview.ChapterIDs(slugs)
	byURL := make(map[string]string, len(articles))
	for i, a := range articles {
		byURL[a.URL] = ids[i]
	}
	chapters := make([]draw.Chapter, len(articles))
	sums := make([]uint64, 0, 3*len(articles))
	for i, a := range articles {
		ps := d.next.pages[a.Source]
		worksheets := d.site.facts.worksheetsOf[a.Source]
		chapters[i] = draw.Chapter{Link: ps.link.value, ID: ids[i], Worksheets: draw.WorksheetsOfChapter(worksheets.value, ps.link.value),
			Body: template.HTML(printview.Body(string(ps.body.body), ids[i], byURL))}
		sums = append(sums, ps.link.sum, ps.body.version, worksheets.sum)
	}
	return &fact[[]draw.Chapter]{value: chapters, sum: digest.Combine(sums...)}
}
