// Package build makes a whole site from its sources: a function from a
// source tree (an fs.FS holding content/, templates/ and static/) to an
// in-memory set of output files and a list of problems.
//
// Nothing here touches the disk: the caller decides whether to write the
// files (guide build), serve them (guide serve) or only look at the problems
// (guide check). Site makes one build; a Builder makes a build again after
// a change, redoing only what the change needs.
package build

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/readability"
	"github.com/trustguide/guide/internal/render"
	"github.com/trustguide/guide/internal/worksheet"
)

// Options change what a build makes.
type Options struct {
	Drafts  bool   // include draft pages
	BaseURL string // overrides site.yaml's base_url when set
	Grades  bool   // keep each page's text, for Result.Grades (guide check)
	// DevServer is for guide serve, whose pages change with every save:
	// they register no service worker, and /sw.js retires one left by a
	// built site served at the same address.
	DevServer bool
}

// Result is a finished build.
type Result struct {
	Files    output.Files
	Problems diag.List         // sorted; the site is only usable when !Problems.HasErrors()
	Pages    int               // HTML pages made from markdown
	Forms    int               // worksheets
	texts    []pageText        // for Grades
	Manifest []byte            // content/urls.txt with this build's URLs added
	Sources  map[string]string // output HTML file → the source it was made from
	Changed  string            // what the build was for: "everything", a file, "templates"...
	Drawn    int               // pages drawn again (the rest were reused)
	Elapsed  time.Duration
}

// pageText is the readable text of a page that readers are graded on.
type pageText struct{ source, text string }

// Grades returns the reading grade of each article, worksheet and plain
// page, by source, for a build with Options.Grades. Only "guide check"
// asks, so other builds neither grade pages nor keep their text.
func (r Result) Grades() []Grade {
	grades := make([]Grade, len(r.texts))
	parallel(len(r.texts), func(_, i int) {
		grades[i] = Grade{Source: r.texts[i].source, Score: readability.Grade(r.texts[i].text)}
	})
	return grades
}

// Grade is one page's reading grade.
type Grade struct {
	Source string
	readability.Score
}

// run is one build, with the state its steps share.
type run struct {
	*Builder
	what     reloadPlan
	problems diag.List

	site       *content.Site
	pages      []*page
	bySource   map[string]*page
	view       *render.SiteView
	worksheets map[*content.Page]*render.WorksheetInfo
	byArticle  map[*content.Page][]*content.Page
	files      output.Files
	manifest   []byte
	navChanged bool            // what pages show of each other changed: lists, links, order
	drawAll    bool            // templates, static files or site-wide data changed: draw every page
	reported   map[string]bool // "file dest": broken links already reported at their markdown
	drawn      int
	printDrawn bool // /print/ was drawn in this build
}

// run makes the site in these steps:
//  1. check the pages against each other (URLs, aliases, steps, short links);
//  2. keep from the last build what still holds (see Builder);
//  3. parse, check and render the markdown of new and changed pages, one
//     syntax tree per worker at a time (in parallel);
//  4. check links to other pages' headings, now that every page's ids are known;
//  5. draw the pages with their templates and minify them (in parallel);
//  6. make the site-wide files: 404, /print/, sitemap, feed, robots.txt,
//     _redirects, search, and last the manifest and service worker, made
//     from the rest;
//  7. check every internal link of the output, and that no published URL is gone.
func (b *run) run() {
	b.problems.Append(b.configDiag)
	b.problems.Append(b.scanDiag)
	b.problems.Append(b.assetDiag)
	b.problems.Append(b.tmplDiag)
	pages := make([]*content.Page, 0, len(b.sources))
	var unreadable []string
	for _, name := range b.sortedSources() {
		s := b.sources[name]
		b.problems.Append(s.problems)
		if s.page != nil {
			pages = append(pages, s.page)
		} else {
			unreadable = append(unreadable, name)
		}
	}
	b.site = content.Assemble(b.config, pages, unreadable, content.Options{Drafts: b.opt.Drafts}, &b.problems)
	b.site.Config.BaseURL = b.baseURL()
	if b.assets != nil {
		for name, data := range b.assets.Files {
			b.files[name] = data
		}
	}
	for name, data := range b.resourceFiles {
		b.files[name] = data
	}
	b.problems.Append(b.resourceDiag)

	nav := b.navigationKey(b.site)
	b.navChanged = b.what.everything || b.what.config || b.what.templates || b.what.assets || b.what.resources || nav != b.navKey
	b.navKey = nav
	b.view = b.siteView()
	site := siteKey(b.view)
	b.drawAll = b.what.everything || b.what.templates || b.what.assets || b.what.resources || site != b.siteKey
	b.siteKey = site
	b.reusePages()
	b.indexWorksheets()

	parallel(len(b.pages), func(w, i int) { b.pages[i].prepare(b, b.conv[w]) })
	if b.invalidateDependents() {
		parallel(len(b.pages), func(w, i int) { b.pages[i].prepare(b, b.conv[w]) })
	}
	b.checkAnchors()
	if b.navChanged && !b.drawAll {
		b.forgetChangedViews()
	}
	b.makePrintView()
	if b.templates != nil {
		var drawn atomic.Int64
		parallel(len(b.pages), func(_, i int) {
			if p := b.pages[i]; p.html == nil {
				b.draw(p)
				drawn.Add(1)
			}
		})
		b.drawn = int(drawn.Load())
	}
	b.collect(b.pages)
	b.makeSiteFiles()
	b.makeOfflineFiles()
	if !b.drawingFailed() && len(b.site.Unreadable) == 0 && !b.configDiag.HasErrors() {
		b.checkOutput()
	} else {
		// With pages or settings missing, every link to them would be
		// reported too. What the check keeps no longer matches the output:
		// start afresh.
		b.linksFresh, b.Builder.manifest.checked = false, false
	}
	b.Builder.pages = b.bySource
	b.Builder.lastSite = b.site
	b.Builder.files = b.files
	b.built = true
}

