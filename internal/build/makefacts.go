package build

import (
	"maps"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
)

// How the resolve stage makes the facts (facts.go): every fact, each
// taken over from the last build while it is made from the same, when
// pages came, went or moved; else, while every page keeps its place, the
// last build's facts with those that a page showing itself otherwise is
// part of made again (updateFacts).

// listIndex says which list page lists each page, and what each list
// page lists, by source. It is kept while every page keeps its place.
type listIndex struct {
	of      map[string]string   // the list of each listed page
	members map[string][]string // the pages of each list
}

// makeFacts makes the facts of this build's site, taking over from the last
// build each one made from the same pages.
func (r *resolveStage) makeFacts() *facts {
	if r.replaced && r.next.look == r.last.look && r.last.lists != nil {
		return r.updateFacts()
	}
	site, last := r.next.site, r.last.facts
	f := r.startFacts(map[string]fact[[]draw.Link]{}, map[string]fact[[]*draw.WorksheetInfo]{},
		map[string]fact[[]*draw.WorksheetInfo]{}, map[string]fact[*draw.WorksheetInfo]{})
	for _, w := range site.Pages {
		if w.Kind == content.Worksheet {
			f.worksheet[w.Source] = r.worksheetFact(w)
		}
	}
	for _, a := range site.Pages {
		if ws := site.WorksheetsOf(a); len(ws) > 0 {
			f.worksheetsOf[a.Source] = r.worksheetList(f, last.worksheetsOf, a.Source, ws)
		}
	}
	lists := site.Lists()
	for list, members := range lists {
		r.listFacts(f, list, members)
	}
	if !r.final {
		r.next.lists = indexLists(lists)
	}
	return f
}

// updateFacts makes the facts of a site whose every page kept its place,
// from the last build's: each fact that a page showing itself otherwise
// is part of is made again, the rest are the same.
func (r *resolveStage) updateFacts() *facts {
	site, last := r.next.site, r.last.facts
	f := r.startFacts(maps.Clone(last.children), maps.Clone(last.worksheetsIn), maps.Clone(last.worksheetsOf), maps.Clone(last.worksheet))
	for _, w := range r.shownAnew {
		if w.Kind != content.Worksheet {
			continue
		}
		f.worksheet[w.Source] = r.worksheetFact(w)
		if a := site.ArticleOf(w); a != nil && len(site.WorksheetsOf(a)) > 0 {
			f.worksheetsOf[a.Source] = r.worksheetList(f, last.worksheetsOf, a.Source, site.WorksheetsOf(a))
		}
	}
	for _, p := range r.shownAnew { // lists read the worksheets' facts
		if list := r.next.lists.of[p.Source]; list != "" {
			members := make([]*content.Page, len(r.next.lists.members[list]))
			for i, src := range r.next.lists.members[list] {
				members[i] = site.BySource[src]
			}
			r.listFacts(f, site.BySource[list], members)
		}
	}
	return f
}

// startFacts starts the facts with the pages' links and the maps given.
func (r *resolveStage) startFacts(children map[string]fact[[]draw.Link], worksheetsIn, worksheetsOf map[string]fact[[]*draw.WorksheetInfo], worksheet map[string]fact[*draw.WorksheetInfo]) *facts {
	f := &facts{byURL: r.linksBy(r.last.facts.byURL, pageURL), children: children,
		worksheetsIn: worksheetsIn, worksheetsOf: worksheetsOf, worksheet: worksheet, path: r.pathFacts()}
	if len(r.next.site.Langs) > 1 { // pages find their translations
		f.bySource = r.linksBy(r.last.facts.bySource, pageSource)
	}
	return f
}

// pathFacts are the links of each language's guided path, in order.
func (r *resolveStage) pathFacts() map[string]fact[[]draw.Link] {
	site := r.next.site
	path := make(map[string]fact[[]draw.Link], len(site.Langs))
	for _, l := range site.Langs {
		steps := site.PathOf(l)
		links := make([]draw.Link, len(steps))
		sums := make([]uint64, len(steps))
		for i, p := range steps {
			links[i], sums[i] = r.next.pages[p.Source].link.value, r.next.pages[p.Source].link.sum
		}
		path[l.Code] = keep(r.last.facts.path, l.Code, digest.Combine(sums...), func() fact[[]draw.Link] {
			return fact[[]draw.Link]{value: links, sum: digest.Combine(sums...)}
		})
	}
	return path
}

