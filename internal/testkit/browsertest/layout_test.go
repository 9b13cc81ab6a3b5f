package browsertest_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// qrShownJS counts the worksheet cards and those whose QR code shows.
const qrShownJS = `(() => {
	const items = document.querySelectorAll(".ws-item");
	return [items.length, Array.from(items).filter((li) => li.querySelector(".ws-qr svg").getClientRects().length > 0).length];
})()`

// TestWorksheetsIndexOnPhone: the index is grouped by whom each worksheet is
// for; on a phone the cards show no QR code until the reader asks for the
// counsellor's tools; on a laptop every card shows its QR code and its short
// link on one line.
func TestWorksheetsIndexOnPhone(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	at(tab, 390)
	tab.Navigate(srv.Page("/worksheets/"))
	groups := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll(".ws-group > h2")).map((h) => h.id)`)
	if len(groups) < 3 || groups[0] != "for-both" {
		t.Errorf("the index's groups are %q, want one per audience, both partners first", groups)
	}
	if got := browsertest.Eval[[]int](tab, qrShownJS); got[0] < 10 || got[1] != 0 {
		t.Errorf("at 390px, %d of %d cards show a QR code, want none", got[1], got[0])
	}
	tab.Do(chromedp.Click(chromedp.CSS(`label[for="show-counsellor-tools"]`)))
	if got := browsertest.Eval[[]int](tab, qrShownJS); got[1] != got[0] {
		t.Errorf("at 390px, with the counsellor's tools asked for, %d of %d cards show a QR code", got[1], got[0])
	}

	at(tab, 1280)
	tab.Navigate(srv.Page("/worksheets/"))
	if got := browsertest.Eval[[]int](tab, qrShownJS); got[1] != got[0] {
		t.Errorf("at 1280px, %d of %d cards show a QR code, want all", got[1], got[0])
	}
	if broken := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll(".ws-item .short-link code")).filter((c) =>
		new Set(Array.from(c.getClientRects()).map((r) => Math.round(r.top))).size > 1).map((c) => c.textContent)`); len(broken) > 0 {
		t.Errorf("at 1280px, short links broken over lines: %q", broken)
	}
	tab.CheckClean("/worksheets/", srv.URL)
}

// TestSmallPageParts: the search box's label shows; the home page's
// introduction comes before the path; /print/ has a Print button.
func TestSmallPageParts(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, width := range widths {
		at(tab, width)
		tab.Navigate(srv.Page("/"))
		where := fmt.Sprintf("at %dpx", width)
		if width < 600 {
			tab.Do(chromedp.Click(chromedp.CSS(".site-menu > summary")))
		}
		tab.Do(chromedp.WaitVisible(chromedp.ID("search-q")))
		if h := browsertest.Eval[float64](tab, `document.querySelector('label[for="search-q"]').getBoundingClientRect().height`); h < 10 {
			t.Errorf("%s: the search box's label does not show (height %.0fpx)", where, h)
		}
		if !browsertest.Eval[bool](tab, `document.querySelector(".home .body p").getBoundingClientRect().top < document.querySelector(".path-list").getBoundingClientRect().top`) {
			t.Errorf("%s: the home page's introduction comes after the path", where)
		}
		tab.Navigate(srv.Page("/print/"))
		tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="print-page"]`)))
	}
	tab.CheckClean("search, home, print", srv.URL)
}
