package build

import (
	"bytes"
	"html/template"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/qrsvg"
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

// Builder builds a site again and again, redoing only what a change needs
// (the package doc says the rule). A Builder is owned by one goroutine.
type Builder struct {
	fsys  fs.FS
	opt   Options
	tools *tools
	last  *state // what the last build left; nil before the first
}

// NewBuilder returns a builder for the site in fsys. Nothing is read until
// the first Build.
func NewBuilder(fsys fs.FS, opt Options) *Builder {
	return &Builder{fsys: fsys, opt: opt, tools: newTools()}
}

// Site builds the site in fsys from scratch. No build follows, so each page
// lets its markdown and its body go as soon as they are used.
func Site(fsys fs.FS, opt Options) Result {
	start := time.Now()
	j := &job{fsys: fsys, opt: opt, tools: newTools(), final: true}
	_, r := j.run(nil, nil)
	r.Elapsed = time.Since(start)
	return r
}

// Build builds the site. changed lists the root-relative paths that changed
// since the last build ("content/articles/x.md", "templates/base.html",
// a folder); nil means anything may have changed.
func (b *Builder) Build(changed []string) Result {
	start := time.Now()
	j := &job{fsys: b.fsys, opt: b.opt, tools: b.tools}
	next, r := j.run(b.last, changed)
	b.last = next
	r.Elapsed = time.Since(start)
	return r
}

// tools are what builds share that holds nothing of any one build: the
// minifiers (of files, and of templates, so that pages need none), a
// markdown converter per worker, buffers, the QR codes drawn
// so far (a QR code depends on its URL only) and the numbers given to
// rendered bodies.
type tools struct {
	files     *minify.M // for static files and site files
	templates func(text string) (string, error)
	conv      map[string][]*markdown.Converter // by typography (markdown.Typography), then worker
	buffers   sync.Pool                        // of *bytes.Buffer: a page is drawn into one, then minified out
	qr        struct {
		sync.Mutex
		byURL map[string]template.HTML
	}
	versions atomic.Uint64
}

func newTools() *tools {
	t := &tools{files: minifier.New(), templates: minifier.Templates(), conv: map[string][]*markdown.Converter{}}
	for _, tag := range []string{"en", "fr"} {
		typography := markdown.Typography(tag)
		t.conv[typography] = make([]*markdown.Converter, runtime.GOMAXPROCS(0))
		for i := range t.conv[typography] {
			t.conv[typography][i] = markdown.NewFor(tag, worksheet.New())
		}
	}
	t.buffers.New = func() any { return new(bytes.Buffer) }
	t.qr.byURL = map[string]template.HTML{}
	return t
}

// qrCode draws the QR code of a URL, once per process.
func (t *tools) qrCode(url string) template.HTML {
	t.qr.Lock()
	defer t.qr.Unlock()
	if svg, ok := t.qr.byURL[url]; ok {
		return svg
	}
	svg, err := qrsvg.Encode(url, "") // the templates label it, in the page's language
	if err != nil {
		return "" // a URL too long for a QR code: the page shows the link alone
	}
	t.qr.byURL[url] = template.HTML(svg)
	return t.qr.byURL[url]
}

// version numbers a new rendered body.
func (t *tools) version() uint64 { return t.versions.Add(1) }

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
