// Package draw turns checked pages into HTML with the site's templates,
// and makes the site-wide files: sitemap, feed, robots.txt, _redirects and
// the search index.
//
// # Templates
//
// templates/base.html is the layout of every page; it calls
// {{block "main" .}}. Each kind of page has a file that defines "main":
// home.html, article.html, worksheet.html, worksheets.html (the counsellors'
// index), section.html, page.html and 404.html; print.html, if present,
// draws /print/, every article on one page (PageView.Chapters). Files whose
// names start with "_" are partials, available to every page: {{template "_toc.html" .}}.
//
// Every template gets a View: .Site (its language's settings and guided
// path, .Site.Path, read only when a template shows it) and .Page. Each language's pages are drawn with their own parse of
// the templates, whose functions speak that language. Functions: asset
// "css/site.css" gives the fingerprinted URL of a static file; absURL "/x/"
// gives the full URL on the published site; href "/safety/" the site path
// in the page's language ("/fr/safety/"); date "2026-03-02" the day as the
// language writes it ("2 mars 2026"); t "nav.skip" gives a string of
// templates/i18n/<lang>.yaml, and scriptStrings the strings a page's
// scripts show (see internal/i18n). _lang-switch.html, under the header,
// leads to the page in each other language (.Page.Alternates).
//
// # Site parts
//
// Partials named _site-<name>.html are the parts every page shows alike: the
// header, the footer. A site part may read .Site, .Page.Kind and .Page.Menu,
// and nothing else of the page; it is drawn once per build for each kind of
// page and state of the menu, and a page template includes it finished as
// {{.Parts.<name>}}: {{.Parts.footer}} is _site-footer.html.
package draw

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
)

// Dir is the templates folder under the site root.
const Dir = "templates"

// Templates holds one parsed template set per kind of page
// (content.Kinds): templates/<kind>.html with base.html and the partials,
// minified for drawing, and as written, to report problems at their place.
type Templates struct {
	byKind  map[content.Kind]*template.Template
	written map[content.Kind]*template.Template
	parts   []string          // the site parts' names
	files   map[string]string // each file's text as written, by path
}

// Minify minifies the text of a template, actions and all, or fails.
type Minify func(text string) (string, error)

// LoadTemplates parses templates/ with the given template functions. Pages
// are drawn from the templates minified by minify, so that the page needs
// no minifying of its own; problems are found in them as written. It
// returns nil when any template has a problem: no page can then be drawn,
// and the problems say why, once each. A site without the template of an
// optional kind (print.html) has no page of that kind.
func LoadTemplates(fsys fs.FS, funcs template.FuncMap, minify Minify, problems *diag.List) *Templates {
	before := len(*problems)
	files, partials := readTemplates(fsys, problems)
	if files == nil {
		return nil
	}
	small := map[string]string{}
	for name, text := range files {
		if m, err := minify(text); err == nil {
			small[name] = m
		} else {
			small[name] = text // drawn as written; the page is still right, only larger
		}
	}
	t := &Templates{byKind: map[content.Kind]*template.Template{}, written: map[content.Kind]*template.Template{}, files: files}
	for _, p := range partials {
		if name, ok := strings.CutPrefix(path.Base(p), "_site-"); ok {
			t.parts = append(t.parts, strings.TrimSuffix(name, ".html"))
		}
	}
	reported := map[diag.Diagnostic]bool{} // base.html and partials are in every set: say each problem once
	for _, kind := range content.Kinds {
		page := Dir + "/" + string(kind) + ".html"
		if _, ok := files[page]; !ok {
			if !kind.Optional() {
				problems.Add(page, 0, 0, "missing: %s pages need this template; create it with {{define \"main\"}}...{{end}}", kind)
			}
			continue
		}
		names := append([]string{Dir + "/base.html", page}, partials...)
		written, err := parseSet(funcs, files, names)
		if err != nil {
			if d := withColumn(problemIn(written, err), files); !reported[d] {
				reported[d] = true
				problems.Append(diag.List{d})
			}
			continue
		}
		t.written[kind], t.byKind[kind] = written, written
		if set, err := parseSet(funcs, small, names); err == nil {
			t.byKind[kind] = set
		}
	}
	if len(*problems) > before {
		return nil
	}
	return t
}

