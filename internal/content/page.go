package content

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/markdown"
)

// Kind is what a page is, which decides its template and its place in
// lists (internal/layout decides it).
type Kind = layout.Kind

const (
	Home       = layout.Home
	Article    = layout.Article
	Worksheet  = layout.Worksheet
	Section    = layout.Section
	Worksheets = layout.Worksheets
	Plain      = layout.Plain
	NotFound   = layout.NotFound
	Print      = layout.Print
)

// Kinds lists every kind of page. Each is drawn with templates/<kind>.html.
var Kinds = []Kind{Home, Article, Worksheet, Worksheets, Section, Plain, NotFound, Print}

// Page is one markdown file, read and checked.
type Page struct {
	Source  string // root-relative: "content/articles/acknowledge.md"
	Lang    layout.Lang
	Kind    Kind
	Section string // folder under its language's: "articles", "" at the top, "a/b" nested
	Slug    string
	URL     string // "/articles/acknowledge/", "/fr/articles/reconnaitre/"
	Meta    Meta
	Body    []byte // the file with its front matter blanked out; positions match the file
	Made    bool   // made up by the builder: a folder's index without an _index.md
}

// IsList reports whether the page lists other pages (home and sections).
func (p *Page) IsList() bool { return p.Kind.IsList() }

// Key is the page's language-neutral key: its path in its language's
// folder, without ".md" ("worksheets/plan-an-apology").
func (p *Page) Key() string { return p.Lang.Key(p.Source) }

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
	return ParsePage(layout.Of(layout.Languages(fsys), src), src, data, problems)
}

// ParsePage checks the bytes of one markdown file of a language.
func ParsePage(lang layout.Lang, src string, data []byte, problems *diag.List) *Page {
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
		problems.Add(src, 1, 1, "%s", noFrontMatter(data))
		return nil
	}
	before := len(*problems)
	meta, readable := parseMeta(src, yamlText, !lang.IsDefault(), problems)
	if !readable {
		return nil
	}
	if meta.Title == "" && !meta.mistyped("title") {
		problems.Add(src, 1, 1, "the front matter needs a title: add `title: ...`")
	}
	if meta.Description == "" && !meta.mistyped("description") {
		problems.Add(src, 1, 1, "the front matter needs a description: add `description: ...` (one or two sentences)")
	}

	typography := markdown.Typography(lang.Tag)
	meta.Title, meta.Description = markdown.Plain(typography, meta.Title), markdown.Plain(typography, meta.Description)
	p := &Page{Source: src, Lang: lang, Meta: meta, Body: body}
	p.Section, p.Kind, p.Slug = lang.Place(src)
	p.Slug = slugOf(p, problems)
	p.URL = lang.PageURL(p.Section, p.Kind, p.Slug)
	checkKindKeys(p, problems)
	if len(*problems) > before {
		return nil
	}
	warnUpdatedBeforeDate(p, problems)
	return p
}

// warnUpdatedBeforeDate warns when a page says it was last changed before
// it was written: the feed and the sitemap would say so too.
func warnUpdatedBeforeDate(p *Page, problems *diag.List) {
	date, err1 := time.Parse(time.RFC3339, p.Meta.Date.Time)
	updated, err2 := time.Parse(time.RFC3339, p.Meta.Updated.Time)
	if err1 == nil && err2 == nil && updated.Before(date) {
		problems.Warn(p.Source, p.Meta.Line("updated"), 1, "updated %s is before date %s: updated is when the page last changed, so it comes after its date (or leave it out)",
			p.Meta.Updated.Day, p.Meta.Date.Day)
	}
}

// noFrontMatter says what is wrong when a file has no front matter: none at
// all, or an opening "---" line that no "---" line closes.
func noFrontMatter(data []byte) string {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if strings.TrimRight(string(first), " \r") == "---" {
		return "the front matter is not closed: add a line \"---\" after its last key, before the text"
	}
	return "missing front matter: the file must start with a line \"---\", then title: and description:, then \"---\""
}

// slugOf is the last part of a page's URL: its slug:, checked, or its file
// name, which must then make a URL.
func slugOf(p *Page, problems *diag.List) string {
	src, slug := p.Source, p.Meta.Slug
	switch {
	case slug == "" && !p.IsList() && !slugPattern.MatchString(p.Slug):
		problems.Add(src, 1, 1, "the file name %q cannot be a URL: rename it with letters, digits and dashes, or set `slug`", path.Base(src))
	case slug == "":
	case p.IsList():
		problems.Add(src, p.Meta.Line("slug"), 1, "an _index.md page takes its URL from its folder: remove `slug`")
	case !isURLName(slug) || strings.Contains(slug, ".."):
		problems.Add(src, p.Meta.Line("slug"), 1, "slug %q must be one word of letters, digits and dashes, with no / or ..", slug)
	case len(slug) > MaxName:
		problems.Add(src, p.Meta.Line("slug"), 1, "slug is %d bytes long, but a folder's name holds %d at most: shorten it", len(slug), MaxName)
	default:
		return norm.NFC.String(slug)
	}
	return p.Slug
}

// checkKindKeys rejects keys that belong to another kind of page, so that
// "short" on an article does not silently do nothing.
func checkKindKeys(p *Page, problems *diag.List) {
	m := p.Meta
	_, hasStep := m.lines["step"]
	if p.Kind != Article && hasStep {
		problems.Add(p.Source, m.Line("step"), 1, "only articles are steps on the guided path: remove `step`")
	}
	if p.Kind == Article && hasStep && m.Step < 1 && !m.mistyped("step") {
		problems.Add(p.Source, m.Line("step"), 1, "step must be 1 or more (the first step is 1); an article off the guided path has no `step`")
	}
	if p.Kind != Worksheet {
		if misplacedWorksheet(p, problems) {
			return
		}
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
	if _, hasMinutes := m.lines["minutes"]; hasMinutes && m.Minutes < 1 && !m.mistyped("minutes") {
		problems.Add(p.Source, m.Line("minutes"), 1, "minutes must be 1 or more: about how long the worksheet takes; leave `minutes` out if you cannot say")
	}
}

// misplacedWorksheet reports, once, a worksheet moved into a folder of
// worksheets/: a page of a section of its own, whose worksheet keys would
// each be "remove it", advice that would drop its published short link.
func misplacedWorksheet(p *Page, problems *diag.List) bool {
	if !strings.HasPrefix(p.Section, layout.WorksheetsDir+"/") {
		return false
	}
	first := 0
	for _, k := range []string{"short", "minutes", "for", "article"} {
		if _, set := p.Meta.lines[k]; set && (first == 0 || p.Meta.Line(k) < first) {
			first = p.Meta.Line(k)
		}
	}
	if first == 0 {
		return false
	}
	problems.Add(p.Source, first, 1, "a worksheet goes directly in %s/, and this file is in %s/, a folder of its own, so it is not one: "+
		"move it up to keep it a worksheet, with its short link; if it is not a worksheet, remove short, minutes, for and article",
		p.Lang.Source(layout.WorksheetsDir), p.Lang.Source(p.Section))
	return true
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

// draftsLast is pages with the drafts after the rest, each part in its
// order.
func draftsLast(pages []*Page) []*Page {
	out := make([]*Page, 0, len(pages))
	for _, draft := range []bool{false, true} {
		for _, p := range pages {
			if p.Meta.Draft == draft {
				out = append(out, p)
			}
		}
	}
	return out
}
