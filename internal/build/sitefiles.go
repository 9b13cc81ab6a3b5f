package build

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/manifest"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/render"
)

// siteFiles makes the files that describe the whole site.
func (b *run) siteFiles() {
	base := b.site.Config.BaseURL
	var entries []render.Entry
	for _, p := range b.pages {
		if p.synthetic() && p.Kind != content.Section && p.Kind != content.Worksheets {
			continue
		}
		entries = append(entries, render.Entry{
			URL: p.URL, Title: p.Meta.Title, Description: p.Meta.Description, Kind: string(p.Kind),
			Date: p.Meta.Date, Updated: p.Meta.Updated, Text: p.text,
		})
	}
	b.add("sitemap.xml", render.Sitemap(base, entries))
	b.add("feed.xml", render.Feed(b.view, entries))
	b.add("search.json", render.SearchIndex(entries))
	b.files["robots.txt"] = render.Robots(base)

	for _, p := range b.pages {
		for _, a := range p.Meta.Aliases {
			b.redirects = append(b.redirects, render.Redirect{From: a, To: p.URL})
		}
		if p.Kind == content.Worksheet && p.Meta.Short != "" {
			b.redirects = append(b.redirects, render.Redirect{From: "/w/" + p.Meta.Short, To: p.URL})
		}
	}
	b.files["_redirects"] = render.Redirects(b.redirects)

	if b.templates != nil {
		notFound := &page{Page: &content.Page{Source: "templates/404.html", Kind: "404", URL: "/404.html",
			Meta: content.Meta{Title: "Page not found", Description: "There is no page at this address."}}}
		notFound.parse(nil)
		b.draw(notFound)
		b.collect([]*page{notFound})
	}
}

// add minifies a text file into the output.
func (b *run) add(name string, data []byte) {
	if small, err := minifier.Bytes(b.min, minifier.TypeOf(name), data); err == nil {
		data = small
	}
	b.files[name] = data
}

// checkOutput checks the finished site: every internal link leads to a file
// and id, and every URL published before is still answered.
func (b *run) checkOutput() {
	redirects := map[string]bool{}
	for _, r := range b.redirects {
		redirects[r.From] = true
	}
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if set, ok := ids[file]; ok {
			return set
		}
		_, list := linkcheck.Attrs(b.files[file])
		set := map[string]bool{}
		for _, id := range list {
			set[id] = true
		}
		ids[file] = set
		return set
	}

	// Links the author wrote as site URLs: reported at their place in the markdown.
	reported := map[string]bool{}
	for _, p := range b.pages {
		for dest := range p.broken {
			reported[outputPath(p.URL)+" "+dest] = true
		}
		for _, r := range p.siteRefs {
			file, ok := b.files.Lookup(r.target)
			switch {
			case redirects[r.target] || redirects[strings.TrimSuffix(r.target, "/")]:
			case !ok:
				b.problems.Add(p.Source, r.line, r.col, "link to %s, but the site has no page or file there: link to the page's .md file instead", r.dest)
				reported[outputPath(p.URL)+" "+r.dest] = true
			case r.fragment != "" && strings.HasSuffix(file, ".html") && !idsOf(file)[r.fragment]:
				b.problems.Add(p.Source, r.line, r.col, "link to %s, but that page has no id %q", r.dest, r.fragment)
				reported[outputPath(p.URL)+" "+r.dest] = true
			}
		}
	}

	// Everything else, templates' links included.
	sources := b.sources()
	// A broken link in a template or the menu is on every page: say it once.
	var order []string
	pagesWith := map[string][]string{}
	reasons := map[string]string{}
	for _, bad := range linkcheck.Check(b.files, redirects) {
		if reported[bad.File+" "+bad.Target] {
			continue
		}
		src := sources[bad.File]
		if src == "" {
			src = bad.File
		}
		if pagesWith[bad.Target] == nil {
			order = append(order, bad.Target)
		}
		pagesWith[bad.Target] = append(pagesWith[bad.Target], src)
		reasons[bad.Target] = bad.Reason
	}
	for _, target := range order {
		srcs := pagesWith[target]
		others := ""
		if len(srcs) > 1 {
			others = fmt.Sprintf(" (and %d other pages: the link is in templates/ or the menu of site.yaml)", len(srcs)-1)
		}
		b.problems.Add(srcs[0], 1, 1, "the page links to %s, which leads nowhere: %s%s", target, reasons[target], others)
	}

	b.checkManifest(redirects)
}

// checkManifest fails the build when a URL published before is gone, and
// prepares the manifest with this build's URLs added.
func (b *run) checkManifest(redirects map[string]bool) {
	old, err := fs.ReadFile(b.fsys, manifest.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		b.problems.Add(manifest.Path, 0, 0, "cannot read: %v", err)
		return
	}
	manifest.Check(manifest.Parse(old), func(u string) bool {
		_, page := b.files.Lookup(u)
		return page || redirects[u] || redirects[strings.TrimSuffix(u, "/")]
	}, &b.problems)
	if b.opt.Drafts {
		return // drafts are never published, so never promised
	}
	var current []string
	for _, p := range b.pages {
		current = append(current, p.URL)
	}
	for _, r := range b.redirects {
		if strings.HasPrefix(r.From, "/w/") {
			current = append(current, r.From)
		}
	}
	b.manifest, _ = manifest.Update(old, current)
}
