package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// pageKinds are a page of each kind, in English and French: home, article,
// list of articles, worksheet, worksheets' index, safety, find help, the
// 404 page and the print view.
func pageKinds(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, p := range []string{"/", "/articles/what-is-trust/", "/articles/", worksheetPage(t), "/worksheets/",
		"/safety/", "/find-help/", "/no-such-page/", "/print/"} {
		out = append(out, p, "/fr"+p)
	}
	return out
}

// openAllJS opens what a reader can open without leaving the page (the
// menu, the contents, the notes, the counsellor's tools), so that all of
// it is measured.
const openAllJS = `(() => {
	document.querySelectorAll("details").forEach((d) => { d.open = true; });
	document.querySelectorAll("#show-counsellor-tools").forEach((c) => { c.checked = true; });
	return true;
})()`

// TestLargeTextReflows: with text at 200% (the browser's text size, which
// the site's rem follow) on a 320px and a 390px phone, no page of any kind,
// in either language, scrolls sideways, with everything on it opened; and
// "Leave this site" is whole on the screen (WCAG 1.4.4 and 1.4.10).
func TestLargeTextReflows(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	tab.TextSize(32)
	for _, width := range []int64{320, 390} {
		at(tab, width)
		for _, page := range pageKinds(t) {
			tab.Navigate(srv.Page(page))
			browsertest.Eval[bool](tab, openAllJS)
			where := fmt.Sprintf("%s at %dpx, text at 200%%", page, width)
			if w := browsertest.Eval[int](tab, "document.documentElement.scrollWidth"); w > int(width) {
				t.Errorf("%s: the page is %dpx wide, so it scrolls sideways; too wide: %s",
					where, w, strings.Join(browsertest.Eval[[]string](tab, sticksOutJS), "; "))
			}
			exit := browsertest.Eval[[]float64](tab, `(() => {
	const r = document.querySelector("[data-quick-exit]").getBoundingClientRect();
	return [r.left, r.right];
})()`)
			if exit[0] < 0 || exit[1] > float64(width) {
				t.Errorf("%s: Leave this site is not whole on the screen: from %.0fpx to %.0fpx", where, exit[0], exit[1])
			}
		}
	}
	for _, p := range tab.Problems() {
		if !strings.Contains(p, "404") || !strings.Contains(p, "/no-such-page/") { // the 404 page's own status
			t.Errorf("large text: %s", p)
		}
	}
	for _, r := range tab.ForeignRequests(srv.URL) {
		t.Errorf("large text: a request left the site: %s", r)
	}
}
