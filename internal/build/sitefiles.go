package build

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// listing is the sitemap, feed, robots.txt and _redirects, made from what
// they say of each listed page (pageState.listed), the site's settings and
// the files they could shadow.
type listing struct {
	sum       uint64
	files     output.Files
	what      map[string]string // what each file is, for checkOwners
	redirects []render.Redirect
	problems  diag.List
	byPage    map[string]listedPage // by source
	// authorsRobots: robots.txt is the author's, with the sitemap added.
	authorsRobots bool
}

// listedPage is what the listing says of one page, and the digest of what
// that was made from.
type listedPage struct {
	made uint64
	xml  render.Listed
}

// listingOf is what the state's listing said of a page.
func (s *state) listingOf(src string) (listedPage, bool) {
	if s.listing == nil {
		return listedPage{}, false
	}
	lp, ok := s.listing.byPage[src]
	return lp, ok
}

// makeSiteFiles makes the files that describe the whole site, and adds the
// files beside the pages and in static/.
func (j *job) makeSiteFiles() {
	in := j.next.in
	j.made = map[string]string{}
	// Where two claim a path (an error: checkOwners), pages keep it over
	// files beside them, and those over static files, so that what is
	// checked is the site without the file that came second.
	for _, files := range []map[string][]byte{in.resources, in.assets.Files} {
		for name, data := range files {
			if _, taken := j.next.files[name]; !taken {
				j.addFile(name, data)
			}
		}
	}
	j.next.listing = j.makeListing()
	for name, data := range j.next.listing.files {
		if what := j.next.listing.what[name]; what != "" && !(name == "robots.txt" && j.next.listing.authorsRobots) {
			j.addMade(name, what, data)
		} else {
			j.addFile(name, data)
		}
	}
	j.problems.Append(j.next.listing.problems)
	j.makeSearchIndex()
	j.makeOfflineFiles()
}

// addMade puts a file the builder makes in the output, and notes it as
// the builder's, for checkOwners.
func (j *job) addMade(name, what string, data []byte) {
	j.made[name] = what
	j.addFile(name, data)
}

// listed reports whether a page appears in the sitemap, feed and search:
// every page of content/, and the section lists the builder made up.
func listed(p *content.Page) bool {
	return !p.Made || p.Kind == content.Section || p.Kind == content.Worksheets
}

// makeListing makes the listing again if what it is made from changed.
func (j *job) makeListing() *listing {
	robots := j.authorsRobots()
	sums := []uint64{j.next.siteSum, digest.Of(assetNames(j.next.in)), digest.Bytes(robots)}
	for _, ps := range j.pages {
		if listed(ps.page) {
			sums = append(sums, ps.listed)
		}
	}
	sum := digest.Combine(sums...)
	if old := j.last.listing; old != nil && old.sum == sum {
		return old
	}
	l := &listing{sum: sum, files: output.Files{}, byPage: map[string]listedPage{}, authorsRobots: robots != nil}
	site := j.next.site
	base := site.Config.BaseURL
	var all []render.Listed
	byLang := map[string][]render.Listed{}
	for _, ps := range j.pages {
		if !listed(ps.page) {
			continue
		}
		versions := j.versions(ps.page)
		made := digest.Combine(ps.listed, digest.String(base), digest.Of(versions))
		lp, ok := j.last.listingOf(ps.page.Source)
		if !ok || lp.made != made {
			e := entryOf(ps.page, "")
			e.Alternates = versions
			lp = listedPage{made, render.ListedOf(base, e)}
		}
		l.byPage[ps.page.Source] = lp
		all = append(all, lp.xml)
		byLang[ps.page.Lang.Code] = append(byLang[ps.page.Lang.Code], lp.xml)
	}
	l.what = map[string]string{"sitemap.xml": "the sitemap", "robots.txt": "robots.txt", "_redirects": "the redirects of aliases and short links"}
	l.files[layout.OutputPath(layout.Sitemap)] = render.Sitemap(all, len(site.Langs) > 1)
	for _, lang := range site.Langs {
		name := layout.OutputPath(lang.Feed())
		l.files[name], l.what[name] = render.Feed(j.next.siteViews[lang.Code], byLang[lang.Code]), "the feed"
	}
	l.files["robots.txt"] = render.Robots(base, robots)
	l.redirects = j.redirects(l)
	l.files["_redirects"] = render.Redirects(l.redirects, site.Langs)
	return l
}

// versions are a page's versions in each language, for the sitemap: itself
// and each translation, and x-default, the default language's version, if
// it has one. A one-language site has none.
func (j *job) versions(p *content.Page) []render.Hreflang {
	site := j.next.site
	if len(site.Langs) < 2 {
		return nil
	}
	var out []render.Hreflang
	for _, lang := range site.Langs {
		if other := site.BySource[layout.Pair(p.Lang, lang, p.Source)]; other != nil && listed(other) {
			out = append(out, render.Hreflang{Lang: lang.Tag, URL: other.URL})
		}
	}
	if len(out) > 1 && out[0].Lang == site.Langs[0].Tag {
		out = append(out, render.Hreflang{Lang: "x-default", URL: out[0].URL})
	}
	return out
}

