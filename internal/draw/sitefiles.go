package draw

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/plaintext"
)

// Entry is a page as the site-wide files list it.
type Entry struct {
	URL         string // site path
	Title       string
	Description string
	Kind        content.Kind
	Date        content.Date
	Updated     content.Date
	Text        string     // plain text of the body, for search
	Label       string     // what search results call the page ("worksheet"); "" for an article
	Alternates  []Hreflang // the page in each language, and x-default; none in a one-language site
}

// Hreflang is one language's version of a page, for the sitemap: Lang is
// its tag, or "x-default" for the version shown to other languages.
type Hreflang struct{ Lang, URL string }

// Redirect is one line of _redirects.
type Redirect struct{ From, To string }

func xmlText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Listed is what the sitemap and the feed say of one page, made once per
// page and joined by Sitemap and Feed.
type Listed struct {
	url     []byte // the sitemap's <url>
	entry   []byte // the feed's <entry>; nil when the feed leaves the page out
	changed string // the page's last change, for the feed's order
	path    string
}

// ListedOf makes what the sitemap and the feed say of a page, both written
// compact, as a minifier would leave them.
func ListedOf(baseURL string, e Entry) Listed {
	u := xmlText(Absolute(baseURL, e.URL))
	l := Listed{path: e.URL, changed: lastChange(e).Time}
	url := "<url><loc>" + u + "</loc>"
	if d := lastChange(e); !d.IsZero() {
		url += "<lastmod>" + d.Day + "</lastmod>"
	}
	for _, a := range e.Alternates {
		url += `<xhtml:link rel="alternate" hreflang="` + xmlText(a.Lang) + `" href="` + xmlText(Absolute(baseURL, a.URL)) + `"/>`
	}
	l.url = []byte(url + "</url>")
	if (e.Kind == content.Article || e.Kind == content.Worksheet) && !lastChange(e).IsZero() {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<entry><title>%s</title><link href=\"%s\"/><id>%s</id>", xmlText(e.Title), u, u)
		if !e.Date.IsZero() {
			fmt.Fprintf(&b, "<published>%s</published>", e.Date.Time)
		}
		fmt.Fprintf(&b, "<updated>%s</updated><summary>%s</summary></entry>", lastChange(e).Time, xmlText(e.Description))
		l.entry = b.Bytes()
	}
	return l
}

// Sitemap lists every page's full URL, in every language; a site of more
// than one language names each page's versions (xhtml:link).
func Sitemap(listed []Listed, languages bool) []byte {
	size := 256 // the head and the end
	for _, l := range listed {
		size += len(l.url)
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	if languages {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	} else {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	}
	for _, l := range listed {
		b.Write(l.url)
	}
	b.WriteString("</urlset>")
	return b.Bytes()
}

func lastChange(e Entry) content.Date {
	if !e.Updated.IsZero() {
		return e.Updated
	}
	return e.Date
}

// Feed is an Atom feed of one language's dated articles and worksheets,
// newest first; a site of more than one language says the feed's.
// Its own date is the newest entry's, never the build machine's clock, so
// the same sources give the same bytes.
func Feed(site *SiteView, listed []Listed) []byte {
	var dated []int // of listed; indexes: sorting moves less
	size := 1024    // the feed's head and end
	for i, l := range listed {
		if l.entry != nil {
			dated = append(dated, i)
			size += len(l.entry)
		}
	}
	slices.SortFunc(dated, func(i, j int) int {
		a, b := &listed[i], &listed[j]
		if c := strings.Compare(b.changed, a.changed); c != 0 {
			return c // newest first: RFC 3339 in UTC sorts in time order
		}
		if c := strings.Compare(a.path, b.path); c != 0 {
			return c
		}
		return cmp.Compare(i, j) // as listed: the same sources give the same bytes
	})
	updated := "2000-01-01T00:00:00Z"
	if len(dated) > 0 {
		updated = listed[dated[0]].changed
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>`)
	if len(site.Languages) > 1 {
		fmt.Fprintf(b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">`, xmlText(site.Language))
	} else {
		b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">`)
	}
	fmt.Fprintf(b, "<title>%s</title><subtitle>%s</subtitle>", xmlText(site.Title), xmlText(site.Description))
	home := xmlText(Absolute(site.BaseURL, site.Home))
	fmt.Fprintf(b, "<id>%s</id><link href=\"%s\"/><link rel=\"self\" href=\"%s\"/>",
		home, home, xmlText(Absolute(site.BaseURL, site.Feed)))
	fmt.Fprintf(b, "<updated>%s</updated><author><name>%s</name></author>", updated, xmlText(site.Title))
	for _, i := range dated {
		b.Write(listed[i].entry)
	}
	b.WriteString("</feed>")
	return b.Bytes()
}

