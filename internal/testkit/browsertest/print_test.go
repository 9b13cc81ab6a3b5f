package browsertest_test

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

var h1 = regexp.MustCompile(`<h1>([^<]*)</h1>`)

// TestPrintView: /print/ holds every article of the site, the guided path
// in order and then the others, each starting a new sheet of paper, with
// none of the screen's menus or buttons and links printed as their words;
// the home page and every article link to it.
func TestPrintView(t *testing.T) {
	files, b, srv := serveSite(t)
	var articles []string // the titles, by file
	for _, name := range files.Paths() {
		if strings.HasPrefix(name, "articles/") && strings.Count(name, "/") == 2 && strings.HasSuffix(name, "/index.html") {
			m := h1.FindSubmatch(files[name])
			if m == nil {
				t.Fatalf("%s has no <h1>", name)
			}
			articles = append(articles, html.UnescapeString(string(m[1])))
			if !strings.Contains(string(files[name]), `href="/print/"`) {
				t.Errorf("%s does not link to /print/", urlPath(name))
			}
		}
	}
	if !strings.Contains(string(files["index.html"]), `href="/print/"`) {
		t.Error("the home page does not link to /print/")
	}

	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/print/"))
	chapters := shown(tab, ".chapter > h2")
	if got, want := slices.Sorted(slices.Values(chapters)), slices.Sorted(slices.Values(articles)); !slices.Equal(got, want) {
		t.Errorf("/print/ has the chapters\n%q\nwant every article\n%q", got, want)
	}
	// The chapters' "Step n of N", in page order: 1, 2, ... N, then none.
	steps := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll(".chapter")).map((c) => (c.querySelector(".kicker") || {}).textContent || "")`)
	n := 0
	for n < len(steps) && strings.HasPrefix(steps[n], fmt.Sprintf("Step %d of ", n+1)) {
		n++
	}
	if n == 0 || slices.ContainsFunc(steps[n:], func(s string) bool { return s != "" }) {
		t.Errorf("the chapters are not the steps of the path in order, then the other articles: %q", steps)
	}
	if contents := shown(tab, ".print-contents li a"); !slices.Equal(contents, chapters) {
		t.Errorf("the contents list %q, want the chapters %q", contents, chapters)
	}
	if broken := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll("main a[href^='#']"))
	.filter((a) => !document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))))
	.map((a) => a.getAttribute("href"))`); len(broken) > 0 {
		t.Errorf("/print/ links to ids it does not have: %q", broken)
	}

	pages := browsertest.PDFPages(tab.PrintToPDF())
	if pages < len(chapters)+1 {
		t.Errorf("/print/ prints on %d pages, fewer than its %d chapters, each on a new page, after the contents", pages, len(chapters))
	}
	tab.Media("print", nil)
	for _, sel := range []string{".site-header", ".quick-exit", "nav.site-nav", "form[data-search]", ".prevnext", "button"} {
		if s := shown(tab, sel); len(s) > 0 {
			t.Errorf("/print/ prints %s", sel)
		}
	}
	if long := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll(".chapter a")).filter((a) => {
	const after = getComputedStyle(a, "::after").content;
	return after !== "none" && after !== "normal";
}).map((a) => a.getAttribute("href"))`); len(long) > 0 {
		t.Errorf("/print/ prints the addresses of links after their words: %q", long)
	}
	tab.Media("", nil)
	tab.CheckClean("/print/", srv.URL)
}
