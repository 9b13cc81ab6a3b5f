package build

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/manifest"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// makeSiteFiles makes the files that describe the whole site. All but the
// search index depend only on what pages show of each other, so they are
// made again only when that changed.
func (b *run) makeSiteFiles() {
	if b.navChanged || b.siteFiles == nil {
		b.siteFiles = map[string][]byte{}
		b.siteDiag = nil
		b.makeListings()
	}
	for name, data := range b.siteFiles {
		b.files[name] = data
	}
	b.problems.Append(b.siteDiag)

	b.makeSearchIndex()
}

// makeSearchIndex publishes the search index in parts, making again only the
// parts in which a page's record changed.
func (b *run) makeSearchIndex() {
	records := make([][]byte, 0, len(b.pages))
	for _, p := range b.pages {
		if !p.listed() {
			continue
		}
		if p.search == nil {
			p.search = render.SearchRecord(p.searchEntry())
		}
		records = append(records, p.search)
	}
	n := (len(records) + render.SearchPartSize - 1) / render.SearchPartSize
	b.files["search.json"] = render.SearchParts(n)
	parts := make([]searchPart, n)
	for i := range parts {
		chunk := records[i*render.SearchPartSize : min((i+1)*render.SearchPartSize, len(records))]
		if i < len(b.searchParts) && sameRecords(b.searchParts[i].records, chunk) {
			parts[i] = b.searchParts[i]
		} else {
			parts[i] = searchPart{records: chunk, data: render.SearchIndex(chunk)}
		}
		b.files[strings.TrimPrefix(render.SearchPartURL(i), "/")] = parts[i].data
	}
	b.searchParts = parts
}

