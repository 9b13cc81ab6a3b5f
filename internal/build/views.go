package build

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/qrsvg"
	"github.com/trustguide/guide/internal/render"
)

// siteView is what every template knows of the site.
func (b *run) siteView() *render.SiteView {
	c := b.site.Config
	v := &render.SiteView{
		Title: c.Title, Language: c.Language, Description: c.Description,
		BaseURL: c.BaseURL, QuickExit: c.QuickExit, Worker: b.workerURL(),
	}
	for _, x := range c.Crisis {
		v.Crisis = append(v.Crisis, render.Crisis{Name: x.Name, Detail: x.Detail, Href: template.URL(x.Href)})
	}
	for _, m := range c.Menu {
		v.Menu = append(v.Menu, render.Link{Title: m.Title, URL: m.URL})
	}
	for _, p := range b.site.Path {
		v.Path = append(v.Path, linkTo(p))
	}
	for _, p := range b.site.Pages {
		if p.Kind == content.Worksheet {
			v.Worksheets++
		}
	}
	return v
}

func linkTo(p *content.Page) render.Link {
	return render.Link{Title: p.Meta.Title, URL: p.URL, Description: p.Meta.Description, Step: p.Meta.Step}
}

// draw executes the page's template and minifies the result.
func (b *run) draw(p *page) {
	p.drawErr = diag.Diagnostic{}
	pv := p.view
	if pv == nil {
		pv = b.pageView(p)
	}
	p.view = nil
	v := &render.View{Site: b.view, Page: pv}
	buf := b.buffers.Get().(*bytes.Buffer)
	defer b.buffers.Put(buf)
	buf.Reset()
	if err := b.templates.Execute(buf, v); err != nil {
		p.drawErr = b.templates.Problem(pv.Kind, err)
		return
	}
	small, err := minifier.Bytes(b.Builder.page, "text/html", buf.Bytes())
	if err != nil {
		p.drawErr = diag.Diagnostic{Path: p.Source, Message: fmt.Sprintf("the page's HTML could not be minified (a template writes broken HTML?): %v", err)}
		return
	}
	p.html = small
	p.viewKey = viewKey(pv)
	p.links = linkcheck.Scan(outputPath(p.URL), small) // while the page is fresh in the cache
	p.fresh = true
	if b.oneShot {
		p.body = "" // drawn once and for all: keep the finished page only
	}
}

