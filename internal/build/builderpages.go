package build

import (
	"html/template"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/printview"
	"github.com/trustguide/guide/internal/render"
)

// The pages the builder makes itself, drawn like any page once the others
// are: /404.html, and /print/ (every article on one page, the guided path
// first, for paper) when the site has templates/print.html.
func notFoundPage() *content.Page {
	return &content.Page{Source: "templates/404.html", Kind: content.NotFound, URL: "/404.html", Made: true,
		Meta: content.Meta{Title: "Page not found", Description: "There is no page at this address."}}
}

func printPage() *content.Page {
	return &content.Page{Source: "templates/print.html", Kind: content.Print, URL: "/print/", Made: true,
		Meta: content.Meta{Title: "The whole guide", Description: "Every article of the guide on one page, in order, to print."}}
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
	pages := []*pageState{j.pageState(notFoundPage())}
	if view := printPage(); j.needsBodies() {
		if p := j.next.site.ByURL[view.URL]; p != nil {
			j.problems.Add(p.Source, p.Meta.Line("slug"), 1, "this page's URL is %s, where the builder puts the whole guide to print: give it another slug", view.URL)
		} else {
			j.next.facts.chapters = j.chapters()
			pages = append(pages, j.pageState(view))
		}
	}
	for _, ps := range pages {
		ps.body = noBody
		j.makeDrawing(ps)
	}
	j.all = append(j.pages[:len(j.pages):len(j.pages)], pages...)
}

// chapters are the articles of the print view: the guided path, then the
// other articles in their section's order.
func (j *job) chapters() *fact[[]render.Chapter] {
	site := j.next.site
	articles := append([]*content.Page(nil), site.Path...)
	var others []*content.Page
	for _, p := range site.Pages {
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