// worksheetFact is the fact of a worksheet's details.
func (r *resolveStage) worksheetFact(w *content.Page) fact[*draw.WorksheetInfo] {
	site := r.next.site
	var article string // its URL: a view reads the article's link only if it shows it
	if a := site.ArticleOf(w); a != nil {
		article = a.URL
	}
	audience := r.in.text(w.Lang.Code, "audience."+w.Meta.For)
	made := digest.Combine(digest.String(site.Config.BaseURL), digest.String(w.URL), r.next.pages[w.Source].meta, digest.String(audience), digest.String(article))
	pairs := r.translations(w)
	for _, p := range pairs {
		made = digest.Combine(made, digest.String(p.Source), r.next.pages[p.Source].meta)
	}
	return keep(r.last.facts.worksheet, w.Source, made, func() fact[*draw.WorksheetInfo] {
		info := draw.NewWorksheetInfo(w, article, audience, site.Config.BaseURL, r.tools.qrCode)
		for _, p := range pairs { // a packet link made in the other language names it too
			if p.Meta.Short != "" {
				info.OtherShorts = append(info.OtherShorts, p.Meta.Short)
			}
			info.OtherShorts = append(info.OtherShorts, draw.OldShorts(p)...)
		}
		return factOf(info)
	})
}

// translations are a worksheet's translations, and the worksheet it
// translates: the same file in the site's other languages.
func (r *resolveStage) translations(w *content.Page) []*content.Page {
	var out []*content.Page
	for _, l := range r.next.site.Langs {
		p := r.next.site.BySource[layout.Pair(w.Lang, l, w.Source)]
		if l.Code != w.Lang.Code && p != nil && p.Kind == content.Worksheet {
			out = append(out, p)
		}
	}
	return out
}

// listFacts makes the facts of a list page: the links of its pages, and
// on the worksheets index, their details.
func (r *resolveStage) listFacts(f *facts, list *content.Page, members []*content.Page) {
	last := r.last.facts
	f.children[list.Source] = r.linkList(last.children, list.Source, members)
	if list.Kind == content.Worksheets {
		f.worksheetsIn[list.Source] = r.worksheetList(f, last.worksheetsIn, list.Source, members)
	}
}

// indexLists indexes the site's lists by source.
func indexLists(lists map[*content.Page][]*content.Page) *listIndex {
	ix := &listIndex{of: map[string]string{}, members: make(map[string][]string, len(lists))}
	for list, members := range lists {
		sources := make([]string, len(members))
		for i, p := range members {
			sources[i] = p.Source
			ix.of[p.Source] = list.Source
		}
		ix.members[list.Source] = sources
	}
	return ix
}

func pageURL(p *content.Page) string    { return p.URL }
func pageSource(p *content.Page) string { return p.Source }

// linksBy maps every page's link by its key: while the site has the same
// pages, each at the same index of the order with the same key, the last
// build's map (last) with the pages placed anew set again; else a new map.
func (r *resolveStage) linksBy(last layered[fact[draw.Link]], key func(*content.Page) string) layered[fact[draw.Link]] {
	pages, old := r.next.order, r.last.order
	same := last.base != nil && len(last.base) == len(pages) && len(old) == len(pages) // and so no two pages have one key
	for i := 0; same && i < len(pages); i++ {
		same = pages[i] == old[i] || key(pages[i].page) == key(old[i].page)
	}
	set := map[string]fact[draw.Link]{}
	if !same {
		set = make(map[string]fact[draw.Link], len(pages))
	}
	for i, ps := range pages {
		if !same || ps != old[i] {
			set[key(ps.page)] = ps.link
		}
	}
	if !same {
		return layered[fact[draw.Link]]{base: set}
	}
	return last.with(set)
}

// members is the digest of a set of pages, in any order: a list's order
// follows from the pages themselves (placed.order).
func (r *resolveStage) members(pages []*content.Page, of func(*placed) uint64) uint64 {
	var sum uint64
	for _, p := range pages {
		sum += of(r.next.pages[p.Source])
	}
	return digest.Combine(sum, uint64(len(pages)))
}

// linkList is the fact of the links of a list page's pages, in order.
func (r *resolveStage) linkList(last map[string]fact[[]draw.Link], list string, pages []*content.Page) fact[[]draw.Link] {
	made := r.members(pages, func(ps *placed) uint64 { return ps.order })
	return keep(last, list, made, func() fact[[]draw.Link] {
		content.SortPages(pages)
		links := make([]draw.Link, len(pages))
		sums := make([]uint64, len(pages))
		for i, p := range pages {
			l := r.next.pages[p.Source].link
			links[i], sums[i] = l.value, l.sum
		}
		return fact[[]draw.Link]{value: links, sum: digest.Combine(sums...)}
	})
}

// worksheetList is the fact of the details of the worksheets among pages,
// in order.
func (r *resolveStage) worksheetList(f *facts, last map[string]fact[[]*draw.WorksheetInfo], key string, pages []*content.Page) fact[[]*draw.WorksheetInfo] {
	made := r.members(pages, func(ps *placed) uint64 { return digest.Combine(ps.order, f.worksheet[ps.page.Source].sum) })
	return keep(last, key, made, func() fact[[]*draw.WorksheetInfo] {
		content.SortPages(pages)
		var infos []*draw.WorksheetInfo
		var sums []uint64
		for _, p := range pages {
			if w, ok := f.worksheet[p.Source]; ok {
				infos, sums = append(infos, w.value), append(sums, w.sum)
			}
		}
		return fact[[]*draw.WorksheetInfo]{value: infos, sum: digest.Combine(sums...)}
	})
}
