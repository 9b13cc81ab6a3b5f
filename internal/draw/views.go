package draw

import (
	"html/template"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
)

// The views: what each template is given, made from the checked site. A
// page's view is made from three things only — the page itself (PageInput),
// the site's view, and what it reads of other pages through a Reader — so
// a builder that records the reads knows exactly what each page shows.

// PageInput is what a page's view is made of besides the rest of the site:
// the page, and what the build learned from its markdown.
type PageInput struct {
	Page     *content.Page
	Body     template.HTML
	Headings []Heading // every heading of the body, in order
	Minutes  int       // reading time
	IsForm   bool      // the body has worksheet fields
}

// Reader is how a page's view reads the rest of the site: the only way it
// sees other pages.
type Reader interface {
	PageAt(url string) (Link, bool)               // the page at a site path
	Children(list string) []Link                  // the pages listed by a list page, by source, in order
	WorksheetsIn(list string) []*WorksheetInfo    // the worksheets listed by a list page
	WorksheetsOf(article string) []*WorksheetInfo // an article's worksheets
	Worksheet(worksheet string) *WorksheetInfo    // a worksheet's details
	Chapters(lang string) []Chapter               // every article of a language, for its print view
	PageOf(src string) (Link, bool)               // the page of a source file, in any language
	Path(lang string) []Link                      // a language's guided path, in order
}

// NewSiteView makes what every template of one language knows of the site.
// langs are the site's languages, the default first; path is the
// language's guided path; worker is the service worker pages register, or "".
func NewSiteView(lang layout.Lang, langs []layout.Lang, c content.Config, path []*content.Page, worksheets int, worker string) *SiteView {
	v := &SiteView{
		Title: c.Title, Language: c.Language, Description: c.Description,
		Lang: lang.Code, Home: lang.Home(), Feed: lang.Feed(), Search: lang.SearchList(),
		BaseURL: c.BaseURL, QuickExit: c.QuickExit, Worksheets: worksheets, Worker: worker,
	}
	if len(langs) > 1 {
		for _, l := range langs {
			v.Languages = append(v.Languages, Language{Lang: l, Home: l.Home()})
		}
	}
	for _, x := range c.Crisis {
		v.Crisis = append(v.Crisis, Crisis{Name: x.Name, Detail: x.Detail, Href: template.URL(x.Href)})
	}
	for _, m := range c.Menu {
		v.Menu = append(v.Menu, MenuItem{Title: m.Title, Href: template.URL(m.URL)})
	}
	for _, p := range path {
		v.steps = append(v.steps, p.URL)
	}
	return v
}

// LinkTo is a page as other pages refer to it.
func LinkTo(p *content.Page) Link {
	return Link{Title: p.Meta.Title, URL: p.URL, Description: p.Meta.Description, Step: p.Meta.Step}
}

// NewPageView makes the view of one page.
func NewPageView(in PageInput, site *SiteView, r Reader) *PageView {
	p, m := in.Page, in.Page.Meta
	v := &PageView{
		Kind: p.Kind, Lang: site.Language, Key: p.Key(), Title: m.Title, Description: m.Description,
		URL: p.URL, Permalink: Absolute(site.BaseURL, p.URL),
		Body: in.Body, Minutes: max(in.Minutes, 1),
		Date: m.Date.Day, Updated: m.Updated.Day, Tags: m.Tags,
		IsForm: in.IsForm, Forget: m.Forget, OldKeys: oldKeys(p),
	}
	for _, h := range in.Headings {
		if h.Level == 2 || h.Level == 3 {
			v.TOC = append(v.TOC, h)
		}
	}
	v.Menu = menuOf(site.Menu, site.Home, p.URL)
	v.Breadcrumbs = breadcrumbs(p, site.Home, r)
	v.Alternates = alternates(p, site, r)
	placeOnPath(v, site.steps, r)
	switch p.Kind {
	case content.Article:
		v.Worksheets = worksheets(r.WorksheetsOf(p.Source), r)
	case content.Worksheet:
		if info := r.Worksheet(p.Source); info != nil {
			w := worksheetOf(info, r)
			v.Worksheet, v.Article = &w, w.Article()
		}
	case content.Print:
		v.Chapters = r.Chapters(p.Lang.Code)
	}
	if p.IsList() {
		v.Children = r.Children(p.Source)
		if p.Kind == content.Worksheets {
			v.Worksheets = worksheets(r.WorksheetsIn(p.Source), r)
		}
	}
	return v
}

