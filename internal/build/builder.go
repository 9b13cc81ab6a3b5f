package build

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/trustguide/guide/internal/assets"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// Builder builds a site again and again, redoing only what a change needs:
//
//   - a page whose file changed is read, parsed, rendered and drawn again;
//   - so is a page with a link into a page whose URL changed, or that
//     appeared or went away; links to headings are checked again for pages
//     that link into a page that changed;
//   - when titles, order or menus change, the pages whose template input
//     (the site's view and the page's) changed are drawn again;
//   - when settings, templates or static files change, every page is drawn
//     again, reusing its rendered body when its file did not change;
//   - the link check looks again only at pages that were drawn and at pages
//     that link into them.
//
// The output always equals a clean build of the same tree; a test holds
// that rule honest. A Builder is owned by one goroutine.
type Builder struct {
	fsys fs.FS
	opt  Options
	min  *minify.M // for files
	page *minify.M // for pages: leaves inline SVG alone
	conv []*markdown.Converter
	seed maphash.Seed

	config        content.Config
	configDiag    diag.List
	sources       map[string]*source // markdown files by path
	sorted        []string           // the keys of sources, sorted; nil when they changed
	resources     []string
	resourceFiles output.Files // the resources, read and minified
	resourceDiag  diag.List
	scanDiag      diag.List
	assets        *assets.Set
	assetDiag     diag.List
	templates     *render.Templates
	tmplDiag      diag.List

	built       bool
	oneShot     bool             // no rebuild will follow: keep nothing for one
	pages       map[string]*page // the last build's pages by source
	lastSite    *content.Site    // the last build's site
	navKey      uint64           // what every page shows of the others, last build
	siteKey     uint64           // the site view every template is given, last build
	siteFiles   map[string][]byte
	siteDiag    diag.List
	redirects   []render.Redirect
	qrCodes     map[string]template.HTML // by URL
	buffers     sync.Pool                // of *bytes.Buffer: a page is drawn into one, then minified out
	searchParts []searchPart
	print       *page             // /print/ as last drawn; nil when the site has none
	sums        offline.Checksums // of the files the service worker keeps
	outSources  map[string]string // output file → source, while the set of pages stays
	manifest    struct {
		checked  bool
		problems diag.List
		updated  []byte
	}
	links      *linkcheck.Index
	linksFresh bool   // the index matches the last build's output
	addresses  uint64 // what addressKey said of the last build
	files      output.Files
}

// source is one markdown file as last read.
type source struct {
	page     *content.Page // nil when the file has errors
	problems diag.List
	nav      uint64 // what other pages show of this one, hashed
}

// NewBuilder returns a builder for the site in fsys. Nothing is read until
// the first Build.
func NewBuilder(fsys fs.FS, opt Options) *Builder {
	return &Builder{
		fsys: fsys, opt: opt, min: minifier.New(), page: minifier.ForPages(), conv: newConverters(), seed: maphash.MakeSeed(),
		sources: map[string]*source{}, pages: map[string]*page{}, links: linkcheck.NewIndex(),
		qrCodes: map[string]template.HTML{},
		buffers: sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}
}

// Site builds the site in fsys from scratch.
func Site(fsys fs.FS, opt Options) Result {
	b := NewBuilder(fsys, opt)
	b.oneShot = true
	return b.Build(nil)
}

// Build builds the site. changed lists the root-relative paths that changed
// since the last build ("content/articles/x.md", "templates/base.html",
// a folder); nil means anything may have changed.
func (b *Builder) Build(changed []string) Result {
	start := time.Now()
	what := b.reload(changed)
	r := &run{Builder: b, what: what, files: make(output.Files, len(b.files)+16)}
	r.run()
	res := r.result()
	res.Elapsed = time.Since(start)
	res.Changed = what.summary()
	return res
}

// reloadPlan is what a change touched.
type reloadPlan struct {
	everything bool
	config     bool
	scan       bool // the list of files under content/ may have changed
	resources  bool // so may images and other files beside the pages
	manifest   bool // content/urls.txt
	assets     bool
	templates  bool
	pages      []string // markdown files to read again
}

func (p reloadPlan) summary() string {
	switch {
	case p.everything:
		return "everything"
	case p.config, p.templates, p.assets, p.scan, p.resources:
		var parts []string
		for _, x := range []struct {
			on   bool
			name string
		}{{p.config, "settings"}, {p.templates, "templates"}, {p.assets, "static files"}, {p.scan, "content files"}} {
			if x.on {
				parts = append(parts, x.name)
			}
		}
		return strings.Join(parts, ", ")
	case len(p.pages) == 1:
		return p.pages[0]
	}
	return strings.Join(p.pages, ", ")
}

// reload reads again what changed.
func (b *Builder) reload(changed []string) reloadPlan {
	plan := b.plan(changed)
	if plan.config {
		b.configDiag = nil
		b.config = content.ReadConfig(b.fsys, &b.configDiag)
	}
	if plan.scan {
		b.scanDiag = nil
		var markdown []string
		markdown, b.resources = content.Scan(b.fsys, &b.scanDiag)
		keep := make(map[string]*source, len(markdown))
		var fresh []string
		for _, m := range markdown {
			if s, ok := b.sources[m]; ok && !plan.everything {
				keep[m] = s
			} else {
				fresh = append(fresh, m)
			}
		}
		b.sources, b.sorted = keep, nil
		plan.pages = append(plan.pages, fresh...)
	}
	if plan.scan || plan.resources {
		b.readResources()
	}
	if plan.assets {
		b.assetDiag = nil
		b.assets = assets.Build(b.fsys, b.min, &b.assetDiag)
	}
	if plan.templates {
		b.tmplDiag = nil
		b.templates = render.LoadTemplates(b.fsys, b.funcs(), &b.tmplDiag)
	}
	b.readPages(plan.pages)
	return plan
}

