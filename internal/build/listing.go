package build

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/output"
)

// listing is the sitemap, feed, robots.txt and _redirects, made from what
// they say of each listed page (shown.listed), the site's settings and
// the files they could shadow.
type listing struct {
	sum       uint64
	files     output.Files
	what      map[string]string // what each file is, for checkOwners
	redirects []draw.Redirect
	problems  diag.List
	pages     listedPages
	// authorsRobots: robots.txt is the author's, with the sitemap added.
	authorsRobots bool
}

// listedPages are what the listing says of each listed page, in the
// site's order, and the digest of what each was made from: three slices
// by the same index, so the sitemap lists xml as it is.
type listedPages struct {
	sources []string
	made    []uint64
	xml     []draw.Listed
}

// lastListed finds the pages of the last build's listing.
type lastListed struct {
	*listedPages
	at map[string]int // index by source, made when a page is not at its own
}

// find returns the index of a page in the last listing, looking first at
// i, where it is while the site keeps its order.
func (l *lastListed) find(i int, src string) (int, bool) {
	if l.listedPages == nil {
		return 0, false
	}
	if i < len(l.sources) && l.sources[i] == src {
		return i, true
	}
	if l.at == nil {
		l.at = make(map[string]int, len(l.sources))
		for k, s := range l.sources {
			l.at[s] = k
		}
	}
	k, ok := l.at[src]
	return k, ok
}

// listed reports whether a page appears in the sitemap, feed and search:
// every page of content/, and the section lists the builder made up.
func listed(p *content.Page) bool {
	return !p.Made || p.Kind == content.Section || p.Kind == content.Worksheets
}

// makeListing makes the listing again if what it is made from changed.
func (w *writeStage) makeListing() *listing {
	robots := w.authorsRobots()
	sums := make([]uint64, 3, len(w.site.order)+3)
	sums[0], sums[1], sums[2] = w.site.siteSum, digest.Of(assetNames(w.in)), digest.Bytes(robots)
	for _, ps := range w.site.order {
		if listed(ps.page) {
			sums = append(sums, ps.listed)
		}
	}
	sum := digest.Combine(sums...)
	if old := w.last.listing; old != nil && old.sum == sum {
		return old
	}
	l := &listing{sum: sum, files: output.Files{}, authorsRobots: robots != nil}
	l.pages = w.listPages(len(sums) - 3)
	site := w.site.site
	l.what = map[string]string{layout.OutputPath(layout.Sitemap): "the sitemap", "robots.txt": "robots.txt", "_redirects": "the redirects of aliases and short links"}
	l.files[layout.OutputPath(layout.Sitemap)] = draw.Sitemap(l.pages.xml, len(site.Langs) > 1)
	for _, lang := range site.Langs {
		name := layout.OutputPath(lang.Feed())
		l.files[name], l.what[name] = draw.Feed(w.site.siteViews[lang.Code], w.listedIn(l.pages, lang.Code)), "the feed"
	}
	l.files["robots.txt"] = draw.Robots(site.Config.BaseURL, robots)
	l.redirects = w.redirects(l)
	l.files["_redirects"] = draw.Redirects(l.redirects, site.Langs)
	return l
}

// listPages makes what the listing says of each of the n listed pages,
// taking over the last listing's for each page made from the same.
func (w *writeStage) listPages(n int) listedPages {
	base := w.site.site.Config.BaseURL
	baseSum := digest.String(base)
	last := lastListed{}
	if w.last.listing != nil {
		last.listedPages = &w.last.listing.pages
	}
	out := listedPages{sources: make([]string, 0, n), made: make([]uint64, 0, n), xml: make([]draw.Listed, 0, n)}
	for _, ps := range w.site.order {
		if !listed(ps.page) {
			continue
		}
		versions := w.versions(ps.page)
		made := digest.Combine(ps.listed, baseSum)
		if versions != nil {
			made = digest.Combine(made, digest.Of(versions))
		}
		var xml draw.Listed
		if k, ok := last.find(len(out.sources), ps.page.Source); ok && last.made[k] == made {
			xml = last.xml[k]
		} else {
			e := entryOf(ps.page, "")
			e.Alternates = versions
			xml = draw.ListedOf(base, e)
		}
		out.sources, out.made, out.xml = append(out.sources, ps.page.Source), append(out.made, made), append(out.xml, xml)
	}
	return out
}

// listedIn is what the listing says of the pages of one language: all of
// them on a site of one language.
func (w *writeStage) listedIn(pages listedPages, lang string) []draw.Listed {
	if len(w.site.site.Langs) < 2 {
		return pages.xml
	}
	var out []draw.Listed
	i := 0 // the index in pages: they are the listed ones of the order
	for _, ps := range w.site.order {
		if listed(ps.page) {
			if ps.page.Lang.Code == lang {
				out = append(out, pages.xml[i])
			}
			i++
		}
	}
	return out
}

// versions are a page's versions in each language, for the sitemap: itself
// and each translation, and x-default, the default language's version, if
// it has one. A one-language site has none.
func (w *writeStage) versions(p *content.Page) []draw.Hreflang {
	site := w.site.site
	if len(site.Langs) < 2 {
		return nil
	}
	var out []draw.Hreflang
	for _, lang := range site.Langs {
		if other := site.BySource[layout.Pair(p.Lang, lang, p.Source)]; other != nil && listed(other) {
			out = append(out, draw.Hreflang{Lang: lang.Tag, URL: other.URL})
		}
	}
	if len(out) > 1 && out[0].Lang == site.Langs[0].Tag {
		out = append(out, draw.Hreflang{Lang: "x-default", URL: out[0].URL})
	}
	return out
}

// authorsRobots is the author's own robots.txt, of content/ or static/,
// or nil: the builder publishes it, adding the sitemap's address.
func (w *writeStage) authorsRobots() []byte {
	in := w.in
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
func (w *writeStage) redirects(l *listing) []draw.Redirect {
	files := output.Files{}
	for _, name := range assetNames(w.in) {
		files[name] = nil
	}
	for name := range l.files {
		files[name] = nil
	}
	var out []draw.Redirect
	for _, ps := range w.site.order {
		p := ps.page
		for i, a := range p.Meta.Aliases {
			out = append(out, draw.Redirect{From: a, To: p.URL})
			if file, shadowed := files.Lookup(a); shadowed {
				line, col := p.Meta.AliasPosition(i)
				l.problems.Add(p.Source, line, col, "alias %s is the address of the file %s: Netlify serves the file there, never the redirect; remove the alias", a, file)
			}
		}
		if p.Kind == content.Worksheet && p.Meta.Short != "" {
			out = append(out, draw.Redirect{From: layout.Short(p.Meta.Short), To: p.URL})
		}
	}
	return out
}
