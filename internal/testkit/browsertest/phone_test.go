package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// The widths a reader's screen is checked at: a small phone, a common
// phone, a laptop.
var widths = []int64{320, 390, 1280}

// at gives the tab a screen of the width, a phone's below 600px.
func at(tab *browsertest.Tab, width int64) {
	tab.Viewport(width, 800, width < 600)
}

// coveredJS scrolls the page from top to bottom, a screen at a time less
// a little, and returns each piece of text that "Leave this site" covers
// on the way, with where it was. Text is every text node's line boxes that
// show on the screen.
const coveredJS = `(async () => {
	const exit = document.querySelector("[data-quick-exit]");
	const out = [];
	const step = Math.max(100, innerHeight - 150);
	for (let y = 0; ; y += step) {
		scrollTo(0, y);
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const e = exit.getBoundingClientRect();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (!n.textContent.trim() || exit.contains(n)) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			for (const r of range.getClientRects()) {
				if (r.width === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
				if (r.left < e.right && e.left < r.right && r.top < e.bottom && e.top < r.bottom) {
					out.push("scrolled to " + scrollY + "px: " + JSON.stringify(n.textContent.trim().slice(0, 40)));
				}
			}
		}
		if (y + innerHeight >= document.documentElement.scrollHeight) break;
	}
	scrollTo(0, 0);
	return out;
})()`

// TestQuickExitCoversNothing: at every width, scrolled anywhere, "Leave this
// site" covers no text; it shows on the first screen and is the first link
// after "Skip to the main content"; on a laptop it sits inside the header's
// column, with the site's title.
func TestQuickExitCoversNothing(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	pages := []string{"/", "/safety/", worksheetPage(t), "/worksheets/"}
	for _, width := range widths {
		at(tab, width)
		for _, page := range pages {
			tab.Navigate(srv.Page(page))
			where := fmt.Sprintf("%s at %dpx", page, width)
			for _, c := range browsertest.Eval[[]string](tab, coveredJS) {
				t.Errorf("%s: Leave this site covers text, %s", where, c)
			}
			first := browsertest.Eval[string](tab, `(() => {
	const links = Array.from(document.querySelectorAll("a[href], button, input, summary")).filter((el) => el.getClientRects().length);
	return links[1] ? links[1].textContent : "";
})()`)
			if !strings.HasPrefix(first, "Leave this site") {
				t.Errorf("%s: the first link after the skip link is %q, want Leave this site", where, first)
			}
			box := browsertest.Eval[map[string]float64](tab, `(() => {
	const e = document.querySelector("[data-quick-exit]").getBoundingClientRect();
	const column = document.querySelector(".header-inner");
	const c = column.getBoundingClientRect(), pad = parseFloat(getComputedStyle(column).paddingRight);
	return {top: e.top, bottom: e.bottom, right: e.right, columnRight: c.right - pad, width: e.width};
})()`)
			if box["top"] < 0 || box["bottom"] > 800 || box["width"] == 0 {
				t.Errorf("%s: Leave this site is not on the first screen: %v", where, box)
			}
			if box["right"] > box["columnRight"]+0.5 {
				t.Errorf("%s: Leave this site ends at %.0fpx, outside the header's column (%.0fpx)", where, box["right"], box["columnRight"])
			}
		}
	}
	tab.CheckClean("quick exit", srv.URL)
}

// TestScalesOnOneLine: at every width, with text at 100% and 200%, each
// scale's values sit on one row, lowest on the left, each at least 24px wide
// (WCAG 2.2's smallest target), with the ends' meaning under the row.
func TestScalesOnOneLine(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for i := range 2 * len(widths) {
		width, text := widths[i%len(widths)], int64(16*(1+i/len(widths)))
		tab.TextSize(text)
		at(tab, width)
		tab.Navigate(srv.Page(path))
		problems := browsertest.Eval[[]string](tab, `(() => {
	const out = [];
	for (const scale of document.querySelectorAll(".worksheet-scale")) {
		const labels = Array.from(scale.querySelectorAll(".worksheet-scale-values label"));
		const rects = labels.map((l) => l.getBoundingClientRect());
		const values = labels.map((l) => Number(l.querySelector("input").value));
		const name = scale.id + " (" + values[0] + "-" + values[values.length - 1] + ")";
		if (rects.some((r) => Math.abs(r.top - rects[0].top) > 1)) out.push(name + ": the values wrap onto more than one row");
		for (let i = 1; i < rects.length; i++) {
			if (!(rects[i].left > rects[i - 1].left && values[i] > values[i - 1])) out.push(name + ": " + values[i] + " is not right of " + values[i - 1]);
		}
		const narrow = rects.filter((r) => r.width < 24);
		if (narrow.length) out.push(name + ": " + narrow.length + " values narrower than 24px (" + narrow[0].width.toFixed(1) + "px)");
		const ends = scale.querySelector(".worksheet-scale-ends");
		if (ends && ends.getBoundingClientRect().top < Math.max(...rects.map((r) => r.bottom))) out.push(name + ": the ends are not under the values");
		if (scale.getBoundingClientRect().right > document.documentElement.clientWidth) out.push(name + ": wider than the screen");
	}
	if (!document.querySelector(".worksheet-scale")) out.push("no scale on the page");
	return out;
})()`)
		for _, p := range problems {
			t.Errorf("%s at %dpx, text at %d%%: %s", path, width, text*100/16, p)
		}
	}
	tab.CheckClean(path, srv.URL)
}

