package browsertest_test

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// TestQuickExit leaves the site from every kind of page, in both
// languages, as the header says: pressing Escape twice, wherever the focus
// is and whatever was typed there, or clicking "Leave this site". The tab
// is then on the neutral page, no dialog held the reader back, and the
// page left is gone from the tab's history, so Back does not show it.
func TestQuickExit(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	escapeTwice := []chromedp.Action[chromedp.Void]{chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape)}
	click := []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS("[data-quick-exit]"))}
	for _, c := range []struct {
		name, page   string
		field, typed string // where the reader was typing, and what
		leave        []chromedp.Action[chromedp.Void]
	}{
		{"home", "/", "", "", escapeTwice},
		{"article", "/articles/repair/", "", "", escapeTwice},
		{"worksheet, answers not kept", path, "#worksheet textarea", "what I would rather no one saw", escapeTwice},
		{"worksheet, clicked", path, "#worksheet textarea", "what I would rather no one saw", click},
		{"search box", "/", "#search-q", "leaving", escapeTwice},
		{"French search box", "/fr/", "#search-q", "partir", escapeTwice},
		{"French worksheet", "/fr" + path, "#worksheet textarea", "mes réponses", escapeTwice},
		{"worksheets index", "/worksheets/", "", "", escapeTwice},
		{"print view", "/print/", "", "", escapeTwice},
		{"missing page", "/no-such-page/", "", "", escapeTwice},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Navigate(srv.Page("/about/"))
			tab.Navigate(srv.Page(c.page))
			left := browsertest.Eval[string](tab, `location.href`)
			if c.field != "" {
				tab.Do(chromedp.SendKeys(chromedp.CSS(c.field), c.typed))
			}
			exit := browsertest.Eval[string](tab, `document.querySelector("[data-quick-exit]").href`)
			tab.Leave(c.leave...)
			urls, current := tab.History()
			if urls[current] != exit {
				t.Errorf("%s: after the quick exit the tab is on %s, want %s", c.page, urls[current], exit)
			}
			if slices.Contains(urls, left) {
				t.Errorf("%s: after the quick exit, the tab's history still holds it: %q", c.page, urls)
			}
			if d := tab.Dialogs(); len(d) > 0 {
				t.Errorf("%s: the quick exit opened %q", c.page, d)
			}
		})
	}
}
