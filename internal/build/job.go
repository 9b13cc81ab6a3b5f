package build

import (
	"io/fs"
	"maps"
	"sort"
	"sync/atomic"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/render"
)

// job makes one build. It reads the last build's state, never changing it,
// and makes the next state.
type job struct {
	fsys  fs.FS
	opt   Options
	tools *tools
	last  *state // read only
	final bool   // no build follows: keep nothing for one
	plan  plan

	next     *state          // being made
	pages    []*pageState    // the site's, in source order
	all      []*pageState    // and the builder's own (404, print)
	moved    map[string]bool // link targets that may resolve otherwise than in the last build
	newFacts bool            // some fact a view may read is not the last build's
	rendered []string        // the page files whose body was rendered in this build
	problems diag.List
	drawn    atomic.Int64
	parts    siteParts
	made     map[string]string // the builder's own files: what each is
}

func newJob(fsys fs.FS, opt Options, t *tools, last *state, changed []string) *job {
	first := last == nil
	if first {
		last = empty()
	}
	return &job{fsys: fsys, opt: opt, tools: t, last: last, plan: planFor(fsys, last.in, first, changed),
		next: &state{pages: map[string]*pageState{}}}
}

// run makes the site in these steps:
//  1. read what changed, and check the pages against each other;
//  2. make the site's view and the facts pages may read of each other;
//  3. render and draw the pages, in parallel, each keeping from the last
//     build what still holds;
//  4. check links to other pages' headings, now that every page's ids are
//     known;
//  5. draw the pages the builder makes, the 404 page and the print view,
//     and put every page in the output;
//  6. make the site-wide files: sitemap, feed, robots.txt, _redirects,
//     search index, service worker; and check that each output path has
//     one owner;
//  7. check every internal link of the output, and that no published URL
//     is gone.
func (j *job) run() (*state, Result) {
	j.readInputs()
	j.assemble()
	j.makePages()
	j.checkAnchors()
	j.checkFields()
	j.makeBuilderPages()
	j.collect()
	j.makeSiteFiles()
	j.checkOwners()
	j.checkOutput()
	return j.next, j.result()
}

// assemble checks the pages against each other and makes what every page
// is drawn from.
func (j *job) assemble() {
	in := j.next.in
	for _, d := range []diag.List{in.configDiag, in.langDiag, in.scanDiag, in.assetDiag, in.tmplDiag, in.resDiag} {
		j.problems.Append(d)
	}
	for _, s := range in.sources {
		j.problems.Append(s.problems) // in any order: problems are sorted in the end
	}
	j.next.site, j.next.assembly = j.assembleSite()
	j.problems.Append(j.next.assembly)
	j.problems.Append(j.checkTranslations())
	j.next.siteViews, j.next.siteSum = j.siteViews()
	j.findMoved()
	j.startPages()
	kept := *j.last.facts // a copy: the print view's chapters are set on it later
	j.next.facts = &kept
	if j.newFacts || len(j.moved) > 0 || j.next.siteSum != j.last.siteSum {
		j.next.facts = j.makeFacts() // notes whether any fact is new
	}
	j.settlePages()
}

// siteViews makes each language's view of the site, and their digest.
func (j *job) siteViews() (map[string]*render.SiteView, uint64) {
	site := j.next.site
	worksheets := map[string]int{}
	for _, p := range site.Pages {
		if p.Kind == content.Worksheet {
			worksheets[p.Lang.Code]++
		}
	}
	views := make(map[string]*render.SiteView, len(site.Langs))
	sums := make([]uint64, len(site.Langs))
	for i, l := range site.Langs {
		views[l.Code] = render.NewSiteView(l, site.Langs, site.Configs[l.Code], site.PathOf(l), worksheets[l.Code], j.workerURL())
		sums[i] = digest.Of(views[l.Code])
	}
	return views, digest.Combine(sums...)
}