// Robots allows everything and points to the sitemap.
//
// An author's own robots.txt (own, when not nil) is published as written,
// with the sitemap's address added when it names none.
func Robots(baseURL string, own []byte) []byte {
	sitemap := "Sitemap: " + Absolute(baseURL, layout.Sitemap) + "\n"
	if own == nil {
		return []byte("User-agent: *\nAllow: /\n\n" + sitemap)
	}
	for line := range strings.Lines(string(own)) {
		if name, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "sitemap") {
			return own
		}
	}
	out := bytes.TrimRight(own, "\n")
	if len(out) > 0 {
		out = append(bytes.Clone(out), "\n\n"...)
	}
	return append(out, sitemap...)
}

// Redirects writes Netlify's _redirects: permanent redirects, one per line,
// then, after every other rule, each language's not-found rule
// ("/fr/* /fr/404.html 404"), so that a missing page of a language shows
// that language's not-found page.
func Redirects(rules []Redirect, langs []layout.Lang) []byte {
	sort.Slice(rules, func(i, j int) bool { return rules[i].From < rules[j].From })
	lines := make([]netlify.Rule, 0, len(rules)+len(langs))
	for _, r := range rules {
		lines = append(lines, netlify.Rule{From: r.From, To: r.To, Status: http.StatusMovedPermanently})
	}
	for _, l := range langs {
		if misses := l.Misses(); misses != "" {
			lines = append(lines, netlify.Rule{From: misses, To: l.NotFound(), Status: http.StatusNotFound})
		}
	}
	return netlify.WriteRedirects(lines)
}

// searchRecord is one page in the search index, with short keys because the
// browser downloads the whole index.
type searchRecord struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Desc  string `json:"d"`
	Kind  string `json:"k"` // what to call the page in results: Kind.Label
	Text  string `json:"x"`
}

// searchTextLimit caps the text of a page in the search index: readers
// download the whole index, and titles, descriptions and a page's opening
// find what a guide's reader looks for.
const searchTextLimit = 800

// SearchRecord is one page's entry in the search index, as JSON.
func SearchRecord(e Entry) []byte {
	data, _ := json.Marshal(searchRecord{e.Title, e.URL, e.Description, e.Label, searchText(e.Text)})
	return data // strings only: Marshal cannot fail
}

// searchText is what a search record keeps of a page's text: its opening,
// cut at a space, on one line.
func searchText(text string) string {
	if len(text) > searchTextLimit {
		cut := strings.LastIndexByte(text[:searchTextLimit], ' ')
		if cut < 0 {
			cut = searchTextLimit
		}
		text = strings.ToValidUTF8(text[:cut], "")
	}
	return string(plaintext.Collapse([]byte(text)))
}

// SearchPartSize is how many pages one part of the search index holds. A
// large site's index comes in parts so that a rebuild after an edit makes
// one part again, not all of them.
const SearchPartSize = 1000

// SearchParts is a language's /search.json: the list of its index's parts,
// which the browser fetches and joins.
func SearchParts(lang layout.Lang, n int) []byte {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = lang.SearchPart(i)
	}
	data, _ := json.Marshal(parts)
	return data
}

// SearchIndex joins records into one JSON array.
func SearchIndex(records [][]byte) []byte {
	size := 2
	for _, r := range records {
		size += len(r) + 1
	}
	out := make([]byte, 0, size)
	out = append(out, '[')
	for i, r := range records {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, r...)
	}
	return append(out, ']')
}

// Absolute joins the site's base URL and a site path, %-encoding the path
// as the pages' own links are ("/café/" is "/caf%C3%A9/"), so that the
// sitemap, the feed, canonical links and QR codes name a page the same way.
func Absolute(baseURL, sitePath string) string {
	escaped := (&url.URL{Path: strings.TrimPrefix(sitePath, "/")}).EscapedPath()
	return strings.TrimSuffix(baseURL, "/") + "/" + escaped
}
