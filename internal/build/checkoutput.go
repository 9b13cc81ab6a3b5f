package build

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/published"
)

// checkOutput checks the finished site: every internal link leads to a
// file and id, and every URL published before is still answered. A build
// that could not read a page or its settings, or draw a page, is not
// checked: every link to what is missing would be reported too.
func (c *checkStage) checkOutput() {
	if c.drawingFailed() || len(c.site.site.Unreadable) > 0 || c.in.partDiag[settingsPart].HasErrors() {
		return
	}
	redirects := map[string]bool{}
	for _, r := range c.out.listing.redirects {
		redirects[r.From] = true
	}
	old := c.last.output
	oc := &outputCheck{addresses: c.addresses(), pages: c.pages}
	// Files came, went or moved: every link may now lead somewhere else.
	fresh := old == nil || old.addresses != oc.addresses || c.plan.assets || c.plan.scan
	oc.links = c.updateLinks(old, fresh, redirects)
	known := c.checkWritten(oc.links, redirects)
	report := linkcheck.Reporter{
		Known:   func(file, target string) bool { return known[reportKey(file, target)] },
		Source:  func(file string) string { return c.out.sources[file] },
		Written: c.writtenAt,
	}
	pagesFailed := c.failedSoFar()
	var broken []linkcheck.Broken
	for _, b := range oc.links.Broken() {
		if !c.isPrintFile(b.File) || !pagesFailed { // /print/ holds the articles' links: each is reported at its article
			broken = append(broken, b)
		}
	}
	c.next.problems.Append(report.Report(broken))
	c.guard(oc, old, fresh, redirects)
	c.next.output = oc
}

// outputCheck is what the check of a build's output found, kept while the
// output's links and addresses stay the same.
type outputCheck struct {
	links     *linkcheck.Index
	pages     *drawing // the pages whose links it holds
	addresses uint64
	guard     diag.List // published URLs now gone
	drafts    uint64    // digest of the drafts the guard was made with
	manifest  []byte    // content/urls.txt with the new URLs, or nil
	urls      []byte    // content/urls.txt as read
}

// drawingFailed reports whether a page could not be drawn.
func (c *checkStage) drawingFailed() bool {
	if c.in.templates == nil {
		return true
	}
	for _, ps := range c.pages.all {
		if ps.drawn == nil {
			return true
		}
	}
	return false
}

// updateLinks brings the link index up to date with the output: every HTML
// file when addresses changed, otherwise only the pages drawn in this build
// (and the files linking into them).
func (c *checkStage) updateLinks(old *outputCheck, fresh bool, redirects map[string]bool) *linkcheck.Index {
	var ix *linkcheck.Index
	var changed []string
	if fresh {
		ix = linkcheck.NewIndex()
		for name, data := range c.out.files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			if ps := c.pages.pages[c.out.sources[name]]; ps != nil && ps.file == name {
				ix.Put(ps.drawn.links) // scanned when drawn
			} else {
				ix.Update(name, data) // HTML files of static/
			}
			changed = append(changed, name)
		}
	} else {
		ix = old.links.Next()
		for i, ps := range c.pages.all {
			if was := old.pages.at(i, ps.placed); was == nil || was.drawn != ps.drawn {
				ix.Put(ps.drawn.links)
				changed = append(changed, ps.file)
			}
		}
	}
	ix.Recheck(c.out.files, changed, redirects)
	return ix
}

// checkWritten checks the links authors wrote as site URLs, reporting them
// where they are written, and returns every link reported at its markdown.
func (c *checkStage) checkWritten(ix *linkcheck.Index, redirects map[string]bool) map[string]bool {
	known := map[string]bool{}
	for i, ps := range c.pages.site {
		file := ps.file
		for _, dest := range ps.body.links.reported {
			known[reportKey(file, dest)] = true
		}
		for _, url := range c.next.anchors[i].broken {
			known[reportKey(file, url)] = true
		}
		for _, w := range ps.body.links.written {
			if problem := ix.CheckWritten(c.out.files, redirects, file, w.dest); problem != "" {
				c.next.problems.Add(ps.page.Source, w.line, w.col, "link to %s, but %s", w.dest, problem)
				known[reportKey(file, w.dest)] = true
			}
		}
	}
	return known
}

// isPrintFile reports whether an output file is a language's print view.
func (c *checkStage) isPrintFile(file string) bool {
	for _, lang := range c.site.site.Langs {
		if file == layout.OutputPath(lang.Print()) {
			return true
		}
	}
	return false
}

// writtenAt finds where site.yaml or a template writes a link, to report
// it there rather than at a page that only shows it.
func (c *checkStage) writtenAt(target string) (string, int, int, bool) {
	for _, lang := range c.site.site.Langs {
		if line, col, ok := c.site.site.Configs[lang.Code].LinkPosition(target); ok {
			return lang.Settings(), line, col, ok
		}
	}
	return c.in.templates.LinkPosition(target)
}

// addresses is the digest of what the site answers: every output file and
// every redirect. While it holds, a link that led somewhere still does.
func (c *checkStage) addresses() uint64 {
	var files uint64
	for name := range c.out.files {
		files += digest.String(name) // a sum: the same whatever the order
	}
	return digest.Combine(files, digest.Of(c.out.listing.redirects))
}

// guard fails the build when a URL published before is gone, and prepares
// content/urls.txt with this build's URLs added. Its answer holds while the
// addresses and the file are the same.
func (c *checkStage) guard(oc, old *outputCheck, fresh bool, redirects map[string]bool) {
	drafts := c.drafts()
	oc.drafts = digest.Of(drafts)
	if !fresh && !c.plan.manifest && old.drafts == oc.drafts {
		oc.guard, oc.manifest, oc.urls = old.guard, old.manifest, old.urls
		c.next.problems.Append(oc.guard)
		return
	}
	data, err := fs.ReadFile(c.fsys, published.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		oc.guard.Add(published.Path, 0, 0, "cannot read: %v", content.ReadError(err))
		c.next.problems.Append(oc.guard)
		return
	}
	oc.urls = data
	answered := func(u string) bool {
		_, page := c.out.files.Lookup(u)
		return page || linkcheck.Redirected(redirects, u)
	}
	oc.manifest = published.Guard(data, answered, drafts, c.promised(), !c.opt.Drafts, &oc.guard)
	c.next.problems.Append(oc.guard)
}

// drafts are the pages left out as drafts, with the addresses each would
// answer, by source: a published one is reported at its draft line.
func (c *checkStage) drafts() []published.Draft {
	var out []published.Draft
	for src := range c.site.site.Drafts {
		s := c.in.sources[src]
		if s == nil || s.page == nil {
			continue
		}
		p := s.page
		urls := append([]string{p.URL}, p.Meta.Aliases...)
		if p.Kind == content.Worksheet && p.Meta.Short != "" {
			urls = append(urls, layout.Short(p.Meta.Short))
		}
		out = append(out, published.Draft{Path: src, Line: p.Meta.Line("draft"), URLs: urls})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// promised are the URLs the site promises to keep: every page's, the
// print view's, and every short link.
func (c *checkStage) promised() []string {
	var urls []string
	for _, ps := range c.site.order {
		urls = append(urls, ps.page.URL)
	}
	for _, lang := range c.site.site.Langs {
		if ps := c.pages.pages[lang.MadeSource("templates/print.html")]; ps != nil {
			urls = append(urls, ps.page.URL)
		}
	}
	for _, r := range c.out.listing.redirects {
		if strings.HasPrefix(r.From, layout.ShortPrefix) {
			urls = append(urls, r.From)
		}
	}
	return urls
}