// assembleSite checks the pages against each other. When the pages read
// again take the same places as before (only their bodies changed), the
// last build's site holds, with them in it.
func (j *job) assembleSite() (*content.Site, diag.List) {
	in, last := j.next.in, j.last.site
	if last != nil && !j.plan.config && !j.plan.scan && !j.plan.everything {
		var changed []*content.Page
		for _, name := range j.plan.pages {
			if s := in.sources[name]; s != nil && s.page != nil && last.SamePlace(s.page) {
				changed = append(changed, s.page)
			} else {
				changed = nil
				break
			}
		}
		if changed != nil {
			return last.Replace(changed), j.last.assembly
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
	base := j.baseURL(in.english())
	configs := make(map[string]content.Config, len(in.configs))
	for code, c := range in.configs {
		c.BaseURL = base
		configs[code] = c
	}
	var problems diag.List
	return content.Assemble(in.languages, configs, pages, unreadable, content.Options{Drafts: j.opt.Drafts}, &problems), problems
}

// startPages gives each page its state: the last build's while the page is
// the same parse of the same file (for now: settlePages decides), else a
// new one.
func (j *job) startPages() {
	site := j.next.site
	j.next.pages = maps.Clone(j.last.pages)
	for src := range j.moved {
		if site.BySource[src] == nil {
			delete(j.next.pages, src)
		}
	}
	j.pages = make([]*pageState, len(site.Pages))
	for i, p := range site.Pages {
		if old := j.last.pages[p.Source]; old != nil && old.page == p {
			j.pages[i] = old
		} else {
			j.pages[i] = j.pageState(p)
		}
	}
}

// settlePages keeps the last build's state of each page that is the same
// parse of the same file when nothing a page is drawn from changed; else
// each such page gets a new state, taking over what depends on it alone.
func (j *job) settlePages() {
	quiet := !j.newFacts && len(j.moved) == 0 && j.next.siteSum == j.last.siteSum && j.next.in.look == j.last.in.look
	if quiet {
		return
	}
	for i, ps := range j.pages {
		if ps == j.last.pages[ps.page.Source] {
			fresh := &pageState{page: ps.page, self: ps.self, file: ps.file, link: ps.link, order: ps.order, meta: ps.meta, listed: ps.listed, record: ps.record}
			j.pages[i], j.next.pages[ps.page.Source] = fresh, fresh
		}
	}
}

// kept reports whether a page's state is the last build's, as it was.
func (j *job) kept(ps *pageState) bool { return ps == j.last.pages[ps.page.Source] }

// pageState starts a page's state, taking over from the last build what
// depends on the page alone.
func (j *job) pageState(p *content.Page) *pageState {
	ps := &pageState{page: p}
	if s := j.next.in.sources[p.Source]; s != nil && s.page == p {
		// The file, and where the layout puts it: a folder that becomes a
		// language makes its pages French without a byte of them changing.
		ps.self = digest.Combine(s.sum, digest.String(p.Lang.Tag+"\x00"+string(p.Kind)+"\x00"+p.URL))
	} else {
		ps.self = digest.Of(*p) // made up by the builder: small
	}
	old := j.last.pages[p.Source]
	if old != nil && old.self == ps.self {
		ps.file, ps.link, ps.order, ps.meta, ps.listed, ps.record = old.file, old.link, old.order, old.meta, old.listed, old.record
	} else {
		ps.file = layout.OutputPath(p.URL)
		ps.link = factOf(render.LinkTo(p))
		ps.order = digest.Combine(ps.link.sum, uint64(p.Meta.Weight), uint64(p.Meta.Step))
		ps.meta = digest.Of(p.Meta)
		ps.listed = digest.Of(listedEntry(p))
		if old == nil || old.link.sum != ps.link.sum || old.order != ps.order || old.meta != ps.meta {
			j.newFacts = true // a page came, or shows itself otherwise
		}
	}
	j.next.pages[p.Source] = ps
	return ps
}

// workerURL is where pages find the service worker, unless the build is for
// guide serve.
func (j *job) workerURL() string {
	if j.opt.DevServer {
		return ""
	}
	return "/sw.js"
}

// addFile puts a file in the output.
func (j *job) addFile(name string, data []byte) { j.next.files[name] = data }