// menuOf marks the menu's entry for the page at url: "page" when it is the
// page, "true" when the page is below it.
func menuOf(menu []MenuItem, home, url string) []MenuItem {
	out := make([]MenuItem, len(menu))
	for i, m := range menu {
		out[i] = m
		href := string(m.Href)
		switch {
		case href == url:
			out[i].Current = "page"
		case href != home && strings.HasPrefix(href, "/") && strings.HasSuffix(href, "/") && strings.HasPrefix(url, href):
			out[i].Current = "true"
		}
	}
	return out
}

// breadcrumbs are the pages above p, from its language's home page down.
func breadcrumbs(p *content.Page, home string, r Reader) []Link {
	if p.Kind == content.Home {
		return nil
	}
	var crumbs []Link
	if l, ok := r.PageAt(home); ok {
		crumbs = append(crumbs, l)
	}
	parts := strings.Split(strings.Trim(strings.TrimPrefix(p.URL, home), "/"), "/")
	for i := 1; i < len(parts); i++ {
		if l, ok := r.PageAt(home + strings.Join(parts[:i], "/") + "/"); ok {
			crumbs = append(crumbs, l)
		}
	}
	return crumbs
}

// placeOnPath sets "step n of N" and the previous and next steps, whose
// links a step reads.
func placeOnPath(v *PageView, steps []string, r Reader) {
	v.Steps = len(steps)
	for i, url := range steps {
		if url != v.URL {
			continue
		}
		v.Step = i + 1
		if i > 0 {
			v.Prev = linkAt(steps[i-1], r)
		}
		if i+1 < len(steps) {
			v.Next = linkAt(steps[i+1], r)
		}
	}
}

// linkAt is the page at url, read through r, or nil.
func linkAt(url string, r Reader) *Link {
	if l, ok := r.PageAt(url); ok {
		return &l
	}
	return nil
}

// worksheetOf is a worksheet as a view shows it, its article read through
// r when a template asks.
func worksheetOf(w *WorksheetInfo, r Reader) Worksheet {
	return Worksheet{WorksheetInfo: w, article: func() *Link {
		if w.ArticleURL == "" {
			return nil
		}
		return linkAt(w.ArticleURL, r)
	}}
}

func worksheets(infos []*WorksheetInfo, r Reader) []Worksheet {
	out := make([]Worksheet, len(infos))
	for i, w := range infos {
		out[i] = worksheetOf(w, r)
	}
	return out
}

// WorksheetsOfChapter are an article's worksheets in the print view, which
// go with the article of the chapter.
func WorksheetsOfChapter(infos []*WorksheetInfo, article Link) []Worksheet {
	out := make([]Worksheet, len(infos))
	for i, w := range infos {
		out[i] = Worksheet{WorksheetInfo: w, article: func() *Link { return &article }}
	}
	return out
}

// NewWorksheetInfo makes what a counsellor needs to know about a worksheet.
// articleURL is the site path of the article it belongs to, if any;
// audience is the words readers see for whom it is for; qr draws a QR code.
func NewWorksheetInfo(w *content.Page, articleURL, audience, baseURL string, qr func(url string) template.HTML) *WorksheetInfo {
	info := &WorksheetInfo{
		Link: LinkTo(w),
		Key:  w.Key(), OldKeys: oldKeys(w),
		Minutes: w.Meta.Minutes,
		For:     w.Meta.For, ForLabel: audience,
		Short:      w.Meta.Short,
		ArticleURL: articleURL,
	}
	info.OtherShorts = OldShorts(w)
	target := w.URL
	if w.Meta.Short != "" {
		target = layout.Short(w.Meta.Short)
	}
	info.ShortURL = Absolute(baseURL, target)
	info.QR = qr(info.ShortURL)
	return info
}

// OldShorts are the short names a worksheet had before, kept as aliases
// (/w/<old>).
func OldShorts(w *content.Page) []string {
	var out []string
	for _, a := range w.Meta.Aliases {
		if old, ok := strings.CutPrefix(strings.TrimSuffix(a, "/"), layout.ShortPrefix); ok {
			out = append(out, old)
		}
	}
	return out
}

// oldKeys are the keys a worksheet had at the addresses it left, its
// aliases in its own language ("/worksheets/old-name/" was
// "worksheets/old-name"), so that answers kept under them follow it.
func oldKeys(p *content.Page) []string {
	if p.Kind != content.Worksheet {
		return nil
	}
	var out []string
	for _, a := range p.Meta.Aliases {
		if rest, ok := strings.CutPrefix(a, p.Lang.Prefix+"/"); ok && !strings.HasPrefix(a, layout.ShortPrefix) {
			out = append(out, strings.Trim(rest, "/"))
		}
	}
	return out
}