// collect adds pages' HTML to the output and their problems to the build's.
// A template error most pages meet is reported once.
func (b *run) collect(pages []*page) {
	failures := map[diag.Diagnostic][]string{}
	for _, p := range pages {
		b.problems.Append(p.problems)
		if p.html != nil {
			b.files[outputPath(p.URL)] = p.html
		}
		if p.drawErr.Message != "" {
			failures[p.drawErr] = append(failures[p.drawErr], p.Source)
		}
	}
	b.problems.Append(render.WhileDrawing(failures))
}

// drawingFailed reports whether a page could not be drawn.
func (b *run) drawingFailed() bool {
	if b.templates == nil || b.printFailed() {
		return true
	}
	for _, p := range b.pages {
		if p.html == nil {
			return true
		}
	}
	return false
}

func (b *run) result() Result {
	r := Result{Files: b.files, Problems: b.problems.Sort(), Manifest: b.manifest, Sources: b.outputSources(), Drawn: b.drawn}
	for _, p := range b.pages {
		if p.synthetic() {
			continue
		}
		r.Pages++
		if p.Kind == content.Worksheet {
			r.Forms++
		}
		if b.opt.Grades && (p.Kind == content.Article || p.Kind == content.Worksheet || p.Kind == content.Plain || p.Kind == content.Home) {
			r.texts = append(r.texts, pageText{p.Source, p.text})
		}
	}
	return r
}

// outputSources maps each HTML file to the file it was made from. The map
// stays while the set of pages does.
func (b *run) outputSources() map[string]string {
	if b.outSources != nil && !b.navChanged {
		return b.outSources
	}
	m := make(map[string]string, len(b.pages)+1)
	m["404.html"] = "templates/404.html"
	m[printFile] = printSource
	for _, p := range b.pages {
		m[outputPath(p.URL)] = p.Source
	}
	b.outSources = m
	return m
}

func newConverters() []*markdown.Converter {
	c := make([]*markdown.Converter, runtime.GOMAXPROCS(0))
	for i := range c {
		c[i] = markdown.New(worksheet.New())
	}
	return c
}

// parallel calls fn(worker, i) for i in [0, n) on one goroutine per CPU.
// Each worker has its own index, so it can use its own converter.
func parallel(n int, fn func(worker, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(w, i)
			}
		})
	}
	wg.Wait()
}

// outputPath is the file a page URL is served from.
func outputPath(url string) string {
	if !strings.HasSuffix(url, "/") {
		return url[1:] // "/404.html"
	}
	return url[1:] + "index.html"
}

// Summary is the one line "guide build" prints.
func (r Result) Summary() string {
	return fmt.Sprintf("built %d pages (%d worksheets), %d files, %d bytes in %d ms",
		r.Pages, r.Forms, len(r.Files), r.Files.Size(), r.Elapsed.Milliseconds())
}