// TestWorksheetToolsAtEnd: after the last question come Print, Save and
// Clear again; "Clear my answers" does not look like "Save"; on a common phone
// (390px) the first question starts within the first screen and a half.
func TestWorksheetToolsAtEnd(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, width := range widths {
		at(tab, width)
		tab.Navigate(srv.Page(path))
		tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-tools-end]")))
		got := browsertest.Eval[map[string]any](tab, `(() => {
	const end = document.querySelector("[data-tools-end]");
	const fields = document.querySelectorAll(".worksheet-field");
	const last = fields[fields.length - 1].getBoundingClientRect();
	const look = (b) => { const s = getComputedStyle(b); return [s.color, s.backgroundColor, s.borderTopColor, s.textDecorationLine].join(" "); };
	return {
		after: end.getBoundingClientRect().top >= last.bottom,
		actions: Array.from(end.querySelectorAll("button[data-action]")).filter((b) => !b.closest("[hidden]")).map((b) => b.dataset.action).join(" "),
		same: look(end.querySelector('[data-action="clear"]')) === look(end.querySelector('[data-action="save"]')),
		first: fields[0].getBoundingClientRect().top + scrollY,
	};
})()`)
		where := fmt.Sprintf("%s at %dpx", path, width)
		if got["after"] != true {
			t.Errorf("%s: the tools at the end are not after the last question", where)
		}
		if got["actions"] != "print save clear" { // a locked file is offered too, but only while a lock is on
			t.Errorf("%s: the tools at the end are %q, want print save clear", where, got["actions"])
		}
		if got["same"] == true {
			t.Errorf("%s: Clear my answers looks the same as Save", where)
		}
		if first := got["first"].(float64); width == 390 && first > 1.5*800 {
			t.Errorf("%s: the first question starts %.0fpx down, more than a screen and a half", where, first)
		}
	}
	w := openWorksheet(t, b, srv, path, true)
	w.fill(w.plan())
	w.tab.AcceptDialogs(true)
	w.click(`[data-tools-end] [data-action="clear"]`)
	w.wantAnswers("after Clear at the end", map[string]string{})
	tab.CheckClean(path, srv.URL)
}

// TestOneLeftEdge: on a laptop, the header, the page's heading and the
// footer start at the same left edge.
func TestOneLeftEdge(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	at(tab, 1280)
	for _, page := range []string{"/", "/safety/", worksheetPage(t), "/worksheets/", "/print/", "/articles/what-is-trust/"} {
		tab.Navigate(srv.Page(page))
		edges := browsertest.Eval[map[string]float64](tab, `(() => {
	const left = (sel) => document.querySelector(sel).getBoundingClientRect().left;
	return {header: left(".site-title"), heading: left("main h1"), footer: left("#crisis-title")};
})()`)
		if edges["header"] != edges["heading"] || edges["heading"] != edges["footer"] {
			t.Errorf("%s at 1280px: left edges differ: %v", page, edges)
		}
	}
}

// TestBoxesKeepTheirSize: on a phone, at the usual text size and at 200%,
// no checkbox is squeezed narrower than it is tall by the words beside it:
// each stays a target a finger can find (WCAG 2.5.8). A scale's choices are
// tall buttons on purpose (TestScalesOnOneLine).
func TestBoxesKeepTheirSize(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, text := range []int64{16, 32} {
		tab.TextSize(text)
		for _, width := range []int64{320, 390} {
			at(tab, width)
			for _, page := range []string{"/worksheets/", "/fr/worksheets/", worksheetPage(t)} {
				tab.Navigate(srv.Page(page))
				browsertest.Eval[bool](tab, openAllJS)
				squeezed := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll("input[type=checkbox]"))
	.map((i) => [i, i.getBoundingClientRect()])
	.filter(([, r]) => r.height > 0 && r.width < r.height - 1)
	.map(([i, r]) => (i.id || i.name) + " " + r.width.toFixed(1) + "×" + r.height.toFixed(1) + "px")`)
				if len(squeezed) > 0 {
					t.Errorf("%s at %dpx, text %dpx: squeezed: %s", page, width, text, strings.Join(squeezed, ", "))
				}
			}
		}
	}
}
