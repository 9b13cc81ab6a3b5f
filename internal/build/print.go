package build

import (
	"html/template"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/printview"
	"github.com/trustguide/guide/internal/render"
)

// The print view, /print/: every article on one page, the guided path in
// order and then the other articles, for paper. A site has it when it has
// templates/print.html. It is drawn again whenever what it shows may have
// changed: an article's body, or what pages show of each other.
const (
	printURL    = "/print/"
	printFile   = "print/index.html"
	printSource = "templates/print.html"
)

// makePrintView draws /print/ if it must, and adds it to the output. It
// runs before the pages are drawn: a one-shot build lets each page's body
// go once the page is drawn.
func (b *run) makePrintView() {
	if _, ok := b.templates.Lookup("print"); !ok {
		b.Builder.print = nil
		return
	}
	if p := b.site.ByURL[printURL]; p != nil {
		b.Builder.print = nil
		b.problems.Add(p.Source, p.Meta.Line("slug"), 1, "this page's URL is %s, where the builder puts the whole guide to print: give it another slug", printURL)
		return
	}
	if b.Builder.print == nil || b.navChanged || b.drawAll || b.articleRendered() {
		b.Builder.print = b.drawPrintView()
		b.printDrawn = true
	}
	p := b.Builder.print
	if p.html != nil {
		b.files[printFile] = p.html
	} else {
		b.problems.Append(render.WhileDrawing(map[diag.Diagnostic][]string{p.drawErr: {printSource}}))
	}
}

// printFailed reports whether the site has a print view that could not be
// drawn.
func (b *run) printFailed() bool {
	return b.Builder.print != nil && b.Builder.print.html == nil
}

// articleRendered reports whether an article's body was rendered in this
// build, not kept from the last.
func (b *run) articleRendered() bool {
	for _, p := range b.pages {
		if p.Kind == content.Article && !p.reused {
			return true
		}
	}
	return false
}

func (b *run) drawPrintView() *page {
	p := &page{Page: &content.Page{Source: printSource, Kind: "print", URL: printURL, Made: true,
		Meta: content.Meta{Title: "The whole guide", Description: "Every article of the guide on one page, in order, to print."}}}
	p.prepare(b, nil)
	v := b.pageView(p)
	v.Chapters = b.chapters()
	p.view = v
	b.draw(p)
	return p
}

// chapters are the articles of the print view: the guided path, then the
// other articles in their section's order.
func (b *run) chapters() []render.Chapter {
	articles := append([]*content.Page(nil), b.site.Path...)
	var others []*content.Page
	for _, p := range b.site.Pages {
		if p.Kind == content.Article && p.Meta.Step == 0 {
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
	chapters := make([]render.Chapter, len(articles))
	for i, a := range articles {
		ch := render.Chapter{Link: linkTo(a), ID: ids[i],
			Body: template.HTML(printview.Body(string(b.bySource[a.Source].body), ids[i], byURL))}
		for _, w := range b.byArticle[a] {
			ch.Worksheets = append(ch.Worksheets, b.worksheetInfo(w))
		}
		chapters[i] = ch
	}
	return chapters
}
