package build

import (
	"io/fs"
	"sort"
	"sync/atomic"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/output"
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

	next     *state // being made
	pages    []*pageState
	problems diag.List
	drawn    atomic.Int64
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
//     search index, service worker;
//  7. check every internal link of the output, and that no published URL
//     is gone.
func (j *job) run() (*state, Result) {
	j.readInputs()
	j.assemble()
	j.makePages()
	j.checkAnchors()
	j.makeBuilderPages()
	j.collect()
	j.makeSiteFiles()
	j.checkOutput()
	return j.next, j.result()
}

// assemble checks the pages against each other and makes what every page
// is drawn from.
func (j *job) assemble() {
	in := j.next.in
	for _, d := range []diag.List{in.configDiag, in.scanDiag, in.assetDiag, in.tmplDiag, in.resDiag} {
		j.problems.Append(d)
	}
	names := make([]string, 0, len(in.sources))
	for name := range in.sources {
		names = append(names, name)
	}
	sort.Strings(names)
	var pages []*content.Page
	var unreadable []string
	for _, name := range names {
		s := in.sources[name]
		j.problems.Append(s.problems)
		if s.page != nil {
			pages = append(pages, s.page)
		} else {
			unreadable = append(unreadable, name)
		}
	}
	config := in.config
	config.BaseURL = j.baseURL(config)
	site := content.Assemble(config, pages, unreadable, content.Options{Drafts: j.opt.Drafts}, &j.problems)
	j.next.site = site
	worksheets := 0
	for _, p := range site.Pages {
		if p.Kind == content.Worksheet {
			worksheets++
		}
	}
	j.next.siteView = render.NewSiteView(site.Config, site.Path, worksheets, j.workerURL())
	j.next.siteSum = digest.Of(j.next.siteView)
	j.pages = make([]*pageState, len(site.Pages))
	for i, p := range site.Pages {
		j.pages[i] = j.pageState(p)
	}
	j.next.facts = j.makeFacts()
}

// pageState starts a page's state, taking over from the last build what
// depends on the page alone.
func (j *job) pageState(p *content.Page) *pageState {
	ps := &pageState{page: p}
	if s := j.next.in.sources[p.Source]; s != nil && s.page == p {
		ps.self = s.sum
	} else {
		ps.self = digest.Of(*p) // made up by the builder: small
	}
	if old := j.last.pages[p.Source]; old != nil && old.self == ps.self {
		ps.link, ps.listed, ps.record = old.link, old.listed, old.record
	} else {
		ps.link = factOf(render.LinkTo(p))
		ps.listed = digest.Of(listedEntry(p))
		if p.Made {
			ps.record = render.SearchRecord(entryOf(p, "")) // a page of content/ has its body's
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

// outputPath is the file a page URL is served from.
func outputPath(url string) string {
	if url == "" || url[len(url)-1] != '/' {
		return url[1:] // "/404.html"
	}
	return url[1:] + "index.html"
}

// addFile puts a file in the output.
func (j *job) addFile(name string, data []byte) {
	if j.next.files == nil {
		j.next.files = output.Files{}
	}
	j.next.files[name] = data
}
