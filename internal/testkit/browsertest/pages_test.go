package browsertest_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// phoneWidth is the narrowest screen the site is checked on, in CSS pixels.
const phoneWidth = 375

// TestEveryPage loads every page of the real site in Chromium, on a phone's
// screen, with the site's Content-Security-Policy: no console error, no
// policy violation, no request to another host, no sideways scrolling, and
// no accessibility violation that axe-core finds, in the light and the dark
// colour scheme.
func TestEveryPage(t *testing.T) {
	axe := browsertest.AxeSource(t)
	files, b, srv := serveSite(t)

	// A few tabs, each loading one page after another: opening a tab costs
	// more than loading a page.
	tabs := make(chan *browsertest.Tab, min(runtime.GOMAXPROCS(0), 4))
	for range cap(tabs) {
		tabs <- b.NewTab(t)
	}
	pages := 0
	for _, name := range files.Paths() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		u := urlPath(name)
		t.Run(u, func(t *testing.T) {
			t.Parallel()
			tab := (<-tabs).In(t)
			defer func() { tabs <- tab }()
			tab.Forget()
			tab.Viewport(phoneWidth, 800, true)
			tab.Navigate(srv.Page(u))
			for _, scheme := range []string{"light", "dark"} {
				tab.Media("", map[string]string{"prefers-color-scheme": scheme})
				checkWidth(t, tab, u, scheme)
				for _, v := range tab.Axe(axe) {
					t.Errorf("%s, %s colour scheme: axe: %s", u, scheme, v)
				}
			}
			tab.CheckClean(u, srv.URL)
		})
	}
	if pages < 10 {
		t.Errorf("the site has only %d pages", pages)
	}
}

// sticksOutJS names the elements, at most five, that stick out past the
// right edge of the screen, innermost first.
const sticksOutJS = `(() => {
	const limit = document.documentElement.clientWidth + 1;
	const sticksOut = (el) => el.getBoundingClientRect().right > limit;
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		if (!sticksOut(el) || Array.from(el.children).some(sticksOut)) continue;
		let name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
			Array.from(el.classList).map((c) => "." + c).join("");
		const text = (el.textContent || "").trim().slice(0, 40);
		out.push(name + " ends at " + Math.round(el.getBoundingClientRect().right) + "px" + (text ? " (" + JSON.stringify(text) + ")" : ""));
		if (out.length === 5) break;
	}
	return out;
})()`

// checkWidth reports a page wider than a phone's screen, naming the
// elements that stick out.
func checkWidth(t *testing.T, tab *browsertest.Tab, u, scheme string) {
	t.Helper()
	width := browsertest.Eval[int](tab, "document.documentElement.scrollWidth")
	if width <= phoneWidth {
		return
	}
	wide := browsertest.Eval[[]string](tab, sticksOutJS)
	t.Errorf("%s, %s colour scheme: the page is %dpx wide on a %dpx screen, so it scrolls sideways; too wide: %s",
		u, scheme, width, phoneWidth, strings.Join(wide, "; "))
}

// TestMissingPage checks that an unknown URL gets the site's 404 page,
// which loads cleanly too.
func TestMissingPage(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	u := srv.Page("/no-such-page/")
	resp := browsertest.Run(tab, chromedp.NavigateResponse(u))
	if resp.Status != 404 {
		t.Errorf("%s: status %d, want 404", u, resp.Status)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("main h1").length`); n != 1 {
		t.Errorf("%s: the 404 page has %d <h1> in <main>, want 1", u, n)
	}
	for _, p := range tab.Problems() {
		// The browser logs the status of the page itself; that is the point.
		if strings.Contains(p, "404") && strings.Contains(p, "/no-such-page/") {
			continue
		}
		t.Errorf("%s: %s", u, p)
	}
	for _, r := range tab.ForeignRequests(srv.URL) {
		t.Errorf("%s: a request left the site: %s", u, r)
	}
}

// TestSearch searches the guide under the site's policy: the index comes
// from this site, results appear, nothing else is fetched.
func TestSearch(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/"))
	tab.Do(
		chromedp.WaitVisible(chromedp.ID("search-q")),
		chromedp.SendKeys(chromedp.ID("search-q"), "trust"),
	)
	results := browsertest.Eval[int](tab, `new Promise((resolve) => {
	const start = Date.now();
	(function count() {
		const n = document.querySelectorAll(".search-results li").length;
		if (n > 0 || Date.now() - start > 5000) resolve(n);
		else setTimeout(count, 50);
	})();
})`)
	if results == 0 {
		t.Error(`searching for "trust" shows no results`)
	}
	fetched := false
	for _, r := range tab.Requests() {
		if r == srv.Page("/search.json") {
			fetched = true
		}
	}
	if !fetched {
		t.Errorf("the search did not fetch %s; requests: %q", srv.Page("/search.json"), tab.Requests())
	}
	tab.CheckClean("search on /", srv.URL)
}
