package build

import (
	"maps"
	"sort"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
)

// The resolve stage: the pages checked against each other
// (content.Assemble), the place of each, each language's view of the
// site, and the facts a page's view may read of other pages (facts.go).
//
// Its part of the rebuild rule: the last build's site holds, with the pages
// read again in it, while those take the same places (only their bodies
// changed); a page keeps its place while it is the same parse of the same
// file, and what it shows of itself to other pages while its file and
// place are the same (placed.self); a fact is made again when what it is
// made from changed (fact.made), and the facts are kept whole while no
// page shows itself otherwise, no page file moved and the site's views and
// strings are the same; while every page keeps its place, only the facts
// of the pages that show themselves otherwise are made again (makefacts.go). For the stages after, it notes the page files that
// may resolve otherwise than in the last build (job.movedPages).

// resolved is the value of the resolve stage.
type resolved struct {
	from      *inputs
	site      *content.Site
	assembly  diag.List                 // the problems of checking the pages against each other
	siteViews map[string]*draw.SiteView // each language's view of the site, by code
	siteSum   uint64                    // digest of siteViews
	pages     map[string]*placed        // by source
	order     []*placed                 // the site's pages, in the site's order
	facts     *facts
	lists     *listIndex // which page lists which: kept while every page keeps its place; nil after a final build
	look      uint64     // the templates and strings (inputs.look) the facts were made with
	problems  diag.List  // the assembly's, and the translations' warnings
}

// placed is a page and where it is published.
type placed struct {
	page   *content.Page
	self   uint64 // digest of the page itself: its source file and place, or what the builder made up
	*shown        // kept while self is the same
}

// shown is what depends on a page alone: where it is published and what
// it shows of itself to other pages and to the site-wide files.
type shown struct {
	file   string // the output file: "articles/x/index.html"
	link   fact[draw.Link]
	order  uint64 // digest of its link and of what orders it in a list
	meta   uint64 // digest of its front matter
	listed uint64 // digest of what the site-wide files say of the page
}

// resolveStage makes one build's resolved from its inputs and the last
// build's resolved, which it reads and never changes.
type resolveStage struct {
	*job
	in        *inputs
	last      *resolved // read only
	next      *resolved
	shownAnew []*content.Page // the pages that came, or show themselves to other pages otherwise
	replaced  bool            // the last site with pages read again in their places
}

// resolve checks the pages against each other and makes what every page
// is drawn from.
func (j *job) resolve(in *inputs, last *resolved) *resolved {
	if in == last.from {
		j.movedPages = nil
		return last
	}
	r := &resolveStage{job: j, in: in, last: last, next: &resolved{from: in, look: in.look}}
	next := r.next
	next.site, next.assembly = r.assembleSite()
	next.problems.Append(next.assembly)
	next.problems.Append(checkTranslations(in))
	next.siteViews, next.siteSum = r.siteViews()
	j.movedPages = r.findMoved()
	r.placePages()
	next.facts, next.lists = last.facts, last.lists
	if len(r.shownAnew) > 0 || len(j.movedPages) > 0 || next.siteSum != last.siteSum || next.look != last.look {
		next.facts = r.makeFacts()
	}
	return next
}

// siteViews makes each language's view of the site, and their digest.
func (r *resolveStage) siteViews() (map[string]*draw.SiteView, uint64) {
	site := r.next.site
	worksheets := map[string]int{}
	for _, p := range site.Pages {
		if p.Kind == content.Worksheet {
			worksheets[p.Lang.Code]++
		}
	}
	views := make(map[string]*draw.SiteView, len(site.Langs))
	sums := make([]uint64, len(site.Langs))
	for i, l := range site.Langs {
		views[l.Code] = draw.NewSiteView(l, site.Langs, site.Configs[l.Code], site.PathOf(l), worksheets[l.Code], r.workerURL())
		sums[i] = digest.Of(views[l.Code])
	}
	return views, digest.Combine(sums...)
}

// workerURL is where pages find the service worker, unless the build is for
// guide serve.
func (j *job) workerURL() string {
	if j.opt.DevServer {
		return ""
	}
	return "/sw.js"
}