// searchPart is one published part of the search index and the records it
// was made of.
type searchPart struct {
	records [][]byte
	data    []byte
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

// listed reports whether a page appears in the sitemap, feed and search:
// every page but the section indexes the builder made up.
func (p *page) listed() bool {
	return !p.synthetic() || p.Kind == content.Section || p.Kind == content.Worksheets
}

func (p *page) searchEntry() render.Entry {
	return render.Entry{
		URL: p.URL, Title: p.Meta.Title, Description: p.Meta.Description, Kind: string(p.Kind),
		Date: p.Meta.Date, Updated: p.Meta.Updated, Text: p.text,
	}
}

func (b *run) makeListings() {
	base := b.site.Config.BaseURL
	var entries []render.Entry
	for _, p := range b.pages {
		if p.listed() {
			entries = append(entries, p.searchEntry())
		}
	}
	b.addSiteFile("sitemap.xml", render.Sitemap(base, entries))
	b.addSiteFile("feed.xml", render.Feed(b.view, entries))
	b.siteFiles["robots.txt"] = render.Robots(base)

	b.redirects = nil
	for _, p := range b.pages {
		for i, a := range p.Meta.Aliases {
			b.redirects = append(b.redirects, render.Redirect{From: a, To: p.URL})
			if file, shadowed := b.fileAt(a); shadowed {
				line, col := p.Meta.AliasPosition(i)
				b.siteDiag.Add(p.Source, line, col, "alias %s is the address of the file %s: Netlify serves the file there, never the redirect; remove the alias", a, file)
			}
		}
		if p.Kind == content.Worksheet && p.Meta.Short != "" {
			b.redirects = append(b.redirects, render.Redirect{From: "/w/" + p.Meta.Short, To: p.URL})
		}
	}
	b.siteFiles["_redirects"] = render.Redirects(b.redirects)

	if b.templates != nil {
		notFound := &page{Page: &content.Page{Source: "templates/404.html", Kind: "404", URL: "/404.html", Made: true,
			Meta: content.Meta{Title: "Page not found", Description: "There is no page at this address."}}}
		notFound.prepare(b, nil)
		b.draw(notFound)
		if notFound.html != nil {
			b.siteFiles["404.html"] = notFound.html
		} else {
			b.siteDiag = render.WhileDrawing(map[diag.Diagnostic][]string{notFound.drawErr: {notFound.Source}})
		}
	}
}

// fileAt finds the file of the site, other than a page (an alias to a
// page's address is reported as such), that answers a URL.
func (b *run) fileAt(url string) (string, bool) {
	if file, ok := b.files.Lookup(url); ok {
		_, page := b.outputSources()[file]
		return file, !page
	}
	return output.Files(b.siteFiles).Lookup(url)
}

// addSiteFile minifies a site-wide file.
func (b *run) addSiteFile(name string, data []byte) {
	if small, err := minifier.Bytes(b.min, minifier.TypeOf(name), data); err == nil {
		data = small
	}
	b.siteFiles[name] = data
}

// checkOutput checks the finished site: every internal link leads to a file
// and id, and every URL published before is still answered.
func (b *run) checkOutput() {
	redirects := map[string]bool{}
	for _, r := range b.redirects {
		redirects[r.From] = true
	}
	b.updateLinkIndex(redirects)

	// Links the author wrote as site URLs: reported at their place in the markdown.
	reported := b.reported
	for _, p := range b.pages {
		for dest := range p.broken {
			reported[reportKey(outputPath(p.URL), dest)] = true
		}
		for _, r := range p.siteRefs {
			file, ok := b.files.Lookup(r.target)
			switch {
			case linkcheck.Redirected(redirects, r.target):
			case !ok:
				b.problems.Add(p.Source, r.line, r.col, "link to %s, but the site has no page or file there: link to the page's .md file instead", r.dest)
				reported[reportKey(outputPath(p.URL), r.dest)] = true
			case r.fragment != "" && !b.links.HasID(file, r.fragment):
				b.problems.Add(p.Source, r.line, r.col, "link to %s, but that page has no id %q", r.dest, r.fragment)
				reported[reportKey(outputPath(p.URL), r.dest)] = true
			}
		}
	}

	// Everything else, templates' links included. A broken link in a
	// template or the menu is on every page: say it once.
	sources := b.outputSources()
	var order []string
	pagesWith := map[string][]string{}
	reasons := map[string]string{}
	pagesFailed := b.problems.HasErrors()
	for _, bad := range b.links.Broken() {
		if reported[reportKey(bad.File, bad.Target)] {
			continue
		}
		if bad.File == printFile && pagesFailed {
			continue // /print/ holds the articles' links: each is reported at its article
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
		if line, col, ok := b.site.Config.LinkPosition(unescape(target)); ok {
			b.problems.Add(content.ConfigPath, line, col, "%s leads nowhere: %s; link to a page of the site", target, reasons[target])
			continue
		}
		others := ""
		if len(srcs) > 1 {
			others = fmt.Sprintf(" (and %d other pages: the link is in templates/ or the menu of site.yaml)", len(srcs)-1)
		}
		b.problems.Add(srcs[0], 1, 1, "the page links to %s, which leads nowhere: %s%s", target, reasons[target], others)
	}

	b.checkManifest(redirects)
}

// reportKey names a link of an output file that was reported already, at
// its place in the markdown, so the check of the output does not report it
// again: the same link whether written with %-codes or not.
func reportKey(file, target string) string { return file + " " + unescape(target) }

// unescape undoes the %-codes of a link, so links compare as authors wrote them.
func unescape(link string) string {
	if plain, err := url.PathUnescape(link); err == nil {
		return plain
	}
	return link
}

// updateLinkIndex brings the link index up to date with the output: every
// HTML file after a change that touches every page, otherwise only the
// pages drawn in this build (and the pages linking into them).
func (b *run) updateLinkIndex(redirects map[string]bool) {
	full := b.drawAll || !b.linksFresh
	if !full && b.navChanged {
		full = b.addressKey() != b.addresses // pages came, went or moved?
	}
	var changed []string
	if full {
		b.addresses = b.addressKey()
		// Files came or went: every link may now lead somewhere else.
		b.links = linkcheck.NewIndex()
		pages := map[string]bool{}
		for _, p := range b.pages {
			pages[outputPath(p.URL)] = true
			b.links.Put(p.links)
			changed = append(changed, outputPath(p.URL))
		}
		for name, data := range b.files {
			if strings.HasSuffix(name, ".html") && !pages[name] {
				b.links.Update(name, data) // 404.html, and HTML files of static/
				changed = append(changed, name)
			}
		}
	} else {
		// The same files at the same addresses: only the pages drawn again
		// (and pages linking to their ids) need checking.
		for _, p := range b.pages {
			if p.fresh {
				b.links.Put(p.links)
				changed = append(changed, outputPath(p.URL))
			}
		}
		if b.navChanged {
			b.links.Update("404.html", b.files["404.html"]) // drawn again with the lists
			changed = append(changed, "404.html")
		}
		if b.printDrawn {
			b.links.Update(printFile, b.files[printFile])
			changed = append(changed, printFile)
		}
	}
	b.links.Recheck(b.files, changed, redirects)
	b.linksFresh = true
}

// addressKey hashes the addresses the site answers: every output file and
// every redirect. While it holds, a link that led somewhere still does.
func (b *run) addressKey() uint64 {
	k := newKeyWriter()
	for _, name := range b.files.Paths() {
		k.str(name)
	}
	for _, r := range b.redirects {
		k.str(r.From, r.To)
	}
	return k.h.Sum64()
}

// checkManifest fails the build when a URL published before is gone, and
// prepares the manifest with this build's URLs added.
func (b *run) checkManifest(redirects map[string]bool) {
	if b.navChanged || b.what.manifest || !b.Builder.manifest.checked {
		b.Builder.manifest.problems = nil
		b.Builder.manifest.updated = b.readManifest(redirects, &b.Builder.manifest.problems)
		b.Builder.manifest.checked = true
	}
	b.problems.Append(b.Builder.manifest.problems)
	b.manifest = b.Builder.manifest.updated
}

// readManifest checks content/urls.txt against the site's pages and
// redirects, which stay the same as long as no page is added, removed or
// moved, and returns it with the new URLs added.
func (b *run) readManifest(redirects map[string]bool, problems *diag.List) []byte {
	old, err := fs.ReadFile(b.fsys, manifest.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Add(manifest.Path, 0, 0, "cannot read: %v", err)
		return nil
	}
	manifest.Check(manifest.Parse(old), func(u string) bool {
		_, page := b.files.Lookup(u)
		return page || linkcheck.Redirected(redirects, u)
	}, problems)
	if b.opt.Drafts {
		return nil // drafts are never published, so never promised
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
	if _, ok := b.files[printFile]; ok {
		current = append(current, printURL)
	}
	updated, _ := manifest.Update(old, current)
	return updated
}
