package build

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/suggest"
)

// What a link leads to in a build, and what a broken one may have meant:
// the rules that the draw stage resolves a body's links by
// (sourcelinks.go) and that the check stage reports them with.

// targets say what the link targets of a body lead to in one build: its
// inputs and its site.
type targets struct {
	in   *inputs
	site *content.Site
}

// stringTarget starts the targets that are strings a body shows.
const stringTarget = "string:"

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

// nearestPage suggests the page a link to the missing file src may have
// meant, as a link from the file from: a page of src's language, since
// "../fr/worksheets/x.md" for a missing "../worksheets/x.md" would take
// readers to the other language.
func (t targets) nearestPage(from, src string) string {
	lang := layout.Of(t.site.Langs, src).Code
	sources := make([]string, 0, len(t.site.Pages))
	for _, p := range t.site.Pages {
		if !p.Made && p.Lang.Code == lang {
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
