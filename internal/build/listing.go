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
	byPage    map[string]listedPage // by source
	// authorsRobots: robots.txt is the author's, with the sitemap added.
	authorsRobots bool
}

// listedPage is what the listing says of one page, and the digest of what
// that was made from.
type listedPage struct {
	made uint64
	xml  draw.Listed
}

// listedOf is what the listing of a build said of a page.
func (w *written) listedOf(src string) (listedPage, bool) {
	if w.listing == nil {
		return listedPage{}, false
	}
	lp, ok := w.listing.byPage[src]
	return lp, ok
}

// listed reports whether a page appears in the sitemap, feed and search:
// every page of content/, and the section lists the builder made up.
func listed(p *content.Page) bool {
	return !p.Made || p.Kind == content.Section || p.Kind == content.Worksheets
}

// makeListing makes the listing again if what it is made from changed.
func (w *writeStage) makeListing() *listing {
	robots := w.authorsRobots()
	sums := []uint64{w.site.siteSum, digest.Of(assetNames(w.in)), digest.Bytes(robots)}
	for _, ps := range w.site.order {
		if listed(ps.page) {
			sums = append(sums, ps.listed)
		}
	}
	sum := digest.Combine(sums...)
	if old := w.last.listing; old != nil && old.sum == sum {
		return old
	}
	l := &listing{sum: sum, files: output.Files{}, byPage: map[string]listedPage{}, authorsRobots: robots != nil}
	site := w.site.site
	base := site.Config.BaseURL
	var all []draw.Listed
	byLang := map[string][]draw.Listed{}
	for _, ps := range w.site.order {
		if !listed(ps.page) {
			continue
		}
		versions := w.versions(ps.page)
		made := digest.Combine(ps.listed, digest.String(base))
		if versions != nil {
			made = digest.Combine(made, digest.Of(versions))
		}
		lp, ok := w.last.listedOf(ps.page.Source)
		if !ok || lp.made != made {
			e := entryOf(ps.page, "")
			e.Alternates = versions
			lp = listedPage{made, draw.ListedOf(base, e)}
		}
		l.byPage[ps.page.Source] = lp
		all = append(all, lp.xml)
		byLang[ps.page.Lang.Code] = append(byLang[ps.page.Lang.Code], lp.xml)
	}
	l.what = map[string]string{layout.OutputPath(layout.Sitemap): "the sitemap", "robots.txt": "robots.txt", "_redirects": "the redirects of aliases and short links"}
	l.files[layout.OutputPath(layout.Sitemap)] = draw.Sitemap(all, len(site.Langs) > 1)
	for _, lang := range site.Langs {
		name := layout.OutputPath(lang.Feed())
		l.files[name], l.what[name] = draw.Feed(w.site.siteViews[lang.Code], byLang[lang.Code]), "the feed"
	}
	l.files["robots.txt"] = draw.Robots(base, robots)
	l.redirects = w.redirects(l)
	l.files["_redirects"] = draw.Redirects(l.redirects, site.Langs)
	return l
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
