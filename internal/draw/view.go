package draw

import (
	"fmt"
	"html/template"
	"io"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
)

// View is what every template gets.
type View struct {
	Site  Site
	Page  *PageView
	Parts map[string]template.HTML // the site parts, drawn (see the package doc)
}

// Site is the site as one page's view sees it: its language's view, and
// the guided path's steps, read through the page's Reader only when a
// template shows them (a builder draws the page again only when what it
// read changed, so a step's title edit draws the pages that show the path).
type Site struct {
	*SiteView
	reader Reader
}

// SiteOf is the site as a page that reads the rest of the site through r
// sees it.
func SiteOf(site *SiteView, r Reader) Site { return Site{SiteView: site, reader: r} }

// Path is the guided path, in order; each step's Step is 1..N.
func (s Site) Path() []Link { return s.reader.Path(s.Lang) }

// SiteView is the site's settings and the guided path's pages.
type SiteView struct {
	Title       string
	Language    string     // its tag, from site.yaml: "en-CA", "fr-CA"
	Lang        string     // its code: "en", "fr"
	Home        string     // the language's home page: "/", "/fr/"
	Feed        string     // its feed: "/feed.xml", "/fr/feed.xml"
	Search      string     // the list of its search index's parts: "/search.json"
	Languages   []Language // every language of the site, the default first; none when there is one
	Description string
	BaseURL     string // ends in "/"
	QuickExit   string
	Crisis      []Crisis
	Menu        []MenuItem
	steps       []string // the URLs of the guided path's pages, in order: their links are read (Site.Path)
	Worksheets  int      // how many worksheets the site has
	Worker      string   // the service worker pages register ("/sw.js"); "" under guide serve
}

// Language is one edition of the site, as pages name it.
type Language struct {
	layout.Lang        // Code "fr", Tag "fr-CA"
	Home        string // its home page: "/fr/"
}

// Alternate is a page in one language: the page itself, its translation,
// or, where it has none, that language's home page.
type Alternate struct {
	Language
	URL        string
	Translated bool // URL is the page in that language, not its home page
	Current    bool // the language of the page shown
	Default    bool // the default language: its version is x-default
}

// Crisis is a place to get help now. Href is a tel:, sms: or web link,
// checked when site.yaml is read (html/template would otherwise refuse tel:).
type Crisis struct {
	Name, Detail string
	Href         template.URL
}

// MenuItem is an entry of the main menu. Href is a site path or a link
// checked when site.yaml is read (html/template would refuse tel:).
type MenuItem struct {
	Title   string
	Href    template.URL
	Current string // on a page's own menu: "page" for the page itself, "true" for its section, else ""
}

// Link is a page as other pages refer to it.
type Link struct {
	Title       string
	URL         string // site path: "/articles/acknowledge/"
	Description string
	Step        int // place on the guided path, or 0
}

// PageView is the page being drawn.
type PageView struct {
	Kind        content.Kind
	Lang        string      // the page's language tag: "fr-CA"
	Key         string      // the page alike in every language: its path in its language's folder, without .md ("worksheets/plan-an-apology"); answers are kept by it
	OldKeys     []string    // a worksheet's keys before it was renamed, from its aliases: answers kept by them follow it
	Alternates  []Alternate // the page in each language, in the site's order; none in a one-language site
	Title       string
	Description string
	URL         string // site path
	Permalink   string // full URL on the published site
	Body        template.HTML
	TOC         []Heading // second- and third-level headings
	Minutes     int       // reading time
	Date        string
	Updated     string
	Tags        []string
	Breadcrumbs []Link     // from the home page to the parent of this page
	Menu        []MenuItem // the site's menu, with the entry of this page or its section marked

	Step, Steps int   // "step 2 of 7" on the guided path; Step 0 when off the path
	Prev, Next  *Link // neighbours on the guided path

	Children   []Link      // list pages: the pages in the section
	Worksheets []Worksheet // an article's worksheets; every worksheet on the index
	Article    *Link       // a worksheet's article
	Worksheet  *Worksheet  // a worksheet page's own details
	IsForm     bool        // the body has worksheet fields
	Forget     bool        // shows "Forget this site on this device" (front matter forget: true)
	Chapters   []Chapter   // the print view: every article, the guided path first
}

// Chapter is one article in the print view of the whole guide.
type Chapter struct {
	Link                     // the article
	ID         string        // of its section in the print view
	Body       template.HTML // its body, its ids and links made to sit beside the others
	Worksheets []Worksheet   // the article's worksheets, to find on paper by their short links
}

// Heading is an entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// WorksheetInfo is what a counsellor needs to know about a worksheet.
type WorksheetInfo struct {
	Link
	Key      string   // as PageView.Key: kept answers are found by it
	OldKeys  []string // as PageView.OldKeys
	Minutes  int
	For      string // "both", "hurt-partner", "partner-who-broke-trust", "alone"
	ForLabel string // the words readers see
	Short    string // "name-it"
	ShortURL string // full short URL: "https://example.org/w/name-it"
	// OtherShorts are the other short names that lead to it: those it had
	// before, kept as aliases, and its translations', so that a packet link
	// made before a short changed, or in another language, names it.
	OtherShorts []string
	QR          template.HTML
	// ArticleURL is the site path of the article it goes with, or "":
	// the article itself is read only when a template asks (Worksheet).
	ArticleURL string
}

// Worksheet is a worksheet as a view shows it: its details, and the
// article it goes with, looked up only when a template asks for it, so that
// a page that never shows the article does not read it (a builder draws it
// again only when what it read changed).
type Worksheet struct {
	*WorksheetInfo
	article func() *Link
}

// Article is the article the worksheet goes with, or nil.
func (w Worksheet) Article() *Link { return w.article() }

// Execute draws one page with the template of its kind.
func (t *Templates) Execute(w io.Writer, v *View) error {
	tmpl, ok := t.Lookup(v.Page.Kind)
	if !ok {
		return fmt.Errorf("there is no template for %s pages", v.Page.Kind) // an optional kind the site left out
	}
	return tmpl.Execute(w, v)
}
