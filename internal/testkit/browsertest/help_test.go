package browsertest_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// helpLinkJS finds, on the first screen, a link to the help lines of this
// very page (they are in its footer, so nothing needs to load) and returns
// the middle of it, where a finger taps, and what is on top there; or null.
const helpLinkJS = `(() => {
	const crisis = document.querySelector(".crisis");
	const link = Array.from(document.querySelectorAll("a[href^='#']")).find((a) => {
		const target = document.getElementById(a.hash.slice(1));
		const r = a.getBoundingClientRect();
		return target && crisis && crisis.contains(target) && a.checkVisibility({visibilityProperty: true}) &&
			r.top >= 0 && r.bottom <= innerHeight && r.height >= 24;
	});
	if (!link) return null;
	const r = link.getBoundingClientRect();
	const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
	const top = document.elementFromPoint(x, y);
	return {x, y, top: link.contains(top) ? "" : top.tagName.toLowerCase() + "." + top.className};
})()`

// crisisShownJS waits for the page to have moved to a fragment and says
// which help lines then show on the screen.
const crisisShownJS = `(async () => {
	if (!location.hash) await new Promise((resolve) => addEventListener("hashchange", resolve, {once: true}));
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	return Array.from(document.querySelectorAll(".crisis a[href^='tel:']")).filter((a) => {
		const r = a.getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight;
	}).map((a) => a.getAttribute("href"));
})()`

// TestHelpOnFirstScreen: on a phone, every kind of page, in both languages,
// shows a link to the help lines on its first screen, with nothing to open
// or scroll; tapping it shows the lines, 911 among them, with no page to
// load.
func TestHelpOnFirstScreen(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, width := range []int64{320, 390} {
		at(tab, width)
		for _, page := range pageKinds(t) {
			tab.Navigate(srv.Page(page))
			where := fmt.Sprintf("%s at %dpx", page, width)
			tap := browsertest.Eval[*struct {
				X, Y float64
				Top  string
			}](tab, helpLinkJS)
			if tap == nil {
				t.Errorf("%s: no link to the help lines on the first screen", where)
				continue
			}
			if tap.Top != "" {
				t.Errorf("%s: the link to the help lines is under %s, which a tap reaches instead", where, tap.Top)
				continue
			}
			tab.Do(chromedp.MouseClickXY(tap.X, tap.Y))
			shown := browsertest.Eval[[]string](tab, crisisShownJS)
			if len(shown) < 3 || !slices.Contains(shown, "tel:911") {
				t.Errorf("%s: after tapping the link to the help lines, the screen shows %q, want 911 and others", where, shown)
			}
		}
	}
}
