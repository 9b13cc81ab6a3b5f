// Package build makes a whole site from its sources: a function from a
// source tree (an fs.FS holding content/, templates/ and static/) to an
// in-memory set of output files and a list of problems.
//
// Nothing here touches the disk: the caller decides whether to write the
// files (guide build), serve them (guide serve) or only look at the problems
// (guide check).
package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/trustguide/guide/internal/assets"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/readability"
	"github.com/trustguide/guide/internal/render"
	"github.com/trustguide/guide/internal/worksheet"
)

// Options change what a build makes.
type Options struct {
	Drafts  bool   // include draft pages
	BaseURL string // overrides site.yaml's base_url when set
}

// Result is a finished build.
type Result struct {
	Files    output.Files
	Problems diag.List         // sorted; the site is only usable when !Problems.HasErrors()
	Pages    int               // HTML pages made from markdown
	Forms    int               // worksheets
	Grades   []Grade           // reading grade of each page
	Manifest []byte            // content/urls.txt with this build's URLs added
	Sources  map[string]string // output HTML file → the source it was made from
	Elapsed  time.Duration
}

// Grade is one page's reading grade.
type Grade struct {
	Source string
	readability.Score
}

// Site builds the site in fsys from scratch.
func Site(fsys fs.FS, opt Options) Result {
	start := time.Now()
	b := newRun(fsys, opt)
	b.run()
	r := b.result()
	r.Elapsed = time.Since(start)
	return r
}

// run is one build, with the state its steps share.
type run struct {
	fsys     fs.FS
	opt      Options
	min      *minify.M
	problems diag.List

	site       *content.Site
	assets     *assets.Set
	templates  *render.Templates
	pages      []*page
	bySource   map[string]*page
	view       *render.SiteView
	worksheets map[*content.Page]*render.WorksheetInfo
	byArticle  map[*content.Page][]*content.Page
	files      output.Files
	redirects  []render.Redirect
	manifest   []byte
}

func newRun(fsys fs.FS, opt Options) *run {
	return &run{fsys: fsys, opt: opt, min: minifier.New(), files: output.Files{}}
}

// run makes the site in these steps:
//  1. read and check every page's front matter and the site settings;
//  2. copy, minify and fingerprint static/, and parse the templates;
//  3. parse every page's markdown (in parallel);
//  4. resolve and check every page's links, then render its body (in parallel);
//  5. draw every page with its template and minify it (in parallel);
//  6. make the site-wide files: 404, sitemap, feed, robots.txt, _redirects, search;
//  7. check every internal link of the output, and that no published URL is gone.
func (b *run) run() {
	var loadProblems diag.List
	b.site, loadProblems = content.Load(b.fsys, content.Options{Drafts: b.opt.Drafts})
	b.problems.Append(loadProblems)
	if b.opt.BaseURL != "" {
		b.site.Config.BaseURL = render.Absolute(b.opt.BaseURL, "")
	}
	b.assets = assets.Build(b.fsys, b.min, &b.problems)
	for name, data := range b.assets.Files {
		b.files[name] = data
	}
	b.templates = render.LoadTemplates(b.fsys, b.funcs(), &b.problems)
	b.copyResources()

	b.pages = make([]*page, len(b.site.Pages))
	b.bySource = make(map[string]*page, len(b.pages))
	for i, p := range b.site.Pages {
		b.pages[i] = &page{Page: p}
		b.bySource[p.Source] = b.pages[i]
	}
	b.view = b.siteView()
	b.indexWorksheets()

	converters := newConverters()
	parallel(len(b.pages), func(worker, i int) { b.pages[i].parse(converters[worker]) })
	parallel(len(b.pages), func(worker, i int) { b.pages[i].resolve(b, converters[worker]) })
	if b.templates != nil {
		parallel(len(b.pages), func(_, i int) { b.draw(b.pages[i]) })
	}
	b.collect(b.pages)
	b.siteFiles()
	if !b.drawingFailed() {
		b.checkOutput() // with pages missing, every link to them would be reported too
	}
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
	if b.templates == nil {
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
	r := Result{Files: b.files, Problems: b.problems.Sort(), Manifest: b.manifest, Sources: b.sources()}
	for _, p := range b.pages {
		if p.synthetic() {
			continue
		}
		r.Pages++
		if p.Kind == content.Worksheet {
			r.Forms++
		}
		if p.Kind == content.Article || p.Kind == content.Worksheet || p.Kind == content.Plain || p.Kind == content.Home {
			r.Grades = append(r.Grades, Grade{Source: p.Source, Score: readability.Grade(p.text)})
		}
	}
	return r
}

// funcs are the template functions. They close over the run, so the same
// parsed templates always see this build's assets.
func (b *run) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":  func(name string) (string, error) { return b.assets.URL(name) },
		"absURL": func(p string) string { return render.Absolute(b.site.Config.BaseURL, p) },
	}
}

// copyResources copies the non-markdown files under content/ (images beside
// their article) to the same place in the output.
func (b *run) copyResources() {
	for _, src := range b.site.Resources {
		data, err := fs.ReadFile(b.fsys, src)
		if err != nil {
			b.problems.Add(src, 0, 0, "cannot read: %v", err)
			continue
		}
		name := src[len("content/"):]
		if small, err := minifier.Bytes(b.min, minifier.TypeOf(name), data); err == nil {
			data = small
		}
		b.files[name] = data
	}
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
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
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

// sources maps each HTML file to the file it was made from.
func (b *run) sources() map[string]string {
	m := map[string]string{"404.html": "templates/404.html"}
	for _, p := range b.pages {
		m[outputPath(p.URL)] = p.Source
	}
	return m
}
