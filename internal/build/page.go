package build

import (
	"hash/fnv"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/render"
	"github.com/trustguide/guide/internal/worksheet"
)

// page is one page as it goes through the build.
type page struct {
	*content.Page
	doc      *markdown.Doc
	body     []byte // rendered markdown
	text     string // plain text, for search and reading grade
	isForm   bool
	html     []byte // the finished, minified page
	siteRefs []siteRef
	broken   map[string]bool // destinations already reported, not to report twice
	drawErr  diag.Diagnostic // the template error met drawing the page, if any
	problems diag.List

	// For rebuilds: sig identifies what links into this page rely on (its
	// URL and ids); deps holds the sig of each page this one links to, as it
	// was when the links were checked.
	sig    uint64
	deps   map[string]uint64
	reused bool // the body was kept from the last build
	fresh  bool // drawn in this build
	search []byte
}

// forget drops what was kept from the last build, so the page is rendered again.
func (p *page) forget() {
	*p = page{Page: p.Page}
}

// siteRef is a markdown link written as a site URL ("/worksheets/",
// "../x/"); it can only be checked once the whole output exists.
type siteRef struct {
	target, fragment string
	line, col        int
	dest             string
}

// synthetic reports whether the page was made up by the builder (a section
// index without an _index.md).
func (p *page) synthetic() bool { return p.Body == nil }

func (p *page) parseIfNeeded(c *markdown.Converter) {
	if p.doc == nil {
		p.parse(c)
	}
}

func (p *page) parse(c *markdown.Converter) {
	defer func() { p.sig = signature(p.URL, p.doc.IDs) }()
	if p.synthetic() {
		p.doc = &markdown.Doc{IDs: map[string]bool{}}
		return
	}
	p.doc = c.Parse(p.Body)
	p.isForm = worksheet.HasFields(p.doc.Root)
	for _, prob := range worksheet.Check(p.doc.Root) {
		p.addAt(prob.Offset, "%s", prob.Message)
	}
	for _, r := range p.doc.Repeats {
		p.addAt(r.Offset, "the id %q is used twice on this page: give this heading or field another {#id}", r.ID)
	}
	for _, off := range p.doc.RawHTML() {
		p.warnAt(off, "raw HTML is not allowed and was left out: write it in markdown, or ask for a template change")
	}
	p.text = p.doc.Text()
}

func (p *page) addAt(offset int, format string, args ...any) {
	line, col := markdown.Position(p.doc.Source, offset)
	p.problems.Add(p.Source, line, col, format, args...)
}

func (p *page) warnAt(offset int, format string, args ...any) {
	line, col := markdown.Position(p.doc.Source, offset)
	p.problems.Warn(p.Source, line, col, format, args...)
}

// resolveIfNeeded checks every link and image of a page that was parsed in
// this build, rewrites links to markdown files into URLs, then renders the body.
func (p *page) resolveIfNeeded(b *run, c *markdown.Converter) {
	if p.reused || p.synthetic() {
		return
	}
	p.html = nil
	for _, ref := range p.doc.Refs() {
		p.resolveRef(b, ref)
	}
	body, err := c.Render(p.doc)
	if err != nil {
		p.problems.Add(p.Source, 0, 0, "cannot render the markdown: %v", err)
	}
	p.body = body
	p.doc.Root = nil // the tree is no longer needed; let it go
	p.search = render.SearchRecord(p.searchEntry())
}

func (p *page) resolveRef(b *run, ref *markdown.Ref) {
	before := len(p.problems)
	defer func() {
		if len(p.problems) > before {
			if p.broken == nil {
				p.broken = map[string]bool{}
			}
			p.broken[ref.Dest] = true
		}
	}()
	dest := ref.Dest
	what := "link"
	if ref.Image {
		what = "image"
	}
	switch {
	case dest == "":
		p.addAt(ref.Offset, "this %s has no destination: write it as [text](page.md)", what)
		return
	case isExternal(dest):
		if !ref.Image {
			ref.MarkExternal()
			return
		}
		p.addAt(ref.Offset, "image %s is on another site: readers' browsers would contact it; copy the image into static/ or beside the page", dest)
		return
	case strings.HasPrefix(strings.ToLower(dest), "javascript:") || strings.HasPrefix(strings.ToLower(dest), "data:"):
		p.addAt(ref.Offset, "%s %q is not allowed: link to a page of the site or a web address", what, dest)
		return
	}
	file, fragment, _ := strings.Cut(dest, "#")
	switch {
	case file == "":
		if !p.doc.IDs[fragment] {
			p.addAt(ref.Offset, "there is no heading #%s on this page: check the spelling (headings' ids are lower-case words joined by dashes)", fragment)
		}
	case strings.HasSuffix(file, ".md"):
		p.resolvePage(b, ref, file, fragment)
	case ref.Image:
		p.resolveImage(b, ref, file)
	default:
		target, frag, _ := linkcheck.Resolve(outputPath(p.URL), dest)
		line, col := markdown.Position(p.doc.Source, ref.Offset)
		p.siteRefs = append(p.siteRefs, siteRef{target: target, fragment: frag, line: line, col: col, dest: dest})
	}
}

func (p *page) resolvePage(b *run, ref *markdown.Ref, file, fragment string) {
	src := path.Join(path.Dir(p.Source), file)
	if strings.HasPrefix(file, "/") {
		src = path.Join("content", file)
	}
	target := b.bySource[src]
	if p.deps == nil {
		p.deps = map[string]uint64{}
	}
	if target == nil {
		p.deps[src] = 0
		p.addAt(ref.Offset, "link to %s, but there is no such page%s", file, draftHint(b, src))
		return
	}
	p.deps[src] = target.sig
	url := target.URL
	if fragment != "" {
		if !target.doc.IDs[fragment] {
			p.addAt(ref.Offset, "link to %s#%s, but that page has no heading with the id %q", file, fragment, fragment)
			return
		}
		url += "#" + fragment
	}
	ref.SetDest(url)
}

func draftHint(b *run, src string) string {
	if _, err := fs.Stat(b.fsys, src); err == nil {
		return " in this build (it is a draft: build with -drafts, or remove draft: true)"
	}
	return ": check the file name (links are relative to this file's folder)"
}

func (p *page) resolveImage(b *run, ref *markdown.Ref, file string) {
	var name string
	if strings.HasPrefix(file, "/") {
		name = strings.TrimPrefix(path.Clean(file), "/")
	} else {
		name = strings.TrimPrefix(path.Join(path.Dir(p.Source), file), "content/")
	}
	if _, ok := b.files[name]; !ok {
		p.addAt(ref.Offset, "image %s does not exist: put it beside the page or in static/, and check the name", file)
		return
	}
	ref.SetDest("/" + name)
}

func isExternal(dest string) bool {
	lower := strings.ToLower(dest)
	for _, scheme := range []string{"http://", "https://", "mailto:", "tel:", "sms:", "//"} {
		if strings.HasPrefix(lower, scheme) {
			return true
		}
	}
	return false
}

// signature hashes a page's URL and ids: what links into the page rely on.
func signature(url string, ids map[string]bool) uint64 {
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	h := fnv.New64a()
	h.Write([]byte(url))
	for _, id := range sorted {
		h.Write([]byte{0})
		h.Write([]byte(id))
	}
	return h.Sum64() | 1 // never 0, which stands for "no such page"
}
