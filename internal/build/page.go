package build

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/render"
	"github.com/trustguide/guide/internal/suggest"
	"github.com/trustguide/guide/internal/worksheet"
)

// page is one page as it goes through the build.
type page struct {
	*content.Page
	ids      map[string]bool // every id in the body, for #anchor checks
	headings []markdown.Heading
	body     template.HTML // rendered markdown, made a string once
	text     string        // plain text, for search and reading grade
	minutes  int           // reading time
	isForm   bool
	html     []byte           // the finished, minified page
	view     *render.PageView // made ahead of drawing, when it was compared
	viewKey  uint64           // the view the html was drawn from
	links    *linkcheck.Links
	siteRefs []siteRef
	anchors  []anchorRef
	// anchorProblems and anchorBroken are what checkAnchors found.
	anchorProblems diag.List
	anchorBroken   []string
	broken         map[string]bool // destinations already reported, not to report twice
	drawErr        diag.Diagnostic // the template error met drawing the page, if any
	problems       diag.List

	// For rebuilds: deps holds the URL of each page this one links to (""
	// for a page that did not exist) when its body was rendered.
	deps     map[string]string
	prepared bool // the body is rendered (in this build or kept from the last)
	reused   bool // the body was kept from the last build
	fresh    bool // drawn in this build
	search   []byte
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

// anchorRef is a link to a heading of another page ("x.md#why"), checked
// once every page's ids are known.
type anchorRef struct {
	source, fragment string
	line, col        int
	dest             string // as written: "x.md#why"
	url              string // as published: "/articles/x/#why"
}

// synthetic reports whether the page was made up by the builder (a section
// index without an _index.md).
func (p *page) synthetic() bool { return p.Made }

// prepare parses the page's markdown, checks it and rewrites its links,
// renders its body, and lets the syntax tree go. So each worker holds one
// tree at a time, whatever the size of the site; links to other pages'
// headings are checked afterwards, against the ids kept here.
func (p *page) prepare(b *run, c *markdown.Converter) {
	if p.prepared {
		return
	}
	p.prepared = true
	if p.synthetic() {
		p.ids = map[string]bool{}
		return
	}
	doc := c.Parse(p.Body)
	p.isForm = worksheet.HasFields(doc.Root)
	for _, prob := range worksheet.Check(doc.Root) {
		p.addAt(prob.Offset, "%s", prob.Message)
	}
	for _, w := range worksheet.Warnings(doc.Root) {
		p.warnAt(w.Offset, "%s", w.Message)
	}
	for _, r := range doc.Repeats {
		p.addAt(r.Offset, "the id %q is used twice on this page: give this heading or field another {#id}", r.ID)
	}
	for _, off := range doc.RawHTML() {
		p.warnAt(off, "raw HTML is not allowed and was left out: write it in markdown, or ask for a template change")
	}
	p.text = doc.Text()
	p.minutes = readingMinutes(p.text)
	p.ids, p.headings = doc.IDs, doc.Headings
	for _, ref := range doc.Refs() {
		p.resolveRef(b, ref)
	}
	body, err := c.Render(doc)
	if err != nil {
		p.problems.Add(p.Source, 0, 0, "cannot render the markdown: %v", err)
	}
	if p.isForm {
		p.body = formBody(body)
	} else {
		p.body = template.HTML(body)
	}
	p.search = render.SearchRecord(p.searchEntry())
	if !b.opt.Grades {
		p.text = "" // only grades need it once the search record is made
	}
	if b.oneShot {
		p.Body = nil // positions are taken; no rebuild will parse it again
	}
}

func (p *page) addAt(offset int, format string, args ...any) {
	line, col := markdown.Position(p.Body, offset)
	p.problems.Add(p.Source, line, col, format, args...)
}

func (p *page) warnAt(offset int, format string, args ...any) {
	line, col := markdown.Position(p.Body, offset)
	p.problems.Warn(p.Source, line, col, format, args...)
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
		if !p.ids[fragment] {
			p.addAt(ref.Offset, "there is no heading #%s on this page%s", fragment, nearestID(fragment, p.ids))
		}
	case strings.HasSuffix(file, ".md"):
		p.resolvePage(b, ref, file, fragment)
	case ref.Image:
		p.resolveImage(b, ref, file)
	default:
		target, frag, _ := linkcheck.Resolve(outputPath(p.URL), dest)
		line, col := markdown.Position(p.Body, ref.Offset)
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
		p.deps = map[string]string{}
	}
	p.deps[src] = b.resolution(src)
	if target == nil {
		switch b.site.Missing(src) {
		case "unreadable": // its own problems say why; the link is not at fault
		case "draft":
			p.addAt(ref.Offset, "link to %s, but that page is a draft, left out of this build: build with -drafts to include it, or remove `draft: true` from it", file)
		default:
			p.addAt(ref.Offset, "link to %s, but there is no such page%s", file, b.nearestPage(p.Source, src))
		}
		return
	}
	url := target.URL
	if fragment != "" {
		line, col := markdown.Position(p.Body, ref.Offset)
		url += "#" + fragment
		p.anchors = append(p.anchors, anchorRef{source: src, fragment: fragment, line: line, col: col, dest: ref.Dest, url: url})
	}
	ref.SetDest(url)
}

// checkAnchors finds links to headings that the target page lacks.
func (p *page) checkAnchors(b *run) {
	p.anchorProblems, p.anchorBroken = nil, nil
	for _, a := range p.anchors {
		if t := b.bySource[a.source]; t != nil && !t.ids[a.fragment] {
			file, _, _ := strings.Cut(a.dest, "#")
			p.anchorProblems.Add(p.Source, a.line, a.col, "link to %s#%s, but that page has no heading with the id %q%s", file, a.fragment, a.fragment, nearestID(a.fragment, t.ids))
			p.anchorBroken = append(p.anchorBroken, a.url)
		}
	}
}

// nearestID suggests the id a link to a missing one may have meant.
func nearestID(id string, ids map[string]bool) string {
	known := make([]string, 0, len(ids))
	for k := range ids {
		known = append(known, k)
	}
	if meant, ok := suggest.Closest(id, known); ok {
		return fmt.Sprintf(": did you mean #%s?", meant)
	}
	return ": check the spelling (headings' ids are lower-case words joined by dashes)"
}

// anchorsTouch reports whether the page links to a heading of one of the
// given pages.
func (p *page) anchorsTouch(sources map[string]bool) bool {
	for _, a := range p.anchors {
		if sources[a.source] {
			return true
		}
	}
	return false
}

// nearestPage suggests the page a link to the missing file src may have
// meant, as a link from the file from.
func (b *run) nearestPage(from, src string) string {
	sources := make([]string, 0, len(b.site.Pages))
	for _, p := range b.site.Pages {
		if !p.Made {
			sources = append(sources, p.Source)
		}
	}
	if meant, ok := suggest.Closest(src, sources); ok {
		return fmt.Sprintf(": did you mean %s?", relativeLink(from, meant))
	}
	return ": check the file name (links are relative to this file's folder)"
}

// relativeLink is the link from one source file to another, as an author
// writes it: "acknowledge.md", "../worksheets/name-it.md".
func relativeLink(from, to string) string {
	dir := strings.Split(path.Dir(from), "/")
	target := strings.Split(to, "/")
	i := 0
	for i < len(dir) && i < len(target)-1 && dir[i] == target[i] {
		i++
	}
	return strings.Repeat("../", len(dir)-i) + strings.Join(target[i:], "/")
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
