package content

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/trustguide/guide/internal/diag"
)

// Kind is what a page is, which decides its template and its place in lists.
type Kind string

const (
	Home       Kind = "home"       // content/_index.md
	Article    Kind = "article"    // content/articles/*.md
	Worksheet  Kind = "worksheet"  // content/worksheets/*.md
	Section    Kind = "section"    // a folder's _index.md (made up when missing)
	Worksheets Kind = "worksheets" // content/worksheets/_index.md: the counsellors' index
	Plain      Kind = "page"       // anything else
	NotFound   Kind = "404"        // /404.html, made by the builder
	Print      Kind = "print"      // /print/, the whole guide on one page, made by the builder
)

// Kinds lists every kind of page. Each is drawn with templates/<kind>.html.
var Kinds = []Kind{Home, Article, Worksheet, Worksheets, Section, Plain, NotFound, Print}

// Optional reports whether a site may go without pages of this kind, and
// so without its template: only the print view.
func (k Kind) Optional() bool { return k == Print }

// Label is what a reader is told a page of this kind is, in search
// results: "" for articles, which most pages are.
func (k Kind) Label() string {
	switch k {
	case Article:
		return ""
	case Worksheets:
		return "list of worksheets"
	case Plain:
		return "page"
	}
	return string(k)
}

// Page is one markdown file, read and checked.
type Page struct {
	Source  string // root-relative: "content/articles/acknowledge.md"
	Kind    Kind
	Section string // folder under content/: "articles", "" at the top, "a/b" nested
	Slug    string
	URL     string // "/articles/acknowledge/"
	Meta    Meta
	Body    []byte // the file with its front matter blanked out; positions match the file
	Made    bool   // made up by the builder: a folder's index without an _index.md
}

// IsList reports whether the page lists other pages (home and sections).
func (p *Page) IsList() bool {
	return p.Kind == Home || p.Kind == Section || p.Kind == Worksheets
}

var slugPattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_.-]*$`)

// isURLName reports whether a file or folder name can be part of a URL:
// letters, digits, "-", "_" and ".", in whichever Unicode form.
func isURLName(name string) bool { return slugPattern.MatchString(norm.NFC.String(name)) }

// MaxName is the longest file or folder name, in bytes, that disks take.
const MaxName = 255

// ReadPage reads and checks one markdown file. src is its root-relative path.
// It returns nil when the page cannot be used; problems says why.
func ReadPage(fsys fs.FS, src string, problems *diag.List) *Page {
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		problems.Add(src, 0, 0, "cannot read the file: %v", ReadError(err))
		return nil
	}
	return ParsePage(src, data, problems)
}

// ParsePage checks one markdown file's bytes.
func ParsePage(src string, data []byte, problems *diag.List) *Page {
	if len(bytes.TrimSpace(data)) == 0 {
		problems.Add(src, 1, 1, "the file is empty: start it with front matter (---, title:, description:, ---) or delete it")
		return nil
	}
	data = loneCRToLF(data)
	if !utf8.Valid(data) {
		line, col := badUTF8(data)
		problems.Add(src, line, col, "the file is not UTF-8 text: save it as UTF-8 in your editor")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte order mark is harmless; drop it
	yamlText, body, ok := splitFrontMatter(data)
	if !ok {
		problems.Add(src, 1, 1, "missing front matter: the file must start with a line \"---\", then title: and description:, then \"---\"")
		return nil
	}
	before := len(*problems)
	meta, readable := parseMeta(src, yamlText, problems)
	if !readable {
		return nil
	}
	if meta.Title == "" && !meta.mistyped("title") {
		problems.Add(src, 1, 1, "the front matter needs a title: add `title: ...`")
	}
	if meta.Description == "" && !meta.mistyped("description") {
		problems.Add(src, 1, 1, "the front matter needs a description: add `description: ...` (one or two sentences)")
	}

	p := &Page{Source: src, Meta: meta, Body: body}
	p.Section, p.Kind, p.Slug = placeOf(src)
	if meta.Slug != "" {
		if p.IsList() {
			problems.Add(src, meta.Line("slug"), 1, "an _index.md page takes its URL from its folder: remove `slug`")
		} else if !isURLName(meta.Slug) || strings.Contains(meta.Slug, "..") {
			problems.Add(src, meta.Line("slug"), 1, "slug %q must be one word of letters, digits and dashes, with no / or ..", meta.Slug)
		} else if len(meta.Slug) > MaxName {
			problems.Add(src, meta.Line("slug"), 1, "slug is %d bytes long, but a folder's name holds %d at most: shorten it", len(meta.Slug), MaxName)
		} else {
			p.Slug = norm.NFC.String(meta.Slug)
		}
	} else if !p.IsList() && !slugPattern.MatchString(p.Slug) {
		problems.Add(src, 1, 1, "the file name %q cannot be a URL: rename it with letters, digits and dashes, or set `slug`", path.Base(src))
	}
	p.URL = urlOf(p)
	checkKindKeys(p, problems)
	if len(*problems) > before {
		return nil
	}
	return p
}

// placeOf derives a page's section, kind and default slug from its path.
// Letters are taken in one form (NFC: é as one character, as keyboards
// type it), whatever form the disk keeps the name in (macOS once kept
// é as e and an accent), so that the URL is the same everywhere.
func placeOf(src string) (section string, kind Kind, slug string) {
	rel := norm.NFC.String(strings.TrimPrefix(src, "content/"))
	dir, file := path.Split(rel)
	section = strings.TrimSuffix(dir, "/")
	slug = strings.TrimSuffix(file, ".md")
	switch {
	case rel == "_index.md":
		return "", Home, ""
	case file == "_index.md" && section == "worksheets":
		return section, Worksheets, ""
	case file == "_index.md":
		return section, Section, ""
	case section == "articles":
		return section, Article, slug
	case section == "worksheets":
		return section, Worksheet, slug
	}
	return section, Plain, slug
}

func urlOf(p *Page) string {
	parts := []string{}
	if p.Section != "" {
		parts = append(parts, p.Section)
	}
	if !p.IsList() {
		parts = append(parts, p.Slug)
	}
	if len(parts) == 0 {
		return "/"
	}
	return "/" + strings.Join(parts, "/") + "/"
}

// checkKindKeys rejects keys that belong to another kind of page, so that
// "short" on an article does not silently do nothing.
func checkKindKeys(p *Page, problems *diag.List) {
	m := p.Meta
	_, hasStep := m.lines["step"]
	if p.Kind != Article && hasStep {
		problems.Add(p.Source, m.Line("step"), 1, "only articles are steps on the guided path: remove `step`")
	}
	if p.Kind == Article && hasStep && m.Step < 1 {
		problems.Add(p.Source, m.Line("step"), 1, "step must be 1 or more (the first step is 1); an article off the guided path has no `step`")
	}
	if p.Kind != Worksheet {
		for _, k := range []string{"short", "minutes", "for", "article"} {
			if _, set := m.lines[k]; set {
				problems.Add(p.Source, m.Line(k), 1, "%q is for worksheets only: remove it", k)
			}
		}
		return
	}
	if m.Short != "" && !shortPattern.MatchString(m.Short) {
		problems.Add(p.Source, m.Line("short"), 1, "short %q: use lower-case letters, digits and dashes, like name-it", m.Short)
	}
	if m.For != "" {
		if _, ok := Audiences[m.For]; !ok {
			problems.Add(p.Source, m.Line("for"), 1, "for %q: expected %s", m.For, fields["for"].kind)
		}
	}
	if _, hasMinutes := m.lines["minutes"]; hasMinutes && m.Minutes < 1 {
		problems.Add(p.Source, m.Line("minutes"), 1, "minutes must be 1 or more: about how long the worksheet takes; leave `minutes` out if you cannot say")
	}
}

// loneCRToLF turns each carriage return that is not followed by a line
// feed (old Mac line ends) into a line feed, so that YAML, markdown and
// positions all count the same lines. Offsets do not move.
func loneCRToLF(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r")) {
		return data
	}
	out := bytes.Clone(data)
	for i, c := range out {
		if c == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// badUTF8 returns the line and column of the first byte that is not UTF-8.
func badUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

// ReadError is what went wrong reading a file, without the path, which the
// problem names already.
func ReadError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
