package content

import (
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
)

// Site is every page of a site, in every language, checked as a whole.
type Site struct {
	Config   Config             // the default language's settings
	Langs    []layout.Lang      // the default language first
	Configs  map[string]Config  // each language's settings, by code
	Pages    []*Page            // every page, by language, then in source order
	BySource map[string]*Page   // "content/articles/x.md" → page
	ByURL    map[string]*Page   // "/articles/x/" → page
	paths    map[string][]*Page // each language's guided path: articles with a step, in order

	byArticle map[*Page][]*Page // each article's worksheets, in reading order

	// Pages left out, by source: drafts (in a build without drafts), and
	// files that could not be read as pages, whose problems are reported
	// already. Whatever depends on them says nothing more of them.
	Drafts, Unreadable map[string]bool
}

// Missing says why the page file src is not part of the site: "draft",
// "unreadable", or "" when there is no such page at all.
func (s *Site) Missing(src string) string {
	switch {
	case s.Drafts[src]:
		return "draft"
	case s.Unreadable[src]:
		return "unreadable"
	}
	return ""
}

// Options choose what a load includes.
type Options struct {
	Drafts bool // include pages marked draft
}

// ReadConfig reads a language's site.yaml (content/site.yaml in English).
func ReadConfig(fsys fs.FS, lang layout.Lang, problems *diag.List) Config {
	name := lang.Settings()
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		problems.Add(name, 0, 0, "cannot read the site settings: %v; create it (see the README)", ReadError(err))
		return Config{BaseURL: "/"}
	}
	return parseConfig(name, src, problems)
}

// PathOf is a language's guided path: its articles with a step, in order.
func (s *Site) PathOf(lang layout.Lang) []*Page { return s.paths[lang.Code] }

// Assemble checks pages against each other (URLs, aliases, steps, short
// links) and orders them. langs are the site's languages, the default
// first, and configs their settings by code; pages need not be sorted;
// unreadable lists the page files that could not be read.
func Assemble(langs []layout.Lang, configs map[string]Config, pages []*Page, unreadable []string, opt Options, problems *diag.List) *Site {
	s := &Site{
		Config:     configs[langs[0].Code],
		Langs:      langs,
		Configs:    configs,
		BySource:   make(map[string]*Page, len(pages)),
		ByURL:      make(map[string]*Page, len(pages)),
		Drafts:     map[string]bool{},
		Unreadable: map[string]bool{},
	}
	for _, src := range unreadable {
		s.Unreadable[src] = true
	}
	s.sortPages(pages)
	for _, p := range pages {
		if p.Meta.Draft && !opt.Drafts {
			s.Drafts[p.Source] = true
			continue
		}
		if other, taken := s.ByURL[p.URL]; taken {
			problems.Add(p.Source, p.Meta.Line("slug"), 1, "this page's URL %s is already used by %s: change its slug or file name", p.URL, other.Source)
			continue
		}
		s.ByURL[p.URL] = p
		s.BySource[p.Source] = p
		s.Pages = append(s.Pages, p)
	}
	s.addMissingSections()
	s.checkAddresses(problems)
	s.checkAliasLanguages(problems)
	s.checkWorksheets(problems)
	s.groupWorksheets()
	s.orderPath(problems)
	return s
}

// checkAddresses checks every address a redirect will answer: each alias
// and short link is a plain site path, and no two things claim one address
// (Netlify would pick one of them; a printed QR code must always lead to
// the same page).
func (s *Site) checkAddresses(problems *diag.List) {
	claimed := map[string]string{} // address key → what claims it, for messages
	for _, p := range s.Pages {
		claimed[addressKey(p.URL)] = "the address of " + p.Source
	}
	for _, p := range draftsLast(s.Pages) { // a clash with a new draft is the draft's to mend
		m := p.Meta
		if p.Kind != Worksheet || m.Short == "" {
			continue
		}
		short := layout.Short(m.Short)
		if other, taken := claimed[addressKey(short)]; taken {
			problems.Add(p.Source, m.Line("short"), 1, "short link %s is already %s: choose another", short, other)
			continue
		}
		claimed[addressKey(short)] = "the short link of " + p.Source
	}
	for _, p := range s.Pages {
		for i, a := range p.Meta.Aliases {
			line, col := p.Meta.AliasPosition(i)
			if problem := SitePathProblem(a); problem != "" {
				problems.Add(p.Source, line, col, "alias %q: %s", a, problem)
				continue
			}
			if other, taken := claimed[addressKey(a)]; taken {
				problems.Add(p.Source, line, col, "alias %s is already %s: an address can lead to one page only, so remove this alias", a, other)
				continue
			}
			claimed[addressKey(a)] = "an alias of " + p.Source
		}
	}
}