func (b *run) pageView(p *page) *render.PageView {
	m := p.Meta
	v := &render.PageView{
		Kind: string(p.Kind), Title: m.Title, Description: m.Description,
		URL: p.URL, Permalink: render.Absolute(b.site.Config.BaseURL, p.URL),
		Body:    p.body,
		Minutes: max(p.minutes, 1),
		Date:    m.Date.Day, Updated: m.Updated.Day, Tags: m.Tags,
		IsForm: p.isForm,
	}
	for _, h := range p.headings {
		if h.Level == 2 || h.Level == 3 {
			v.TOC = append(v.TOC, render.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
		}
	}
	v.Breadcrumbs = b.breadcrumbs(p)
	b.placeOnPath(p, v)
	switch p.Kind {
	case content.Article:
		for _, w := range b.worksheetsOf(p) {
			v.Worksheets = append(v.Worksheets, b.worksheetInfo(w))
		}
	case content.Worksheet:
		v.Worksheet = b.worksheetInfo(p.Page)
		v.Article = v.Worksheet.Article
	}
	if p.IsList() {
		for _, c := range b.site.Children(p.Page) {
			v.Children = append(v.Children, linkTo(c))
			if p.Kind == content.Worksheets && c.Kind == content.Worksheet {
				v.Worksheets = append(v.Worksheets, b.worksheetInfo(c))
			}
		}
	}
	return v
}

// formBody wraps a worksheet's rendered fields in one form, which works
// with JavaScript off. autocomplete="off" keeps browsers from remembering
// answers on a shared device.
func formBody(body []byte) template.HTML {
	return template.HTML(`<form class="worksheet" id="worksheet" action="#" method="post" autocomplete="off">` + string(body) + `</form>`)
}

// readingMinutes is the time to read text at 200 words a minute, at least 1.
func readingMinutes(text string) int {
	words, inWord := 0, false
	for i := 0; i < len(text); i++ {
		space := text[i] == ' ' || text[i] == '\n' || text[i] == '\t'
		if !space && !inWord {
			words++
		}
		inWord = !space
	}
	return int(math.Max(1, math.Round(float64(words)/200)))
}

func (b *run) breadcrumbs(p *page) []render.Link {
	if p.Kind == content.Home {
		return nil
	}
	var crumbs []render.Link
	if home := b.site.ByURL["/"]; home != nil {
		crumbs = append(crumbs, render.Link{Title: home.Meta.Title, URL: "/"})
	}
	// Each folder above the page, from the top down.
	parts := strings.Split(strings.Trim(p.URL, "/"), "/")
	for i := 1; i < len(parts); i++ {
		u := "/" + strings.Join(parts[:i], "/") + "/"
		if s := b.site.ByURL[u]; s != nil {
			crumbs = append(crumbs, linkTo(s))
		}
	}
	return crumbs
}

// placeOnPath sets "step n of N" and the previous and next steps.
func (b *run) placeOnPath(p *page, v *render.PageView) {
	path := b.view.Path
	v.Steps = len(path)
	for i, l := range path {
		if l.URL != p.URL {
			continue
		}
		v.Step = i + 1
		if i > 0 {
			prev := path[i-1]
			v.Prev = &prev
		}
		if i+1 < len(path) {
			next := path[i+1]
			v.Next = &next
		}
	}
}

// indexWorksheets makes each worksheet's details once (its QR code is the
// costly part) and groups worksheets by their article.
func (b *run) indexWorksheets() {
	b.worksheets = map[*content.Page]*render.WorksheetInfo{}
	b.byArticle = map[*content.Page][]*content.Page{}
	for _, w := range b.site.Pages {
		if w.Kind != content.Worksheet {
			continue
		}
		b.worksheets[w] = b.makeWorksheetInfo(w)
		if a := b.site.ArticleOf(w); a != nil {
			b.byArticle[a] = append(b.byArticle[a], w)
		}
	}
	for _, list := range b.byArticle {
		content.SortPages(list)
	}
}

// worksheetsOf returns the worksheets that belong to an article.
func (b *run) worksheetsOf(article *page) []*content.Page { return b.byArticle[article.Page] }

func (b *run) worksheetInfo(w *content.Page) *render.WorksheetInfo { return b.worksheets[w] }

func (b *run) makeWorksheetInfo(w *content.Page) *render.WorksheetInfo {
	info := &render.WorksheetInfo{
		Link:    linkTo(w),
		Minutes: w.Meta.Minutes,
		For:     w.Meta.For, ForLabel: content.Audiences[w.Meta.For],
		Short: w.Meta.Short,
	}
	target := w.URL
	if w.Meta.Short != "" {
		target = "/w/" + w.Meta.Short
	}
	info.ShortURL = render.Absolute(b.site.Config.BaseURL, target)
	info.QR = b.qrCode(info.ShortURL)
	if a := b.site.ArticleOf(w); a != nil {
		l := linkTo(a)
		info.Article = &l
	}
	return info
}

// qrCode draws the QR code of a URL, once per Builder: drawing them is the
// costliest part of a worksheet's details.
func (b *run) qrCode(url string) template.HTML {
	if svg, ok := b.qrCodes[url]; ok {
		return svg
	}
	svg, err := qrsvg.Encode(url, "QR code for "+url)
	if err != nil {
		return "" // a URL too long for a QR code: the page shows the link alone
	}
	b.qrCodes[url] = template.HTML(svg)
	return b.qrCodes[url]
}
