package build

import (
	"html/template"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/printview"
	"github.com/trustguide/guide/internal/render"
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

// needsBodies reports whether the site has a print view, which shows the
// articles' bodies once they are all rendered.
func (j *job) needsBodies() bool {
	_, ok := j.next.in.templates.Lookup(content.Print)
	return ok
}

// makeBuilderPages draws the 404 page and the print view.
func (j *job) makeBuilderPages() {
	j.all = j.pages
	if j.next.in.templates == nil {
		return
	}
	var pages []*pageState
	chapters := map[string]*fact[[]render.Chapter]{}
	for _, lang := range j.next.site.Langs {
		pages = append(pages, j.pageState(notFoundPage(j.next.in, lang)))
		if view := printPage(j.next.in, lang); j.needsBodies() {
			if p := j.next.site.ByURL[view.URL]; p != nil {
				j.problems.Add(p.Source, p.Meta.Line("slug"), 1, "this page's URL is %s, where the builder puts the whole guide to print: give it another slug", view.URL)
			} else {
				chapters[lang.Code] = j.chapters(lang)
				pages = append(pages, j.pageState(view))
			}
		}
	}
	j.next.facts.chapters = chapters
	for _, ps := range pages {
		ps.body = noBody()
		j.makeDrawing(ps)
	}
	j.all = append(j.pages[:len(j.pages):len(j.pages)], pages...)
}

// chapters are the articles of a language's print view: its guided path,
// then its other articles in their section's order.
func (j *job) chapters(lang layout.Lang) *fact[[]render.Chapter] {
	site := j.next.site
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
	chapters := make([]render.Chapter, len(articles))
	sums := make([]uint64, 0, 3*len(articles))
	for i, a := range articles {
		ps := j.next.pages[a.Source]
		worksheets := j.next.facts.worksheetsOf[a.Source]
		chapters[i] = render.Chapter{Link: ps.link.value, ID: ids[i], Worksheets: worksheets.value,
			Body: template.HTML(printview.Body(string(ps.body.body), ids[i], byURL))}
		sums = append(sums, ps.link.sum, ps.body.version, worksheets.sum)
	}
	return &fact[[]render.Chapter]{value: chapters, sum: digest.Combine(sums...)}
}