func (s *Site) checkWorksheets(problems *diag.List) {
	for _, p := range s.Pages {
		if p.Kind != Worksheet || p.Meta.Article == "" {
			continue
		}
		m := p.Meta
		src := s.articleSource(p)
		target := s.BySource[src]
		switch {
		case target == nil && s.Missing(src) == "draft":
			problems.Add(p.Source, m.Line("article"), 1, "article %q is a draft, left out of this build: build with -drafts to include both, or publish the article first", m.Article)
		case target == nil && s.Missing(src) == "unreadable":
			// The article's own problems say why; nothing to add here.
		case target == nil || target.Kind != Article:
			problems.Add(p.Source, m.Line("article"), 1, "article %q is not an article file: write a path like ../articles/acknowledge.md", m.Article)
		}
	}
}

// groupWorksheets finds each article's worksheets.
func (s *Site) groupWorksheets() {
	s.byArticle = map[*Page][]*Page{}
	for _, w := range s.Pages {
		if a := s.ArticleOf(w); a != nil && a.Kind == Article && a.Lang.Code == w.Lang.Code {
			s.byArticle[a] = append(s.byArticle[a], w)
		}
	}
	for _, list := range s.byArticle {
		SortPages(list)
	}
}

// ArticleOf returns the article a worksheet belongs to, or nil: in a
// translation, the article's translation, else the article itself in the
// default language.
func (s *Site) ArticleOf(w *Page) *Page {
	if w.Meta.Article == "" {
		return nil
	}
	return s.BySource[s.articleSource(w)]
}

// articleSource is the file of a worksheet's article (see ArticleOf).
func (s *Site) articleSource(w *Page) string {
	src := path.Join(path.Dir(w.Source), w.Meta.Article)
	if s.BySource[src] != nil || s.Missing(src) != "" || w.Lang.IsDefault() || len(s.Langs) == 0 {
		return src
	}
	return layout.Pair(w.Lang, s.Langs[0], src)
}

// orderPath orders each language's guided path.
func (s *Site) orderPath(problems *diag.List) {
	type step struct {
		lang string
		n    int
	}
	steps := map[step]*Page{}
	s.paths = map[string][]*Page{}
	for _, p := range s.Pages {
		if p.Kind != Article || p.Meta.Step == 0 {
			continue
		}
		at := step{p.Lang.Code, p.Meta.Step}
		if other := steps[at]; other != nil {
			problems.Add(p.Source, p.Meta.Line("step"), 1, "step %d is also %s: give each step its own number", p.Meta.Step, other.Source)
			continue
		}
		steps[at] = p
		s.paths[at.lang] = append(s.paths[at.lang], p)
	}
	for _, path := range s.paths {
		sort.Slice(path, func(i, j int) bool { return path[i].Meta.Step < path[j].Meta.Step })
	}
}

// WorksheetsOf returns the worksheets that belong to an article, in
// reading order.
func (s *Site) WorksheetsOf(article *Page) []*Page {
	if article.Kind != Article {
		return nil
	}
	return s.byArticle[article]
}

// SortPages orders pages by weight, step, title and source.
func SortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i].Meta, pages[j].Meta
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if a.Step != b.Step {
			return a.Step < b.Step
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return pages[i].Source < pages[j].Source
	})
}

// Replace returns a copy of the site in which each page of with takes the
// place of the page of the same source. Each must take the same place in
// a site as the page it replaces (SamePlace): then the copy is the site
// Assemble would make, problems and all. s itself is not changed.
func (s *Site) Replace(with []*Page) *Site {
	c := *s
	c.Pages = slices.Clone(s.Pages)
	c.paths = make(map[string][]*Page, len(s.paths))
	c.BySource, c.ByURL = maps.Clone(s.BySource), maps.Clone(s.ByURL)
	by := map[*Page]*Page{}
	for _, p := range with {
		by[s.BySource[p.Source]] = p
		c.BySource[p.Source], c.ByURL[p.URL] = p, p
	}
	swap := func(list []*Page) {
		for i, p := range list {
			if n := by[p]; n != nil {
				list[i] = n
			}
		}
	}
	swap(c.Pages)
	for lang, path := range s.paths {
		c.paths[lang] = slices.Clone(path)
		swap(c.paths[lang])
	}
	c.byArticle = make(map[*Page][]*Page, len(s.byArticle))
	for a, ws := range s.byArticle {
		if n := by[a]; n != nil {
			a = n
		}
		ws = slices.Clone(ws)
		swap(ws)
		SortPages(ws) // a title may have changed
		c.byArticle[a] = ws
	}
	return &c
}

// SamePlace reports whether a new parse of a page file takes the same place
// in a site as the page of the same source: the same URL, kind and front
// matter but for its title and description (which only order a list, and
// Replace orders it again), and any body.
func (s *Site) SamePlace(p *Page) bool {
	old := s.BySource[p.Source]
	if old == nil {
		return false
	}
	a, b := *old, *p
	a.Body, b.Body = nil, nil
	a.Meta.Title, b.Meta.Title = "", ""
	a.Meta.Description, b.Meta.Description = "", ""
	return reflect.DeepEqual(a, b)
}
