package content

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/trustguide/guide/internal/diag"
)

// Site is every page of a site, checked as a whole.
type Site struct {
	Config    Config
	Pages     []*Page          // every page, in source order
	BySource  map[string]*Page // "content/articles/x.md" → page
	ByURL     map[string]*Page // "/articles/x/" → page
	Path      []*Page          // the guided path: articles with a step, in order
	Resources []string         // other files under content/ (images...), copied as they are
}

// Options choose what a load includes.
type Options struct {
	Drafts bool // include pages marked draft
}

// Scan lists the markdown files and resources under content/. Problems are
// files that cannot be part of a site: symlinks that leave the root or loop.
func Scan(fsys fs.FS, problems *diag.List) (markdown, resources []string) {
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems.Add(p, 0, 0, "cannot read: %v", unwrapPathError(err))
			return nil
		}
		name := d.Name()
		if p != "content" && Ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				problems.Add(p, 0, 0, "this symlink leaves the site folder, loops or points nowhere: replace it with the file itself")
				return nil
			}
			if info.IsDir() {
				problems.Add(p, 0, 0, "symlinked folders are not followed: move the folder here instead")
				return nil
			}
		} else if d.IsDir() {
			return nil
		}
		switch {
		case p == ConfigPath || p == ManifestPath:
		case strings.HasSuffix(p, ".md"):
			markdown = append(markdown, p)
		default:
			resources = append(resources, p)
		}
		return nil
	})
	if err != nil {
		problems.Add("content", 0, 0, "cannot read the content folder: %v", unwrapPathError(err))
	}
	return markdown, resources
}

// Ignored reports whether a file or folder name is never part of a site:
// dot-files (vim's .x.swp, emacs's .#x lock, .DS_Store, .git) and editors'
// temporary, swap and backup files. The build skips them and the watcher
// does not rebuild for them.
func Ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // emacs auto-save
		name == "4913": // vim's probe for whether it may write in the folder
		return true
	}
	for _, suffix := range []string{
		"~",                    // backups: vim, emacs, gedit
		".swp", ".swx", ".swo", // vim swap
		".tmp",                         // many editors' atomic saves
		"___jb_tmp___", "___jb_old___", // JetBrains' safe write
	} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// Load reads and checks the whole content folder.
func Load(fsys fs.FS, opt Options) (*Site, diag.List) {
	var problems diag.List
	config := ReadConfig(fsys, &problems)
	markdown, resources := Scan(fsys, &problems)
	pages := ReadPages(fsys, markdown, &problems)
	site := Assemble(config, pages, resources, opt, &problems)
	return site, problems.Sort()
}

// ReadConfig reads content/site.yaml.
func ReadConfig(fsys fs.FS, problems *diag.List) Config {
	src, err := fs.ReadFile(fsys, ConfigPath)
	if err != nil {
		problems.Add(ConfigPath, 0, 0, "cannot read the site settings: %v; create it (see the README)", unwrapPathError(err))
		return Config{BaseURL: "/"}
	}
	return parseConfig(src, problems)
}

// ReadPages reads the given files in parallel; unusable ones are left out
// and their problems recorded.
func ReadPages(fsys fs.FS, sources []string, problems *diag.List) []*Page {
	pages := make([]*Page, len(sources))
	found := make([]diag.List, len(sources))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				pages[i] = ReadPage(fsys, sources[i], &found[i])
			}
		})
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	out := pages[:0]
	for i, p := range pages {
		problems.Append(found[i])
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// Assemble checks pages against each other (URLs, aliases, steps, short
// links) and orders them. pages need not be sorted.
func Assemble(config Config, pages []*Page, resources []string, opt Options, problems *diag.List) *Site {
	s := &Site{
		Config:    config,
		BySource:  make(map[string]*Page, len(pages)),
		ByURL:     make(map[string]*Page, len(pages)),
		Resources: resources,
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Source < pages[j].Source })
	for _, p := range pages {
		if p.Meta.Draft && !opt.Drafts {
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
	s.checkAliases(problems)
	s.checkWorksheets(problems)
	s.orderPath(problems)
	return s
}

// addMissingSections makes an index page for every folder that has pages
// but no _index.md, so every breadcrumb leads somewhere.
func (s *Site) addMissingSections() {
	// The counsellors' index is a published URL even before any worksheet.
	dirs := []string{"worksheets"}
	for _, p := range s.Pages {
		dirs = append(dirs, p.Section)
	}
	for _, section := range dirs {
		for dir := section; dir != ""; dir = parentDir(dir) {
			src := "content/" + dir + "/_index.md"
			if _, ok := s.BySource[src]; ok {
				continue
			}
			section, kind, _ := placeOf(src)
			title := path.Base(dir)
			title = strings.ToUpper(title[:1]) + strings.ReplaceAll(title[1:], "-", " ")
			made := &Page{Source: src, Kind: kind, Section: section, Meta: Meta{Title: title, Description: title + "."}, Made: true}
			made.URL = urlOf(made)
			if _, taken := s.ByURL[made.URL]; taken {
				continue
			}
			s.BySource[src], s.ByURL[made.URL] = made, made
			s.Pages = append(s.Pages, made)
		}
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].Source < s.Pages[j].Source })
}

