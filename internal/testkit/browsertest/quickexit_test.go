package browsertest_test

import (
	"fmt"
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

// TestUnkeptAnswersGoneAfterLeaving: a reader fills in a worksheet
// without keeping the answers, follows its link to the safety page and
// leaves the site from there. Whoever presses Back then finds the
// worksheet empty, even from the browser's back-forward cache, as after
// any other return: answers not kept live only while the page is open.
// Kept answers are still there.
func TestUnkeptAnswersGoneAfterLeaving(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	for _, kept := range []bool{false, true} {
		t.Run(fmt.Sprintf("kept %v", kept), func(t *testing.T) {
			w := openWorksheet(t, b, srv, path, true)
			plan := w.plan()
			w.fill(plan)
			if kept {
				w.click(`label[for="keep-answers"]`)
			}
			w.tab.Do(chromedp.Click(chromedp.CSS(`main a[href="/safety/"]`)))
			w.tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
			w.tab.Leave(chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape))
			t.Logf("back on the worksheet: %s", w.tab.Back())
			want := map[string]string{}
			if kept {
				want = asMap(plan)
			}
			w.wantAnswers("back on the worksheet", want)
			if !kept {
				w.wantNothingStored("back on the worksheet")
				if s := browsertest.Eval[string](w.tab, `Array.from(document.querySelectorAll(".print-answer")).map((b) => b.textContent).join("")`); s != "" {
					t.Errorf("back on the worksheet, its print boxes hold %q", s)
				}
			}
		})
	}
}

// TestTypedPassphraseGoneAfterLeaving: a reader keeping answers starts to
// choose a passphrase, follows a link and leaves the site from there. Back
// brings the worksheet from the back-forward cache with no passphrase in
// its fields.
func TestTypedPassphraseGoneAfterLeaving(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	w.click(`label[for="keep-answers"]`)
	w.click(`label[for="lock-answers"]`)
	w.tab.Do(chromedp.WaitVisible(chromedp.ID("lock-new")), chromedp.SendKeys(chromedp.ID("lock-new"), "blue kettle morning"))
	w.tab.Do(chromedp.Click(chromedp.CSS(`main a[href="/safety/"]`)))
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
	w.tab.Leave(chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape))
	t.Logf("back on the worksheet: %s", w.tab.Back())
	left := browsertest.Eval[[]string](w.tab, `Array.from(document.querySelectorAll("input[type=password]")).map((i) => i.value).filter(Boolean)`)
	if len(left) > 0 {
		t.Errorf("back on the worksheet, its passphrase fields hold %q", left)
	}
}

// TestSearchGoneAfterLeaving: a reader searches the guide, goes to the
// safety page and leaves the site from there. Whoever presses Back finds
// no search in the box and no results, even from the back-forward cache.
func TestSearchGoneAfterLeaving(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/"))
	tab.Do(chromedp.WaitVisible(chromedp.ID("search-q")), chromedp.SendKeys(chromedp.ID("search-q"), "leaving"))
	browsertest.Eval[bool](tab, `new Promise((resolve) => {
	const list = document.querySelector(".search-results");
	const done = () => list.children.length > 0 && (resolve(true), true);
	done() || new MutationObserver(done).observe(list, {childList: true});
})`)
	tab.Do(chromedp.Click(chromedp.CSS(`footer a[href="/safety/"]`)))
	tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
	tab.Leave(chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape))
	t.Logf("back on the home page: %s", tab.Back())
	left := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll("form[data-search]")).flatMap((f) =>
	[f.querySelector("input").value, f.querySelector(".search-status").textContent, f.querySelector(".search-results").textContent].filter(Boolean))`)
	if len(left) > 0 {
		t.Errorf("back on the home page, the search shows %q", left)
	}
}
