package build

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/suggest"
)

// targets say what the link targets of a body lead to in one build: its
// inputs and its site.
type targets struct {
	in   *inputs
	site *content.Site
}

// resolve says what a link target leads to in this build: a page file's
// URL or why there is none ("\x00draft"), whether a file exists, or the
// text of a string a body shows ("string:fr:link.in-english").
func (t targets) resolve(target string) string {
	if ref, ok := strings.CutPrefix(target, stringTarget); ok {
		lang, key, _ := strings.Cut(ref, ":")
		return t.in.raw(lang, key)
	}
	if name, ok := strings.CutPrefix(target, "file:"); ok {
		if t.fileExists(name) {
			return "yes"
		}
		return ""
	}
	if p := t.site.BySource[target]; p != nil {
		return p.URL
	}
	return "\x00" + t.site.Missing(target)
}

// pageFileNamed is the page file src names: itself, or else the file whose
// name is the same text in another Unicode form (é as one character, or as
// e and an accent, as macOS once kept names), since an author cannot see
// the difference.
func (t targets) pageFileNamed(src string) string {
	site := t.site
	if site.BySource[src] != nil || site.Missing(src) != "" {
		return src
	}
	want := norm.NFC.String(src)
	for _, p := range site.Pages {
		if !p.Made && p.Source != src && norm.NFC.String(p.Source) == want {
			return p.Source
		}
	}
	return src
}

// fileExists reports whether the site publishes a file, other than a page,
// at the output path name.
func (t targets) fileExists(name string) bool {
	in := t.in
	if _, ok := in.resources[name]; ok {
		return true
	}
	_, ok := in.assets.Files[name]
	return ok
}

// resolve checks one link of the body and rewrites a link to a page's file
// into the page's URL.
func (b bodyOf) resolve(ref *markdown.Ref) {
	before := len(b.r.problems)
	defer func() {
		if len(b.r.problems) > before {
			b.r.reported = append(b.r.reported, ref.Dest)
		}
	}()
	dest, what := ref.Dest, "link"
	if ref.Image {
		what = "image"
	}
	file, fragment, _ := strings.Cut(dest, "#")
	lower := strings.ToLower(dest)
	switch {
	case dest == "":
		b.addAt(ref.Offset, "this %s has no destination: write it as [text](page.md)", what)
	case isExternal(lower) && !ref.Image:
		ref.MarkExternal()
	case isExternal(lower):
		b.addAt(ref.Offset, "image %s is on another site: readers' browsers would contact it; copy the image into static/ or beside the page", dest)
	case strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "data:"):
		b.addAt(ref.Offset, "%s %q is not allowed: link to a page of the site or a web address", what, dest)
	case file == "":
		if !b.r.ids[fragment] {
			b.addAt(ref.Offset, "there is no heading #%s on this page%s", fragment, nearestID(fragment, b.r.ids))
		}
	case strings.HasSuffix(file, ".md"):
		b.resolvePage(ref, file, fragment)
	case ref.Image:
		b.resolveImage(ref, file)
	default:
		line, col := b.at.At(ref.Offset)
		b.r.written = append(b.r.written, writtenLink{dest: dest, line: line, col: col})
	}
}

// stringTarget starts the targets that are strings a body shows.
const stringTarget = "string:"

// resolvePage resolves a link to another page's markdown file: in a
// translation, the translation of the page linked to, else the page itself
// in the default language, marked as such.
func (b bodyOf) resolvePage(ref *markdown.Ref, file, fragment string) {
	src := path.Join(path.Dir(b.page.Source), file)
	if strings.HasPrefix(file, "/") {
		src = path.Join(b.page.Lang.Dir, file)
	}
	src = b.to.pageFileNamed(src)
	url := b.to.resolve(src)
	b.r.resolved = append(b.r.resolved, resolution{src, url})
	if strings.HasPrefix(url, "\x00") && b.to.site.Missing(src) == "" && !b.page.Lang.IsDefault() {
		if original, to := b.untranslated(src); to != "" {
			src, url = original, to
			lang := b.to.site.Langs[0]
			note := stringTarget + b.page.Lang.Code + ":" + inEnglish
			text := b.to.resolve(note)
			b.r.resolved = append(b.r.resolved, resolution{note, text})
			ref.MarkLanguage(lang.Code, text)
		}
	}
	if strings.HasPrefix(url, "\x00") {
		switch b.to.site.Missing(src) {
		case "unreadable": // its own problems say why; the link is not at fault
		case "draft":
			b.addAt(ref.Offset, "link to %s, but that page is a draft, left out of this build: build with -drafts to include it, or remove `draft: true` from it", file)
		default:
			b.addAt(ref.Offset, "link to %s, but there is no such page%s", file, b.to.nearestPage(b.page.Source, src))
		}
		return
	}
	if fragment != "" {
		url += "#" + fragment
		line, col := b.at.At(ref.Offset)
		b.r.anchors = append(b.r.anchors, anchorLink{source: src, fragment: fragment, line: line, col: col, dest: ref.Dest, url: url})
	}
	ref.SetDest(url)
}

// untranslated finds the default language's page of a translation's link
// to a page not translated: its source and URL, or "" when there is none.
func (b bodyOf) untranslated(src string) (original, url string) {
	original = layout.Pair(b.page.Lang, b.to.site.Langs[0], src)
	url = b.to.resolve(original)
	b.r.resolved = append(b.r.resolved, resolution{original, url})
	if strings.HasPrefix(url, "\x00") {
		return "", ""
	}
	return original, url
}

// resolveImage checks that an image is a file of the site.
func (b bodyOf) resolveImage(ref *markdown.Ref, file string) {
	name := layout.FileOf(path.Join(path.Dir(b.page.Source), file))
	if strings.HasPrefix(file, "/") {
		name = strings.TrimPrefix(path.Clean(file), "/")
	}
	target := "file:" + name
	exists := b.to.resolve(target)
	b.r.resolved = append(b.r.resolved, resolution{target, exists})
	if exists == "" {
		b.addAt(ref.Offset, "image %s does not exist: put it beside the page or in static/, and check the name", file)
		return
	}
	ref.SetDest("/" + name)
}

// nearestPage suggests the page a link to the missing file src may have
// meant, as a link from the file from.
func (t targets) nearestPage(from, src string) string {
	sources := make([]string, 0, len(t.site.Pages))
	for _, p := range t.site.Pages {
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

// isExternal reports a link to another site, given in lower case.
func isExternal(lower string) bool {
	for _, scheme := range []string{"http://", "https://", "mailto:", "tel:", "sms:", "//"} {
		if strings.HasPrefix(lower, scheme) {
			return true
		}
	}
	return false
}

// reportKey names a link of an output file that was reported already, at
// its place in the markdown: the same link whether written with %-codes or
// not.
func reportKey(file, target string) string { return file + " " + linkcheck.Unescape(target) }
