// Package render turns checked pages into HTML with the site's templates,
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
// Every template gets a View: .Site (settings and the guided path) and .Page.
// Functions: asset "css/site.css" gives the fingerprinted URL of a static
// file; absURL "/x/" gives the full URL on the published site.
package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/trustguide/guide/internal/diag"
)

// Dir is the templates folder under the site root.
const Dir = "templates"

// Kinds lists the page templates every site has.
var Kinds = []string{"home", "article", "worksheet", "worksheets", "section", "page", "404"}

// Optional lists the page templates a site may have: print.html draws
// /print/, the whole guide on one page, and a site without it has none.
var Optional = []string{"print"}

// Templates holds one parsed template set per kind of page.
type Templates struct {
	byKind map[string]*template.Template
}

// LoadTemplates parses templates/. funcs are the template functions; their
// values may be replaced per build with Funcs on a clone, but their names
// must be known at parse time.
func LoadTemplates(fsys fs.FS, funcs template.FuncMap, problems *diag.List) *Templates {
	names, err := fs.Glob(fsys, Dir+"/*.html")
	if err != nil || len(names) == 0 {
		problems.Add(Dir, 0, 0, "no templates found: the site needs templates/base.html and one file per kind of page")
		return nil
	}
	files := map[string]string{}
	var partials []string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems.Add(name, 0, 0, "cannot read: %v", err)
			continue
		}
		files[name] = string(data)
		if strings.HasPrefix(path.Base(name), "_") {
			partials = append(partials, name)
		}
	}
	sort.Strings(partials)
	base := Dir + "/base.html"
	if _, ok := files[base]; !ok {
		problems.Add(base, 0, 0, "missing: every page is drawn inside templates/base.html; create it")
		return nil
	}
	t := &Templates{byKind: map[string]*template.Template{}}
	for _, kind := range slices.Concat(Kinds, Optional) {
		page := Dir + "/" + kind + ".html"
		if _, ok := files[page]; !ok {
			if !slices.Contains(Optional, kind) {
				problems.Add(page, 0, 0, "missing: %s pages need this template; create it with {{define \"main\"}}...{{end}}", kind)
			}
			continue
		}
		set := template.New(path.Base(base)).Funcs(funcs)
		ok := true
		for _, name := range append([]string{base, page}, partials...) {
			t := set
			if name != base {
				t = set.New(path.Base(name))
			}
			if _, err := t.Parse(files[name]); err != nil {
				problems.Append(templateProblem(err, name))
				ok = false
				break
			}
		}
		if ok {
			t.byKind[kind] = set
		}
	}
	return t
}

// Lookup returns the template for a kind of page.
func (t *Templates) Lookup(kind string) (*template.Template, bool) {
	if t == nil {
		return nil, false
	}
	tmpl, ok := t.byKind[kind]
	return tmpl, ok
}

// templateMessage matches html/template's error text. The template packages
// report positions only inside their messages, so this is where they are
// read back: "template: x.html:12:5: executing ..." or
// "html/template:x.html:12:5: ...".
var templateMessage = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateProblem turns a template error into a diagnostic at the template's
// file and line. fallback names the file when the message has no position.
func templateProblem(err error, fallback string) diag.List {
	var l diag.List
	msg := err.Error()
	if m := templateMessage.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		l.Add(Dir+"/"+m[1], line, col, "%s", m[4])
		return l
	}
	l.Add(fallback, 0, 0, "%s", strings.TrimPrefix(msg, "template: "))
	return l
}

// ExecProblem reports a template execution error at the template's line.
func ExecProblem(err error) diag.Diagnostic {
	return templateProblem(err, Dir)[0]
}

// WhileDrawing joins template errors that many pages met into one each,
// naming the first page and how many others.
func WhileDrawing(failures map[diag.Diagnostic][]string) diag.List {
	var l diag.List
	for d, pages := range failures {
		sort.Strings(pages)
		others := ""
		if len(pages) > 1 {
			others = fmt.Sprintf(" and %d other pages", len(pages)-1)
		}
		d.Message = fmt.Sprintf("%s (while drawing %s%s)", d.Message, pages[0], others)
		l = append(l, d)
	}
	return l
}
