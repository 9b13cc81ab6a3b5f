package linkcheck

import (
	"fmt"
	"net/url"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/output"
)

// Reporter turns broken links of the output into problems for the author,
// each cause once.
type Reporter struct {
	// Known reports whether a link of an output file was reported already,
	// where the author wrote it in markdown.
	Known func(file, target string) bool
	// Source names the source an output file was made from.
	Source func(file string) string
	// Written finds where a link of the settings (the menu, the crisis
	// list) or of a template is written, to report it there.
	Written func(target string) (path string, line, col int, ok bool)
}

// Report says what is wrong with the broken links: a link many pages share
// (from a template or the menu) is one problem, naming the first page and
// how many others.
func (r Reporter) Report(broken []Broken) diag.List {
	var order []string
	pagesWith := map[string][]string{}
	reasons := map[string]string{}
	for _, bad := range broken {
		if r.Known(bad.File, bad.Target) {
			continue
		}
		src := r.Source(bad.File)
		if src == "" {
			src = bad.File
		}
		if pagesWith[bad.Target] == nil {
			order = append(order, bad.Target)
		}
		pagesWith[bad.Target] = append(pagesWith[bad.Target], src)
		reasons[bad.Target] = bad.Reason
	}
	var problems diag.List
	for _, target := range order {
		if path, line, col, ok := r.Written(Unescape(target)); ok {
			problems.Add(path, line, col, "%s leads nowhere: %s; link to a page of the site", target, reasons[target])
			continue
		}
		srcs := pagesWith[target]
		others := ""
		if len(srcs) > 1 {
			others = fmt.Sprintf(" (and %d other pages: the link is in templates/ or the menu of site.yaml)", len(srcs)-1)
		}
		problems.Add(srcs[0], 1, 1, "the page links to %s, which leads nowhere: %s%s", target, reasons[target], others)
	}
	return problems
}

// Unescape undoes the %-codes of a link, so that links compare as authors
// wrote them.
func Unescape(link string) string {
	if plain, err := url.PathUnescape(link); err == nil {
		return plain
	}
	return link
}

// CheckWritten checks a link an author wrote in markdown as a site URL
// ("/worksheets/", "../x/#why"), from the output file at from, and says
// what is wrong with it, or "".
func (ix *Index) CheckWritten(files output.Files, redirects map[string]bool, from, link string) string {
	target, fragment, internal := Resolve(from, link)
	switch {
	case !internal || Redirected(redirects, target):
		return ""
	}
	file, ok := files.Lookup(target)
	if target == "" {
		file, ok = from, true
	}
	switch {
	case !ok:
		return "the site has no page or file there: link to the page's .md file instead"
	case fragment != "" && !ix.HasID(file, fragment):
		return fmt.Sprintf("that page has no id %q", fragment)
	}
	return ""
}
