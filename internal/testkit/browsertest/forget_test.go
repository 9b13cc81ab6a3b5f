package browsertest_test

import (
	"testing"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// forgetStatusJS waits until "Forget this site" says how it went, and
// returns what it says.
const forgetStatusJS = `new Promise((resolve) => {
	const s = document.querySelector(".forget-status");
	if (s.textContent) return resolve(s.textContent);
	new MutationObserver(() => resolve(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
})`

// forgetInOtherTabJS opens the safety page in a second tab of the same
// browsing context (same storage), presses "Forget this site" there, the
// reader saying yes, and waits until it is done and this page has heard of
// it (a storage event, after the page's own listener).
const forgetInOtherTabJS = `Promise.all([
	new Promise((resolve) => addEventListener("storage", (e) => e.key === null && resolve())),
	new Promise((resolve, reject) => {
		const other = window.open("/safety/");
		if (!other) return reject(new Error("the second tab did not open"));
		other.addEventListener("load", () => {
			other.confirm = () => true;
			other.document.querySelector('[data-action="forget"]').click();
			const s = other.document.querySelector(".forget-status");
			new MutationObserver(() => resolve()).observe(s, {childList: true, characterData: true, subtree: true});
		});
	}),
]).then(() => true)`

// TestForgetReachesOpenWorksheets: "Forget this site" pressed while a
// worksheet with kept answers is still open, in the back-forward cache or
// in another tab, leaves that page keeping and showing nothing: Back does
// not bring the answers back, and typing there keeps nothing again.
func TestForgetReachesOpenWorksheets(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	keptWorksheet := func(t *testing.T) (*worksheet, []answer) {
		w := openWorksheet(t, b, srv, path, true)
		plan := w.plan()
		w.fill(plan)
		w.click(`label[for="keep-answers"]`)
		if len(w.storage()) == 0 {
			t.Fatal("opted in, but nothing is stored: the test would prove nothing")
		}
		return w, plan
	}
	// typeMore types in the first text field, as a reader going on does,
	// then tells the page it is being left, which makes it keep at once
	// what it would keep a moment later.
	typeMore := func(w *worksheet, plan []answer) {
		browsertest.Eval[bool](w.tab, `document.getElementById(`+jsString(plan[0].ID)+`).focus(), true`)
		w.tab.Do(insertText(" more"))
		browsertest.Eval[bool](w.tab, `dispatchEvent(new PageTransitionEvent("pagehide")), true`)
	}
	wantForgotten := func(w *worksheet, plan []answer) {
		w.wantAnswers("after Forget", map[string]string{})
		if w.keepTicked() {
			w.t.Error(`after Forget, "Keep my answers" is still ticked`)
		}
		typeMore(w, plan)
		w.wantNothingStored("after Forget, typing again")
	}

	t.Run("back", func(t *testing.T) {
		w, plan := keptWorksheet(t)
		w.tab.Navigate(srv.Page("/safety/"))
		w.tab.AcceptDialogs(true)
		w.click(`[data-action="forget"]`)
		browsertest.Eval[string](w.tab, forgetStatusJS)
		w.wantNothingStored("after Forget")
		t.Logf("back on the worksheet: %s", w.tab.Back())
		wantForgotten(w, plan)
		w.done()
	})

	t.Run("another tab", func(t *testing.T) {
		w, plan := keptWorksheet(t)
		browsertest.Eval[bool](w.tab, forgetInOtherTabJS)
		if got, want := browsertest.Eval[string](w.tab, `document.querySelector(".worksheet-status").textContent`), w.words("worksheet.cleared", "{}"); got != want {
			t.Errorf("after Forget in another tab, the worksheet says %q, want %q", got, want)
		}
		wantForgotten(w, plan)
		w.done()
	})
}