// readTemplates reads the templates' files, by name, and lists the
// partials in order. It returns nil files when there is no base template.
func readTemplates(fsys fs.FS, problems *diag.List) (files map[string]string, partials []string) {
	names, err := fs.Glob(fsys, Dir+"/*.html")
	if err != nil || len(names) == 0 {
		problems.Add(Dir, 0, 0, "no templates found: the site needs templates/base.html and one file per kind of page")
		return nil, nil
	}
	files = map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems.Add(name, 0, 0, "cannot read: %v", unwrap(err))
			continue
		}
		// A byte order mark, which some Windows editors write, would start every page.
		files[name] = strings.TrimPrefix(string(data), "\uFEFF")
		if strings.HasPrefix(path.Base(name), "_") {
			partials = append(partials, name)
		}
	}
	sort.Strings(partials)
	if _, ok := files[Dir+"/base.html"]; !ok {
		problems.Add(Dir+"/base.html", 0, 0, "missing: every page is drawn inside templates/base.html; create it")
		return nil, nil
	}
	return files, partials
}

// LinkPosition finds where a template writes the link target as an
// attribute's whole value (href="/x/", src='/y.png'), to report a problem
// with it there: the first such place, by file name.
func (t *Templates) LinkPosition(target string) (file string, line, col int, ok bool) {
	names := make([]string, 0, len(t.files))
	for name := range t.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := t.files[name]
		for _, quote := range []string{`"`, `'`} {
			if i := strings.Index(text, "="+quote+target+quote); i >= 0 {
				line, col := positionOf(text, i+2)
				return name, line, col, true
			}
		}
	}
	return "", 0, 0, false
}

// positionOf is the line and column, counted in characters, of the byte
// at offset in text.
func positionOf(text string, offset int) (line, col int) {
	before := text[:offset]
	start := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[start:]) + 1
}

// Parts lists the site parts: "footer" for _site-footer.html.
func (t *Templates) Parts() []string { return t.parts }

// DrawPart draws the site part name for the page of v.
func (t *Templates) DrawPart(w io.Writer, name string, v *View) error {
	set, ok := t.Lookup(v.Page.Kind)
	if !ok {
		return fmt.Errorf("there is no template for %s pages", v.Page.Kind)
	}
	return set.ExecuteTemplate(w, partFile(name), partView(v))
}

// PartProblem reports an error met drawing a site part where the author
// wrote it.
func (t *Templates) PartProblem(name string, v *View, err error) diag.Diagnostic {
	set := t.written[v.Page.Kind]
	if set == nil {
		return diag.Diagnostic{Path: Dir + "/" + partFile(name), Message: err.Error()}
	}
	if asWritten := set.ExecuteTemplate(io.Discard, partFile(name), partView(v)); asWritten != nil {
		err = asWritten
	}
	return problemIn(set, err)
}

// partView is what a site part is given of a page: its kind and its menu.
func partView(v *View) *View {
	return &View{Site: v.Site, Page: &PageView{Kind: v.Page.Kind, Menu: v.Page.Menu}}
}

func partFile(name string) string { return "_site-" + name + ".html" }

// parseSet parses the files of one kind of page into one template set,
// and escapes it, so that a template that would write broken HTML is
// reported now rather than on every page.
func parseSet(funcs template.FuncMap, files map[string]string, names []string) (*template.Template, error) {
	set := template.New(path.Base(names[0])).Funcs(funcs)
	for i, name := range names {
		t := set
		if i > 0 {
			t = set.New(path.Base(name))
		}
		if _, err := t.Parse(files[name]); err != nil {
			return set, err
		}
	}
	// Executing escapes the whole set first; with no data it then stops at
	// the first field it reads, which is not a problem of the templates.
	err := set.Execute(io.Discard, nil)
	if escaping := (*template.Error)(nil); errors.As(err, &escaping) {
		return set, err
	}
	return set, nil
}

// Lookup returns the template for a kind of page.
func (t *Templates) Lookup(kind content.Kind) (*template.Template, bool) {
	if t == nil {
		return nil, false
	}
	tmpl, ok := t.byKind[kind]
	return tmpl, ok
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
