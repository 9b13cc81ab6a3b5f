package draw

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
)

// alternates is the page in every language of the site, in the site's
// order: its translation where there is one (read through r, so that a
// translation that comes or goes draws the page again), else that
// language's home page, so that the language switcher never leads to a
// missing page (a language without a home page is left out). A
// one-language site has none.
func alternates(p *content.Page, site *SiteView, r Reader) []Alternate {
	if len(site.Languages) < 2 {
		return nil
	}
	var out []Alternate
	for i, l := range site.Languages {
		a := Alternate{Language: l, URL: l.Home, Current: l.Code == p.Lang.Code, Default: i == 0}
		switch {
		case a.Current:
			a.URL, a.Translated = p.URL, p.Kind != content.NotFound
		case p.Kind == content.NotFound:
			// a missing page has no translation: the switcher leads home
		case p.Kind == content.Print:
			a.URL, a.Translated = l.Print(), true
		default:
			if link, ok := r.PageOf(layout.Pair(p.Lang, l.Lang, p.Source)); ok {
				a.URL, a.Translated = link.URL, true
			}
		}
		if _, ok := r.PageAt(l.Home); ok || a.Translated {
			out = append(out, a)
		}
	}
	return out
}
