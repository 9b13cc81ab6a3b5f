package build

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/manifest"
)

// checkOutput checks the finished site: every internal link leads to a
// file and id, and every URL published before is still answered. A build
// that could not read a page or its settings, or draw a page, is not
// checked: every link to what is missing would be reported too.
func (j *job) checkOutput() {
	if j.drawingFailed() || len(j.next.site.Unreadable) > 0 || j.next.in.configDiag.HasErrors() {
		j.next.sources = j.outputSources()
		return
	}
	j.next.sources = j.outputSources()
	redirects := map[string]bool{}
	for _, r := range j.next.listing.redirects {
		redirects[r.From] = true
	}
	old := j.last.check
	c := &outputCheck{addresses: j.addresses()}
	// Files came, went or moved: every link may now lead somewhere else.
	fresh := old == nil || old.addresses != c.addresses || j.plan.assets || j.plan.scan
	c.links = j.updateLinks(old, fresh, redirects)
	known := j.checkWritten(c.links, redirects)
	report := linkcheck.Reporter{
		Known:   func(file, target string) bool { return known[reportKey(file, target)] },
		Source:  func(file string) string { return j.next.sources[file] },
		Written: j.writtenAt,
	}
	pagesFailed := j.problems.HasErrors()
	var broken []linkcheck.Broken
	for _, b := range c.links.Broken() {
		if !j.isPrintFile(b.File) || !pagesFailed { // /print/ holds the articles' links: each is reported at its article
			broken = append(broken, b)
		}
	}
	j.problems.Append(report.Report(broken))
	j.guard(c, old, fresh, redirects)
	j.next.check = c
}

// updateLinks brings the link index up to date with the output: every HTML
// file when addresses changed, otherwise only the pages drawn in this build
// (and the files linking into them).
func (j *job) updateLinks(old *outputCheck, fresh bool, redirects map[string]bool) *linkcheck.Index {
	var ix *linkcheck.Index
	var changed []string
	if fresh {
		ix = linkcheck.NewIndex()
		for name, data := range j.next.files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			if ps := j.next.pages[j.next.sources[name]]; ps != nil && ps.file == name {
				ix.Put(ps.drawn.links) // scanned when drawn
			} else {
				ix.Update(name, data) // HTML files of static/
			}
			changed = append(changed, name)
		}
	} else {
		ix = old.links.Next()
		for _, ps := range j.all {
			if was := j.last.pages[ps.page.Source]; was == nil || was.drawn != ps.drawn {
				ix.Put(ps.drawn.links)
				changed = append(changed, ps.file)
			}
		}
	}
	ix.Recheck(j.next.files, changed, redirects)
	return ix
}

// checkWritten checks the links authors wrote as site URLs, reporting them
// where they are written, and returns every link reported at its markdown.
func (j *job) checkWritten(ix *linkcheck.Index, redirects map[string]bool) map[string]bool {
	known := map[string]bool{}
	for _, ps := range j.pages {
		file := ps.file
		for _, dest := range ps.body.reported {
			known[reportKey(file, dest)] = true
		}
		for _, url := range ps.anchors.broken {
			known[reportKey(file, url)] = true
		}
		for _, w := range ps.body.written {
			if problem := ix.CheckWritten(j.next.files, redirects, file, w.dest); problem != "" {
				j.problems.Add(ps.page.Source, w.line, w.col, "link to %s, but %s", w.dest, problem)
				known[reportKey(file, w.dest)] = true
			}
		}
	}
	return known
}

// isPrintFile reports whether an output file is a language's print view.
func (j *job) isPrintFile(file string) bool {
	for _, lang := range j.next.site.Langs {
		if file == layout.OutputPath(lang.Print()) {
			return true
		}
	}
	return false
}

// writtenAt finds where site.yaml or a template writes a link, to report
// it there rather than at a page that only shows it.
func (j *job) writtenAt(target string) (string, int, int, bool) {
	for _, lang := range j.next.site.Langs {
		if line, col, ok := j.next.site.Configs[lang.Code].LinkPosition(target); ok {
			return lang.Settings(), line, col, ok
		}
	}
	return j.next.in.templates.LinkPosition(target)
}

// addresses is the digest of what the site answers: every output file and
// every redirect. While it holds, a link that led somewhere still does.
func (j *job) addresses() uint64 {
	var files uint64
	for name := range j.next.files {
		files += digest.String(name) // a sum: the same whatever the order
	}
	return digest.Combine(files, digest.Of(j.next.listing.redirects))
}

// guard fails the build when a URL published before is gone, and prepares
// content/urls.txt with this build's URLs added. Its answer holds while the
// addresses and the file are the same.
func (j *job) guard(c, old *outputCheck, fresh bool, redirects map[string]bool) {
	if !fresh && !j.plan.manifest {
		c.guard, c.manifest, c.urls = old.guard, old.manifest, old.urls
		j.problems.Append(c.guard)
		return
	}
	data, err := fs.ReadFile(j.fsys, manifest.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.guard.Add(manifest.Path, 0, 0, "cannot read: %v", content.ReadError(err))
		j.problems.Append(c.guard)
		return
	}
	c.urls = data
	answered := func(u string) bool {
		_, page := j.next.files.Lookup(u)
		return page || linkcheck.Redirected(redirects, u)
	}
	c.manifest = manifest.Guard(data, answered, j.promised(), !j.opt.Drafts, &c.guard)
	j.problems.Append(c.guard)
}

// promised are the URLs the site promises to keep: every page's, the
// print view's, and every short link.
func (j *job) promised() []string {
	var urls []string
	for _, ps := range j.pages {
		urls = append(urls, ps.page.URL)
	}
	for _, lang := range j.next.site.Langs {
		if ps := j.next.pages[lang.MadeSource("templates/print.html")]; ps != nil {
			urls = append(urls, ps.page.URL)
		}
	}
	for _, r := range j.next.listing.redirects {
		if strings.HasPrefix(r.From, layout.ShortPrefix) {
			urls = append(urls, r.From)
		}
	}
	return urls
}