// plan sorts changed paths into what must be read again.
func (b *Builder) plan(changed []string) reloadPlan {
	if changed == nil || !b.built {
		return reloadPlan{everything: true, config: true, scan: true, assets: true, templates: true}
	}
	var p reloadPlan
	for _, c := range changed {
		switch {
		case c == content.ConfigPath:
			p.config = true
		case c == content.ManifestPath:
			p.manifest = true
		case strings.HasPrefix(c, render.Dir+"/") || c == render.Dir:
			p.templates = true
		case strings.HasPrefix(c, assets.Dir+"/") || c == assets.Dir:
			p.assets = true
		case b.isPageEdit(c):
			p.pages = append(p.pages, c)
		case strings.HasPrefix(c, "content/") || c == "content":
			p.scan, p.resources = true, true // an image, a folder, a page that came or went as a folder
		}
	}
	return p
}

// isPageEdit reports whether a changed path is a page file saved again or
// deleted, or a new page file: then reading that one file is enough. A
// path that is now a folder, or was one (a folder named x.md), or anything
// else, needs the content folder scanned again.
func (b *Builder) isPageEdit(name string) bool {
	if !content.IsPage(name) {
		return false
	}
	info, err := fs.Stat(b.fsys, name)
	_, known := b.sources[name]
	switch {
	case err == nil && info.Mode().IsRegular():
		return true
	case errors.Is(err, fs.ErrNotExist):
		return known // a folder named x.md that went away held pages
	}
	return false
}

// readPages reads the given markdown files again; a file that is gone is
// forgotten.
func (b *Builder) readPages(names []string) {
	var present []string
	for _, n := range names {
		if _, err := fs.Stat(b.fsys, n); errors.Is(err, fs.ErrNotExist) {
			if _, known := b.sources[n]; known {
				delete(b.sources, n)
				b.sorted = nil
			}
			continue
		}
		if _, known := b.sources[n]; !known {
			b.sorted = nil
		}
		present = append(present, n)
	}
	found := make([]diag.List, len(present))
	pages := make([]*content.Page, len(present))
	parallel(len(present), func(_, i int) { pages[i] = content.ReadPage(b.fsys, present[i], &found[i]) })
	for i, n := range present {
		b.sources[n] = &source{page: pages[i], problems: found[i], nav: b.pageKey(pages[i])}
	}
}

// readResources reads the non-markdown files under content/ (images beside
// their article), to be published at the same place; they are read again
// only when a change touches them.
func (b *Builder) readResources() {
	b.resourceFiles, b.resourceDiag = output.Files{}, nil
	for _, src := range b.resources {
		data, err := fs.ReadFile(b.fsys, src)
		if err != nil {
			b.resourceDiag.Add(src, 0, 0, "cannot read: %v", err)
			continue
		}
		name := strings.TrimPrefix(src, "content/")
		if small, err := minifier.Bytes(b.min, minifier.TypeOf(name), data); err == nil {
			data = small
		}
		b.resourceFiles[name] = data
	}
}

// sortedSources lists the markdown files in order, sorting only after
// files came or went.
func (b *Builder) sortedSources() []string {
	if b.sorted == nil {
		b.sorted = make([]string, 0, len(b.sources))
		for name := range b.sources {
			b.sorted = append(b.sorted, name)
		}
		sort.Strings(b.sorted)
	}
	return b.sorted
}

// funcs are the template functions. They read the Builder's current assets,
// so templates parsed once stay right when static files change.
func (b *Builder) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":  func(name string) (string, error) { return b.assets.URL(name) },
		"absURL": func(p string) string { return render.Absolute(b.baseURL(), p) },
	}
}

func (b *Builder) baseURL() string {
	if b.opt.BaseURL != "" {
		return render.Absolute(b.opt.BaseURL, "")
	}
	return b.config.BaseURL
}

// navigationKey hashes everything a page shows of other pages: titles,
// descriptions, URLs, order, worksheet details, dates, menus and settings.
// When it is unchanged, an edit to one page's body changes no other page.
func (b *Builder) navigationKey(site *content.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	c := site.Config
	write := func(parts ...string) {
		for _, s := range parts {
			h.WriteString(s)
			h.WriteByte(0)
		}
	}
	write(c.Title, c.Language, c.Description, b.baseURL(), c.QuickExit)
	for _, x := range c.Crisis {
		write(x.Name, x.Detail, x.Href)
	}
	for _, m := range c.Menu {
		write(m.Title, m.URL)
	}
	var n [8]byte
	for _, p := range site.Pages {
		key := uint64(0)
		if s := b.sources[p.Source]; s != nil && s.page == p {
			key = s.nav // hashed once, when the file was read
		} else {
			key = b.pageKey(p) // a section index the builder made up
		}
		binary.LittleEndian.PutUint64(n[:], key)
		h.Write(n[:])
	}
	return h.Sum64()
}

// pageKey hashes what other pages show of p.
func (b *Builder) pageKey(p *content.Page) uint64 {
	if p == nil {
		return 0
	}
	var h maphash.Hash
	h.SetSeed(b.seed)
	m := p.Meta
	for _, s := range []string{p.Source, p.URL, string(p.Kind), m.Title, m.Description, m.Date.Day, m.Date.Time, m.Updated.Day, m.Updated.Time, m.Short, m.For, m.Article,
		itoa(m.Step), itoa(m.Weight), itoa(m.Minutes), strconv.FormatBool(m.Draft), strings.Join(m.Aliases, " "), strings.Join(m.Tags, " ")} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	return h.Sum64()
}

func itoa(n int) string { return strconv.Itoa(n) }