// assembleSite checks the pages against each other. When the pages read
// again take the same places as before (only their bodies changed), the
// last build's site holds, with them in it.
func (r *resolveStage) assembleSite() (*content.Site, diag.List) {
	in, last := r.in, r.last.site
	if last != nil && !r.plan.config && !r.plan.scan && !r.plan.everything {
		var changed []*content.Page
		for _, name := range r.plan.pages {
			if s := in.sources[name]; s != nil && s.page != nil && last.SamePlace(s.page) {
				changed = append(changed, s.page)
			} else {
				changed = nil
				break
			}
		}
		if changed != nil {
			r.replaced = true
			return last.Replace(changed), r.last.assembly
		}
	}
	var pages []*content.Page
	var unreadable []string
	for name, s := range in.sources {
		if s.page != nil {
			pages = append(pages, s.page)
		} else {
			unreadable = append(unreadable, name)
		}
	}
	sort.Strings(unreadable)
	// Every language is published at the site's address, under its prefix.
	base := r.baseURL(in.english())
	configs := make(map[string]content.Config, len(in.configs))
	for code, c := range in.configs {
		c.BaseURL = base
		configs[code] = c
	}
	var problems diag.List
	return content.Assemble(in.languages, configs, pages, unreadable, content.Options{Drafts: r.opt.Drafts}, &problems), problems
}

// findMoved lists the page files that may resolve otherwise than in the
// last build: those whose URL changed, or that came or went (as pages,
// drafts or unreadable files).
func (r *resolveStage) findMoved() map[string]bool {
	moved := map[string]bool{}
	last, site := r.last.site, r.next.site
	if last == nil || r.replaced {
		return moved // no body to keep, or every page in its place
	}
	for src, p := range last.BySource {
		if q := site.BySource[src]; q == nil || q.URL != p.URL {
			moved[src] = true
		}
	}
	for src := range site.BySource {
		if last.BySource[src] == nil {
			moved[src] = true
		}
	}
	for _, sets := range [][2]map[string]bool{{last.Drafts, site.Drafts}, {last.Unreadable, site.Unreadable}} {
		for src := range sets[0] {
			if !sets[1][src] {
				moved[src] = true
			}
		}
		for src := range sets[1] {
			if !sets[0][src] {
				moved[src] = true
			}
		}
	}
	return moved
}

// placePages gives each page its place: the last build's while the page
// is the same parse of the same file, else a new one.
func (r *resolveStage) placePages() {
	site := r.next.site
	pages := maps.Clone(r.last.pages)
	for src := range r.movedPages {
		if site.BySource[src] == nil {
			delete(pages, src)
		}
	}
	order := make([]*placed, len(site.Pages))
	for i, p := range site.Pages {
		if last := r.last.order; i < len(last) && last[i].page == p {
			order[i] = last[i] // the same page at the same index: pages has it
			continue
		}
		pl := r.last.pages[p.Source]
		if pl == nil || pl.page != p {
			var changed bool
			if pl, changed = place(p, r.in.sources[p.Source], pl); changed {
				r.shownAnew = append(r.shownAnew, p)
			}
		}
		order[i], pages[p.Source] = pl, pl
	}
	r.next.pages, r.next.order = pages, order
}

// place gives a page its place, taking over from old what depends on the
// page alone while the page itself is the same. changed reports a page
// that came, or shows itself to other pages otherwise.
func place(p *content.Page, s *source, old *placed) (pl *placed, changed bool) {
	pl = &placed{page: p}
	if s != nil && s.page == p {
		// The file, and where the layout puts it: a folder that becomes a
		// language makes its pages French without a byte of them changing.
		pl.self = digest.Combine(s.sum, digest.String(p.Lang.Tag+"\x00"+string(p.Kind)+"\x00"+p.URL))
	} else {
		pl.self = digest.Of(*p) // made up by the builder: small
	}
	if old != nil && old.self == pl.self {
		pl.shown = old.shown
		return pl, false
	}
	link := factOf(draw.LinkTo(p))
	pl.shown = &shown{file: layout.OutputPath(p.URL), link: link,
		order: digest.Combine(link.sum, uint64(p.Meta.Weight), uint64(p.Meta.Step)),
		meta:  digest.Of(p.Meta), listed: digest.Of(listedEntry(p))}
	return pl, old == nil || old.link.sum != pl.link.sum || old.order != pl.order || old.meta != pl.meta
}
