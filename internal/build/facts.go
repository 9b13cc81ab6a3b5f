package build

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
)

// fact is a value a page's view may read of the rest of the site, with
// its digest, and the digest of what it was made from (made), so that a
// build can take it over from the last.
type fact[T any] struct {
	value T
	sum   uint64
	made  uint64
}

func factOf[T any](v T) fact[T] { return fact[T]{value: v, sum: digest.Of(v)} }

// keep returns the last build's fact if it was made from the same (made),
// else the fact makeFact makes.
func keep[T any](last map[string]fact[T], key string, made uint64, makeFact func() fact[T]) fact[T] {
	if f, ok := last[key]; ok && f.made == made {
		return f
	}
	f := makeFact()
	f.made = made
	return f
}

// facts are what a view can read of other pages (draw.Reader), made by
// the resolve stage and never changed after: the print view's chapters,
// which need the pages' bodies, are the draw stage's (readable).
type facts struct {
	byURL        layered[fact[draw.Link]]               // every page, by URL
	bySource     layered[fact[draw.Link]]               // every page, by source, in a site of more than one language
	children     map[string]fact[[]draw.Link]           // list pages, by source
	worksheetsIn map[string]fact[[]*draw.WorksheetInfo] // list pages, by source
	worksheetsOf map[string]fact[[]*draw.WorksheetInfo] // articles, by source
	worksheet    map[string]fact[*draw.WorksheetInfo]   // worksheets, by source
}

// readable is what the views of one build may read of other pages: the
// facts, and once every page's body is rendered, each language's print
// view's chapters.
type readable struct {
	facts    *facts
	chapters map[string]*fact[[]draw.Chapter] // by language code
}

// readKind names a method of draw.Reader.
type readKind uint8

const (
	readPageAt readKind = iota
	readChildren
	readWorksheetsIn
	readWorksheetsOf
	readWorksheet
	readChapters
	readPageOf
	readKinds // how many there are
)

// factKey names one fact a view may read: the method, and of what.
type factKey struct {
	kind readKind
	key  string
}

// read is one fact a view read: which, and its digest then.
type read struct {
	factKey
	sum uint64
}

// sum is the digest a read would have now; 0 when there is nothing there.
func (v readable) sum(r read) uint64 {
	f := v.facts
	switch r.kind {
	case readPageAt:
		return f.byURL.at(r.key).sum
	case readChildren:
		return f.children[r.key].sum
	case readWorksheetsIn:
		return f.worksheetsIn[r.key].sum
	case readWorksheetsOf:
		return f.worksheetsOf[r.key].sum
	case readWorksheet:
		return f.worksheet[r.key].sum
	case readPageOf:
		return f.bySource.at(r.key).sum
	case readChapters:
		if c := v.chapters[r.key]; c != nil {
			return c.sum
		}
	}
	return 0
}

// hold reports whether every read would read the same now.
func (v readable) hold(reads []read) bool {
	for _, r := range reads {
		if v.sum(r) != r.sum {
			return false
		}
	}
	return true
}

// reader is the draw.Reader of one page's view: it answers from the
// facts and notes each read.
type reader struct {
	readable
	reads []read
}

func (r *reader) note(kind readKind, key string, sum uint64) {
	r.reads = append(r.reads, read{factKey{kind, key}, sum})
}

func (r *reader) PageAt(url string) (draw.Link, bool) {
	f, ok := r.facts.byURL.get(url)
	r.note(readPageAt, url, f.sum)
	return f.value, ok
}

func (r *reader) PageOf(src string) (draw.Link, bool) {
	f, ok := r.facts.bySource.get(src)
	r.note(readPageOf, src, f.sum)
	return f.value, ok
}

func (r *reader) Children(list string) []draw.Link {
	f := r.facts.children[list]
	r.note(readChildren, list, f.sum)
	return f.value
}

func (r *reader) WorksheetsIn(list string) []*draw.WorksheetInfo {
	f := r.facts.worksheetsIn[list]
	r.note(readWorksheetsIn, list, f.sum)
	return f.value
}

func (r *reader) WorksheetsOf(article string) []*draw.WorksheetInfo {
	f := r.facts.worksheetsOf[article]
	r.note(readWorksheetsOf, article, f.sum)
	return f.value
}

func (r *reader) Worksheet(w string) *draw.WorksheetInfo {
	f := r.facts.worksheet[w]
	r.note(readWorksheet, w, f.sum)
	return f.value
}

func (r *reader) Chapters(lang string) []draw.Chapter {
	f := r.chapters[lang]
	if f == nil {
		r.note(readChapters, lang, 0)
		return nil
	}
	r.note(readChapters, lang, f.sum)
	return f.value
}

// makeFacts makes the facts of this build's site, taking over from the last
// build each one made from the same pages.
func (r *resolveStage) makeFacts() *facts {
	site, last := r.next.site, r.last.facts
	f := &facts{
		byURL: r.linksBy(last.byURL, pageURL), children: map[string]fact[[]draw.Link]{},
		worksheetsIn: map[string]fact[[]*draw.WorksheetInfo]{}, worksheetsOf: map[string]fact[[]*draw.WorksheetInfo]{},
		worksheet: map[string]fact[*draw.WorksheetInfo]{},
	}
	if len(site.Langs) > 1 { // pages find their translations
		f.bySource = r.linksBy(last.bySource, pageSource)
	}
	base := digest.Of(site.Config.BaseURL)
	for _, w := range site.Pages {
		if w.Kind == content.Worksheet {
			var article string // its URL: a view reads the article's link only if it shows it
			if a := site.ArticleOf(w); a != nil {
				article = a.URL
			}
			audience := r.in.text(w.Lang.Code, "audience."+w.Meta.For)
			made := digest.Combine(base, digest.String(w.URL), r.next.pages[w.Source].meta, digest.String(audience), digest.String(article))
			f.worksheet[w.Source] = keep(last.worksheet, w.Source, made, func() fact[*draw.WorksheetInfo] {
				return factOf(draw.NewWorksheetInfo(w, article, audience, site.Config.BaseURL, r.tools.qrCode))
			})
		}
	}
	for _, a := range site.Pages {
		if ws := site.WorksheetsOf(a); len(ws) > 0 {
			f.worksheetsOf[a.Source] = r.worksheetList(f, last.worksheetsOf, a.Source, ws)
		}
	}
	for list, members := range site.Lists() {
		f.children[list.Source] = r.linkList(last.children, list.Source, members)
		if list.Kind == content.Worksheets {
			f.worksheetsIn[list.Source] = r.worksheetList(f, last.worksheetsIn, list.Source, members)
		}
	}
	return f
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
