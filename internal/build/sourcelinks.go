package build

import (
	"path"
	"regexp"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/markdown"
)

// A body's links, as its render resolves them (the draw stage): a link to
// a page's file becomes the page's URL, in the page's language when it is
// translated, and an image's path the file's; what is wrong is noted for
// the check stage, which reports every link's problems.

// sourceLinks are what the check stage needs of a body's links.
type sourceLinks struct {
	problems diag.List     // found as they resolved: no such page, a draft, no such image...
	reported []string      // the links with problems, as published
	written  []writtenLink // written as site URLs, checked in the output
	anchors  []anchorLink  // into other pages' headings, checked once every page's ids are known
}

// writtenLink is a link written as a site URL ("/worksheets/", "../x/"),
// checked once the whole output exists.
type writtenLink struct {
	dest      string
	line, col int
}

// anchorLink is a link to a heading of another page ("x.md#why"), checked
// once every page's ids are known.
type anchorLink struct {
	source, fragment string
	line, col        int
	dest             string // as written: "x.md#why"
	url              string // as published: "/articles/x/#why"
}

// scheme is how a link to anything but a file of the site starts.
var scheme = regexp.MustCompile(`^[a-z][a-z0-9+.-]*:`)

// resolve checks one link of the body and rewrites a link to a page's file
// into the page's URL.
func (b bodyOf) resolve(ref *markdown.Ref) {
	before := len(b.r.links.problems)
	defer func() {
		if len(b.r.links.problems) > before {
			b.r.links.reported = append(b.r.links.reported, ref.Dest)
		}
	}()
	dest, what, problem := ref.Dest, "link", content.BodyLinkProblem(ref.Dest)
	if ref.Image {
		what, problem = "image", "" // an image on another site has its own message below
	}
	file, fragment, _ := strings.Cut(dest, "#")
	lower := strings.ToLower(dest)
	switch {
	case dest == "":
		b.linkAt(ref.Offset, "this %s has no destination: write it as [text](page.md)", what)
	case problem != "":
		b.linkAt(ref.Offset, "link %q: %s", dest, problem)
	case isExternal(lower) && !ref.Image:
		ref.MarkExternal()
	case isExternal(lower):
		b.linkAt(ref.Offset, "image %s is on another site: readers' browsers would contact it; copy the image into static/ or beside the page", dest)
	case scheme.MatchString(lower): // javascript:, data:, file:...: goldmark would write href=""
		b.linkAt(ref.Offset, "%s %q is not allowed: link to a page of the site or a web address", what, dest)
	case file == "":
		if !b.r.ids[fragment] {
			b.linkAt(ref.Offset, "there is no heading #%s on this page%s", fragment, nearestID(fragment, b.r.ids))
		}
	case strings.HasSuffix(file, ".md"):
		b.resolvePage(ref, file, fragment)
	case ref.Image:
		b.resolveImage(ref, file)
	default:
		line, col := b.at.At(ref.Offset)
		b.r.links.written = append(b.r.links.written, writtenLink{dest: dest, line: line, col: col})
	}
}

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
			b.linkAt(ref.Offset, "link to %s, but that page is a draft, left out of this build: build with -drafts to include it, or remove `draft: true` from it", file)
		default:
			b.linkAt(ref.Offset, "link to %s, but there is no such page%s", file, b.to.nearestPage(b.page.Source, src))
		}
		return
	}
	if fragment != "" {
		url += "#" + fragment
		line, col := b.at.At(ref.Offset)
		b.r.links.anchors = append(b.r.links.anchors, anchorLink{source: src, fragment: fragment, line: line, col: col, dest: ref.Dest, url: url})
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
		b.linkAt(ref.Offset, "image %s does not exist: put it beside the page or in static/, and check the name", file)
		return
	}
	ref.SetDest("/" + name)
}

// linkAt notes a problem of a link at an offset of the page's body.
func (b bodyOf) linkAt(offset int, format string, args ...any) {
	line, col := b.at.At(offset)
	b.r.links.problems.Add(b.page.Source, line, col, format, args...)
}
