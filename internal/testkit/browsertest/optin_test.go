package browsertest_test

import (
	"path"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// tabKeeps returns the service workers and caches the site has left in the
// tab's browser.
func tabKeeps(tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](tab, forgottenJS)
}

// TestNothingKeptUntilAsked: a reader who reads the home page, Safety first,
// the private check and a worksheet, and does not choose offline use, leaves
// no service worker and no cache behind, and the browser fetched no page
// they did not open. The choice is offered on the home page, /about/ and
// /safety/; pressing it keeps the guide.
func TestNothingKeptUntilAsked(t *testing.T) {
	files, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, page := range []string{"/", "/safety/", "/worksheets/private-self-check/", worksheetPage(t), "/about/"} {
		srv.Served()
		tab.Navigate(srv.Page(page))
		tab.Do(chromedp.WaitReady(chromedp.CSS("body")))
		for _, asked := range srv.Served() {
			if asked != page && (path.Ext(asked) == "" || asked == "/sw.js") {
				t.Errorf("opening %s, the browser also fetched %s, which the reader did not ask for", page, asked)
			}
		}
		if left := tabKeeps(tab); len(left) > 0 {
			t.Fatalf("after opening %s, with no choice made, the browser keeps %q", page, left)
		}
	}
	for _, page := range []string{"/", "/about/", "/safety/"} {
		tab.Navigate(srv.Page(page))
		tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="keep-offline"]`)))
	}
	keepOffline(t, tab, srv, files)
	tab.Reload()
	tab.Do(chromedp.WaitVisible(chromedp.CSS(".offline-status")))
	if got := tabKeeps(tab); len(got) != 2 || !strings.HasPrefix(got[0], "service worker") {
		t.Errorf("after the reader chose offline use, the browser keeps %q, want the worker and its cache", got)
	}
	if browsertest.Eval[bool](tab, `!document.querySelector('[data-action="keep-offline"]').hidden`) {
		t.Error("with the guide kept, the page still offers to keep it")
	}
	tab.CheckClean("offline use, chosen", srv.URL)
}