// authorsRobots is the author's own robots.txt, of content/ or static/,
// or nil: the builder publishes it, adding the sitemap's address.
func (j *job) authorsRobots() []byte {
	in := j.next.in
	if data, ok := in.resources["robots.txt"]; ok {
		return data
	}
	return in.assets.Files["robots.txt"]
}

// assetNames are the names of the files of static/ and beside the pages,
// which an alias must not be.
func assetNames(in *inputs) []string {
	var names []string
	for name := range in.assets.Files {
		names = append(names, name)
	}
	for name := range in.resources {
		names = append(names, name)
	}
	return names
}

// redirects are the site's aliases and short links. An alias that names a
// file of the site would never lead anywhere: Netlify serves the file.
func (j *job) redirects(l *listing) []render.Redirect {
	files := output.Files{}
	for _, name := range assetNames(j.next.in) {
		files[name] = nil
	}
	for name := range l.files {
		files[name] = nil
	}
	var out []render.Redirect
	for _, ps := range j.pages {
		p := ps.page
		for i, a := range p.Meta.Aliases {
			out = append(out, render.Redirect{From: a, To: p.URL})
			if file, shadowed := files.Lookup(a); shadowed {
				line, col := p.Meta.AliasPosition(i)
				l.problems.Add(p.Source, line, col, "alias %s is the address of the file %s: Netlify serves the file there, never the redirect; remove the alias", a, file)
			}
		}
		if p.Kind == content.Worksheet && p.Meta.Short != "" {
			out = append(out, render.Redirect{From: layout.Short(p.Meta.Short), To: p.URL})
		}
	}
	return out
}

// searchPart is one published part of the search index and the records it
// was made of.
type searchPart struct {
	records [][]byte
	data    []byte
}

// makeSearchIndex publishes each language's search index in parts, making
// again only the parts in which a page's record changed: each language
// searches its own pages.
func (j *job) makeSearchIndex() {
	records := map[string][][]byte{}
	for _, ps := range j.pages {
		if listed(ps.page) {
			records[ps.page.Lang.Code] = append(records[ps.page.Lang.Code], ps.record)
		}
	}
	j.next.search = map[string][]searchPart{}
	for _, lang := range j.next.site.Langs {
		j.next.search[lang.Code] = j.searchParts(lang, records[lang.Code])
	}
}

// searchParts publishes one language's search index.
func (j *job) searchParts(lang layout.Lang, records [][]byte) []searchPart {
	last := j.last.search[lang.Code]
	n := (len(records) + render.SearchPartSize - 1) / render.SearchPartSize
	j.addMade(layout.OutputPath(lang.SearchList()), "the search index", render.SearchParts(lang, n))
	parts := make([]searchPart, n)
	for i := range parts {
		chunk := records[i*render.SearchPartSize : min((i+1)*render.SearchPartSize, len(records))]
		if i < len(last) && sameRecords(last[i].records, chunk) {
			parts[i] = last[i]
		} else {
			parts[i] = searchPart{records: chunk, data: render.SearchIndex(chunk)}
		}
		j.addMade(layout.OutputPath(lang.SearchPart(i)), "the search index", parts[i].data)
	}
	return parts
}

// sameRecords reports whether two lists hold the very same records: a
// record is made again whenever its page changes, so identity is enough.
func sameRecords(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if &a[i][0] != &b[i][0] {
			return false
		}
	}
	return true
}

// makeOfflineFiles adds the web app manifest and the service worker, made
// from the finished output, so it runs after every other file is made. The
// worker keeps what a reader needs without a connection: the home page,
// lists, articles, worksheets and the pages at the top of the site (about,
// safety...).
func (j *job) makeOfflineFiles() {
	c := j.next.site.Config
	j.addMade(offline.ManifestPath, "the web app manifest", offline.Manifest(offline.App{Name: c.Title, Description: c.Description, Language: c.Language}, j.next.files))
	if j.opt.DevServer {
		j.addMade(offline.WorkerPath, "the service worker", offline.Retired())
		return
	}
	var pages []string
	for _, ps := range j.pages {
		switch p := ps.page; p.Kind {
		case content.Home, content.Section, content.Worksheets, content.Article, content.Worksheet:
			pages = append(pages, p.URL)
		case content.Plain:
			if p.Section == "" {
				pages = append(pages, p.URL)
			}
		}
	}
	worker, sums := offline.Worker(j.next.files, pages, j.last.sums)
	j.addMade(offline.WorkerPath, "the service worker", worker)
	j.next.sums = sums
}
