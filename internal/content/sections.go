package content

import (
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trustguide/guide/internal/layout"
)

// Sections: the order of a site's pages, the index pages the builder makes
// up for folders without an _index.md, and what each list page lists, in
// each language.

// sortPages puts pages in the site's order: by language, the default
// first, then by source.
func (s *Site) sortPages(pages []*Page) {
	if len(s.Langs) < 2 {
		sort.Slice(pages, func(i, j int) bool { return pages[i].Source < pages[j].Source })
		return
	}
	rank := make(map[string]int, len(s.Langs))
	for i, l := range s.Langs {
		rank[l.Code] = i
	}
	sort.Slice(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if a.Lang.Code != b.Lang.Code {
			return rank[a.Lang.Code] < rank[b.Lang.Code]
		}
		return a.Source < b.Source
	})
}

// addMissingSections makes an index page for every folder that has pages
// but no _index.md, so every breadcrumb leads somewhere.
func (s *Site) addMissingSections() {
	type folder struct {
		lang    layout.Lang
		section string
	}
	// Each language's counsellors' index is a published URL even before
	// any worksheet.
	var dirs []folder
	for _, l := range s.Langs {
		dirs = append(dirs, folder{l, layout.WorksheetsDir})
	}
	for _, p := range s.Pages {
		dirs = append(dirs, folder{p.Lang, p.Section})
	}
	for _, f := range dirs {
		for dir := f.section; dir != ""; dir = parentDir(dir) {
			src := f.lang.IndexSource(dir)
			if _, ok := s.BySource[src]; ok {
				continue
			}
			section, kind, _ := f.lang.Place(src)
			title := sectionTitle(path.Base(dir))
			made := &Page{Source: src, Lang: f.lang, Kind: kind, Section: section, Meta: Meta{Title: title, Description: title + "."}, Made: true}
			made.URL = f.lang.PageURL(section, kind, "")
			if _, taken := s.ByURL[made.URL]; taken {
				continue
			}
			s.BySource[src], s.ByURL[made.URL] = made, made
			s.Pages = append(s.Pages, made)
		}
	}
	s.sortPages(s.Pages)
}

// sectionTitle is the title of a folder's made-up index: its name with a
// capital and spaces for dashes ("étapes-1" gives "Étapes 1"), split by
// characters, not bytes, so that a first letter like é stays whole.
func sectionTitle(name string) string {
	first, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(first)) + strings.ReplaceAll(name[size:], "-", " ")
}

func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

// Lists returns, for each list page (home, sections, the worksheets
// index), the pages it lists: the pages of its folder and the sections
// directly below it, in no order (SortPages puts them in reading order).
func (s *Site) Lists() map[*Page][]*Page {
	type folder struct{ lang, section string }
	lists := map[*Page][]*Page{}
	bySection := map[folder]*Page{}
	for _, p := range s.Pages {
		if p.IsList() {
			lists[p], bySection[folder{p.Lang.Code, p.Section}] = nil, p
		}
	}
	for _, p := range s.Pages {
		var list *Page
		switch {
		case !p.IsList():
			list = bySection[folder{p.Lang.Code, p.Section}]
		case p.Kind != Home:
			list = bySection[folder{p.Lang.Code, parentDir(p.Section)}]
		}
		if list != nil && list != p {
			lists[list] = append(lists[list], p)
		}
	}
	return lists
}