func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

func (s *Site) checkAliases(problems *diag.List) {
	claimed := map[string]string{}
	for _, p := range s.Pages {
		for _, a := range p.Meta.Aliases {
			switch {
			case !strings.HasPrefix(a, "/") || strings.Contains(a, "..") || strings.ContainsAny(a, " \t#?"):
				problems.Add(p.Source, p.Meta.Line("aliases"), 1, "alias %q must be a site path like /old/path/", a)
			case s.ByURL[a] != nil || s.ByURL[a+"/"] != nil:
				problems.Add(p.Source, p.Meta.Line("aliases"), 1, "alias %s is the URL of a page that exists (%s): remove the alias", a, s.pageAt(a).Source)
			case claimed[a] != "":
				problems.Add(p.Source, p.Meta.Line("aliases"), 1, "alias %s is also claimed by %s: keep it on one page only", a, claimed[a])
			default:
				claimed[a] = p.Source
			}
		}
	}
}

func (s *Site) pageAt(u string) *Page {
	if p := s.ByURL[u]; p != nil {
		return p
	}
	return s.ByURL[u+"/"]
}

func (s *Site) checkWorksheets(problems *diag.List) {
	shorts := map[string]string{}
	for _, p := range s.Pages {
		if p.Kind != Worksheet {
			continue
		}
		m := p.Meta
		if m.Short != "" {
			if other, taken := shorts[m.Short]; taken {
				problems.Add(p.Source, m.Line("short"), 1, "short link /w/%s is already used by %s: choose another", m.Short, other)
			}
			shorts[m.Short] = p.Source
		}
		if m.Article != "" {
			target := s.BySource[path.Join(path.Dir(p.Source), m.Article)]
			if target == nil || target.Kind != Article {
				problems.Add(p.Source, m.Line("article"), 1, "article %q is not an article file: write a path like ../articles/acknowledge.md", m.Article)
			}
		}
	}
}

// ArticleOf returns the article a worksheet belongs to, or nil.
func (s *Site) ArticleOf(w *Page) *Page {
	if w.Meta.Article == "" {
		return nil
	}
	return s.BySource[path.Join(path.Dir(w.Source), w.Meta.Article)]
}

func (s *Site) orderPath(problems *diag.List) {
	steps := map[int]*Page{}
	for _, p := range s.Pages {
		if p.Kind != Article || p.Meta.Step == 0 {
			continue
		}
		if other := steps[p.Meta.Step]; other != nil {
			problems.Add(p.Source, p.Meta.Line("step"), 1, "step %d is also %s: give each step its own number", p.Meta.Step, other.Source)
			continue
		}
		steps[p.Meta.Step] = p
		s.Path = append(s.Path, p)
	}
	sort.Slice(s.Path, func(i, j int) bool { return s.Path[i].Meta.Step < s.Path[j].Meta.Step })
}

// Children returns the pages directly in a list page's section (for the
// home page: the top-level pages), in reading order: weight, then step,
// then title.
func (s *Site) Children(list *Page) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p == list {
			continue
		}
		if p.Section == list.Section && !p.IsList() ||
			p.IsList() && p.Kind != Home && parentDir(p.Section) == list.Section && p.Section != list.Section {
			out = append(out, p)
		}
	}
	SortPages(out)
	return out
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
