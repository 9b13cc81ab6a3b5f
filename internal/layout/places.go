package layout

import (
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Kind is what a page is, which decides its template and its place in lists.
type Kind string

const (
	Home       Kind = "home"       // _index.md of a language's folder
	Article    Kind = "article"    // articles/*.md
	Worksheet  Kind = "worksheet"  // worksheets/*.md
	Section    Kind = "section"    // a folder's _index.md (made up when missing)
	Worksheets Kind = "worksheets" // worksheets/_index.md: the counsellors' index
	Plain      Kind = "page"       // anything else
	NotFound   Kind = "404"        // /404.html, made by the builder
	Print      Kind = "print"      // /print/, the whole guide on one page, made by the builder
)

// The folders whose pages are of a kind of their own, in every language.
const (
	ArticlesDir   = "articles"
	WorksheetsDir = "worksheets"
	indexFile     = "_index.md"
)

// IsList reports whether pages of this kind list other pages.
func (k Kind) IsList() bool { return k == Home || k == Section || k == Worksheets }

// Place derives a page's section, kind and default slug from its path in
// its language's folder. Letters are taken in one form (NFC: é as one
// character, as keyboards type it), whatever form the disk keeps the name
// in (macOS once kept é as e and an accent), so that the URL is the same
// everywhere.
func (l Lang) Place(src string) (section string, kind Kind, slug string) {
	rel := norm.NFC.String(l.Rel(src))
	dir, file := path.Split(rel)
	section = strings.TrimSuffix(dir, "/")
	slug = strings.TrimSuffix(file, ".md")
	switch {
	case rel == indexFile:
		return "", Home, ""
	case file == indexFile && section == WorksheetsDir:
		return section, Worksheets, ""
	case file == indexFile:
		return section, Section, ""
	case section == ArticlesDir:
		return section, Article, slug
	case section == WorksheetsDir:
		return section, Worksheet, slug
	}
	return section, Plain, slug
}

// IndexSource is the path of a section's _index.md in the language.
func (l Lang) IndexSource(section string) string {
	return l.Source(path.Join(section, indexFile))
}

// PageURL is the URL of a page: its language's prefix, its section's
// folders, and its slug unless it is a list: "/fr/articles/x/".
func (l Lang) PageURL(section string, kind Kind, slug string) string {
	parts := []string{}
	if section != "" {
		parts = append(parts, section)
	}
	if !kind.IsList() {
		parts = append(parts, slug)
	}
	if len(parts) == 0 {
		return l.Home()
	}
	return l.Prefix + "/" + strings.Join(parts, "/") + "/"
}

// Home is the language's home page: "/" or "/fr/".
func (l Lang) Home() string { return l.Prefix + "/" }

// NotFound is the language's not-found page, served for missing addresses.
func (l Lang) NotFound() string { return l.Prefix + "/404.html" }

// Print is the whole guide on one page, to print.
func (l Lang) Print() string { return l.Prefix + "/print/" }

// Feed is the language's Atom feed.
func (l Lang) Feed() string { return l.Prefix + "/feed.xml" }

// SearchList is the list of the language's search index's parts.
func (l Lang) SearchList() string { return l.Prefix + "/search.json" }

// SearchPart is the i-th part of the language's search index.
func (l Lang) SearchPart(i int) string { return l.Prefix + "/search/" + strconv.Itoa(i) + ".json" }

// Misses is the address pattern of the language's missing pages, for a
// not-found rule: "/fr/*"; "" for the default language, whose not-found
// page the host serves anyway.
func (l Lang) Misses() string {
	if l.IsDefault() {
		return ""
	}
	return l.Prefix + "/*"
}

// Sitemap is the one sitemap, of every language.
const Sitemap = "/sitemap.xml"

// ShortPrefix starts every short link: one namespace over all languages.
const ShortPrefix = "/w/"

// Short is a worksheet's short link: "/w/name-it".
func Short(name string) string { return ShortPrefix + name }

// OutputPath is the file a page URL is served from:
// "/articles/x/" → "articles/x/index.html", "/404.html" → "404.html".
func OutputPath(url string) string {
	if url == "" || url[len(url)-1] != '/' {
		return strings.TrimPrefix(url, "/")
	}
	return url[1:] + "index.html"
}

// FileOf is the output path of a file beside the pages: the same place
// under the site as under content/ ("content/fr/x.png" → "fr/x.png").
func FileOf(src string) string { return strings.TrimPrefix(src, Root+"/") }

// MadeSource names a page the builder makes for the language (the 404
// page, the print view) by the template it is drawn with, as if it were a
// file: "templates/404.html" in English, "templates/404.html@fr" in French,
// so that each language's has its own.
func (l Lang) MadeSource(template string) string {
	if l.IsDefault() {
		return template
	}
	return template + "@" + l.Code
}

// SourceFile is the file a page's source names: the template of a page
// the builder makes ("templates/404.html@fr" → "templates/404.html"), or
// the source itself.
func SourceFile(src string) string {
	if template, _, made := strings.Cut(src, "@"); made && strings.HasPrefix(src, "templates/") {
		return template
	}
	return src
}

// Optional reports whether a site may go without pages of this kind, and
// so without its template: only the print view.
func (k Kind) Optional() bool { return k == Print }

// LabelKey is the string that names a page of this kind in search results
// ("kind.worksheet"), or "" for articles, which most pages are.
func (k Kind) LabelKey() string {
	if k == Article {
		return ""
	}
	return "kind." + string(k)
}

// Path is a site path in the language: "/safety/" is "/fr/safety/" in
// French, and itself in the default language.
func (l Lang) Path(sitePath string) string { return l.Prefix + sitePath }
