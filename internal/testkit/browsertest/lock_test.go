package browsertest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

const passphrase = "blue heron at the ferry dock"

// reachableJS returns everything the page's origin can read back from the
// browser: localStorage, sessionStorage, cookies, every IndexedDB record and
// every response in Cache Storage, each as text.
const reachableJS = `(async () => {
	const out = {};
	for (const [name, s] of [["localStorage", localStorage], ["sessionStorage", sessionStorage]])
		for (let i = 0; i < s.length; i++) out[name + " " + s.key(i)] = s.getItem(s.key(i));
	if (document.cookie) out.cookie = document.cookie;
	for (const info of await indexedDB.databases()) {
		const db = await new Promise((ok, fail) => Object.assign(indexedDB.open(info.name), {onsuccess: (e) => ok(e.target.result), onerror: fail}));
		for (const store of db.objectStoreNames) {
			const all = db.transaction(store).objectStore(store).getAll();
			out["IndexedDB " + info.name + " " + store] = JSON.stringify(await new Promise((ok) => all.onsuccess = () => ok(all.result)));
		}
		db.close();
	}
	for (const name of await caches.keys()) {
		const cache = await caches.open(name);
		for (const request of await cache.keys()) out["cache " + name + " " + request.url] = await (await cache.match(request)).text();
	}
	return out;
})()`

// statusAfterJS waits until the toolbar's status says something other than
// that it is working, and returns it.
const statusAfterJS = `new Promise((resolve) => {
	const s = document.querySelector(".worksheet-status"), working = [t("lock.locking"), t("lock.opening")];
	const done = () => s.textContent && !working.includes(s.textContent) && (resolve(s.textContent), true);
	done() || new MutationObserver(done).observe(s, {childList: true, characterData: true, subtree: true});
})`

// say runs actions that end with a message in the toolbar's status (after
// any "working" one), and returns that message.
func (w *worksheet) say(actions ...chromedp.Action[chromedp.Void]) string {
	w.t.Helper()
	browsertest.Eval[bool](w.tab, `document.querySelector(".worksheet-status").textContent = "", true`)
	w.tab.Do(actions...)
	return browsertest.Eval[string](w.tab, statusAfterJS)
}

// words is a string of the page, in its language.
func (w *worksheet) words(key string, args string) string {
	w.t.Helper()
	return browsertest.Eval[string](w.tab, fmt.Sprintf("t(%q, %s)", key, args))
}

// distinct gives the plan's text answers words found nowhere else, so that
// any trace of them in storage is theirs.
func distinct(plan []answer) []string {
	var texts []string
	for i := range plan {
		if plan[i].Kind == "text" || plan[i].Kind == "line" {
			plan[i].Value = fmt.Sprintf("Ombrelle%dQuokka private words", i)
			texts = append(texts, plan[i].Value, fmt.Sprintf("Ombrelle%dQuokka", i))
		}
	}
	return texts
}

// wantNoTrace checks that nothing the site can read back holds any of texts.
func (w *worksheet) wantNoTrace(when string, texts []string) {
	w.t.Helper()
	for where, value := range browsertest.Eval[map[string]string](w.tab, reachableJS) {
		for _, text := range texts {
			if strings.Contains(value, text) {
				w.t.Errorf("%s: %s holds %q", when, where, text)
			}
		}
	}
}

// lockWith ticks "Lock them with a passphrase" ("Keep" being ticked), and
// locks with the passphrase typed twice.
func (w *worksheet) lockWith(pass string) string {
	w.t.Helper()
	w.click(`label[for="lock-answers"]`)
	w.tab.Do(chromedp.WaitVisible(byID("lock-new")))
	if got := w.focused(); got != "lock-new" {
		w.t.Errorf("asked for a new passphrase, the focus is on %q, want lock-new", got)
	}
	return w.say(chromedp.SendKeys(byID("lock-new"), pass), chromedp.SendKeys(byID("lock-again"), pass),
		chromedp.Click(chromedp.CSS(`[data-lock-action="set"]`)))
}

// reopen reloads the page, and waits for its tools.
func (w *worksheet) reopen() {
	w.t.Helper()
	w.tab.Reload()
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
}

// openWith types a passphrase where the page asks for it and presses Enter.
func (w *worksheet) openWith(pass string) string {
	w.t.Helper()
	w.clearField("lock-passphrase")
	return w.say(chromedp.SendKeys(byID("lock-passphrase"), pass+kb.Enter))
}

func (w *worksheet) clearField(id string) {
	w.t.Helper()
	browsertest.Eval[bool](w.tab, fmt.Sprintf("document.getElementById(%q).value = '', true", id))
}

func (w *worksheet) wantAxeClean(when string) {
	w.t.Helper()
	for _, v := range w.tab.Axe(browsertest.AxeSource(w.t)) {
		w.t.Errorf("%s: %s", when, v)
	}
}

// TestLockedAnswers keeps a worksheet's answers locked: after a reload no
// storage holds their words; a wrong passphrase opens nothing and changes
// nothing; the right one brings them back; changing and removing the lock
// work; unticking "Keep" leaves nothing and drops the lock.
func TestLockedAnswers(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	plan := w.plan()
	texts := distinct(plan)
	w.fill(plan)
	w.click(`label[for="keep-answers"]`)
	if got, want := w.lockWith(passphrase), w.words("lock.locked", "{}"); got != want {
		t.Fatalf("after locking, the page says %q, want %q", got, want)
	}
	w.wantAxeClean("locked, open")
	w.wantNoTrace("locked", texts)

	w.reopen()
	w.wantAnswers("reloaded, locked", map[string]string{})
	w.wantNoTrace("reloaded, locked", texts)
	if got, want := browsertest.Eval[string](w.tab, `document.querySelector(".worksheet-status").textContent`), w.words("lock.kept-locked", "{}"); got != want {
		t.Errorf("back on the page, it says %q, want %q", got, want)
	}
	if got := w.focused(); got != "lock-passphrase" {
		t.Errorf("back on the page, which asks for the passphrase, the focus is on %q", got)
	}
	w.click(`[data-lock-action="forgot"]`)
	w.wantAxeClean("asking for the passphrase, “I forgot it” open")

	stored := w.storage()
	if got, want := w.openWith("not my passphrase"), w.words("lock.wrong", "{}"); got != want {
		t.Errorf("with a wrong passphrase, the page says %q, want %q", got, want)
	}
	w.wantAnswers("a wrong passphrase", map[string]string{})
	if after := w.storage(); fmt.Sprint(after) != fmt.Sprint(stored) {
		t.Errorf("a wrong passphrase changed what is kept:\n%q\nwas\n%q", after, stored)
	}
	if got := w.focused(); got != "lock-passphrase" {
		t.Errorf("after a wrong passphrase, the focus is on %q", got)
	}

	w.openWhileThrottled(passphrase)
	w.wantAnswers("the right passphrase", asMap(plan))

	w.wantFreshIV(plan)

	w.click(`[data-lock-action="change"]`)
	w.wantAxeClean("changing the passphrase")
	if got, want := w.say(chromedp.SendKeys(byID("lock-new"), "one"), chromedp.SendKeys(byID("lock-again"), "two"),
		chromedp.Click(chromedp.CSS(`[data-lock-action="set"]`))), w.words("lock.mismatch", "{}"); got != want {
		t.Errorf("two passphrases that differ: the page says %q, want %q", got, want)
	}
	w.clearField("lock-new")
	w.clearField("lock-again")
	if got, want := w.say(chromedp.SendKeys(byID("lock-new"), "a new one"), chromedp.SendKeys(byID("lock-again"), "a new one"),
		chromedp.Click(chromedp.CSS(`[data-lock-action="set"]`))), w.words("lock.changed", "{}"); got != want {
		t.Errorf("after changing the passphrase, the page says %q, want %q", got, want)
	}
	w.reopen()
	if got, want := w.openWith(passphrase), w.words("lock.wrong", "{}"); got != want {
		t.Errorf("the old passphrase, once changed: the page says %q, want %q", got, want)
	}
	w.openWith("a new one")
	w.wantAnswers("the new passphrase", asMap(plan))
	w.wantNoTrace("changed", texts)

	w.click(`[data-lock-action="remove"]`)
	if kept := w.storage()["localStorage guide:v1:"+w.key()]; !strings.Contains(kept, texts[0]) {
		t.Errorf("the lock removed, the answers are kept as %q", kept)
	}
	w.lockWith(passphrase)
	w.click(`label[for="keep-answers"]`)
	w.wantNothingStored("unticked “Keep” while locked")
	w.click(`label[for="keep-answers"]`)
	if kept := w.storage()["localStorage guide:v1:"+w.key()]; !strings.Contains(kept, texts[0]) {
		t.Errorf("ticked again after unticking, the answers are kept as %q: the old lock was not dropped", kept)
	}
	w.done()
}

// tickerJS presses "Open" from a timer of the page's main thread, and
// measures, until the panel is no longer busy: the gap between the tick
// that pressed and the next one (the work the press does at once), the
// longest gap after that while busy, the time from the press to the end,
// and the gap from the last busy tick to the first one after, which holds
// the work of putting the answers back.
const tickerJS = `new Promise((resolve) => {
	const panel = document.querySelector("[data-lock]"), button = document.querySelector('[data-lock-action="open"]');
	let n = 0, last = 0, pressed = 0, press = 0, longest = 0, seen = false;
	(function tick() {
		const now = performance.now(), busy = panel.getAttribute("aria-busy") === "true" && button.disabled;
		if (pressed && !press) press = now - last;
		else if (pressed && !busy) return resolve({press, longest, total: now - pressed, after: now - last, seen});
		else if (pressed) longest = Math.max(longest, now - last);
		seen = seen || busy;
		last = now;
		if (++n === 5) {
			pressed = performance.now();
			button.click();
		}
		setTimeout(tick, 0);
	})();
})`

type ticks struct {
	Press   float64 `json:"press"`   // ms from the tick that pressed to the next
	Longest float64 `json:"longest"` // ms between two ticks after that, at most
	Total   float64 `json:"total"`   // ms from the press to the end
	After   float64 `json:"after"`   // ms from the last busy tick to the next
	Seen    bool    `json:"seen"`    // whether a tick saw the panel busy
}

// openWhileThrottled opens the kept answers on a CPU four times slower,
// and checks that the page keeps answering while the passphrase is derived.
func (w *worksheet) openWhileThrottled(pass string) {
	w.t.Helper()
	throttle := func(rate float64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			return err
		})
	}
	w.clearField("lock-passphrase")
	w.tab.Do(throttle(4), chromedp.SendKeys(byID("lock-passphrase"), pass))
	defer w.tab.Do(throttle(1))
	got := browsertest.Eval[ticks](w.tab, tickerJS)
	w.t.Logf("CPU throttled 4×: opening took %.0f ms from the press; the press's own work %.0f ms; the longest gap between timer ticks after it %.0f ms; putting the answers back %.0f ms",
		got.Total, got.Press, got.Longest, got.After)
	if status, want := browsertest.Eval[string](w.tab, statusAfterJS), w.words("lock.opened", "{}"); status != want {
		w.t.Errorf("with the right passphrase, the page says %q, want %q", status, want)
	}
	if !got.Seen {
		w.t.Error("while opening, no tick of the page saw the panel busy (aria-busy, buttons disabled)")
	}
	// Derived on the page's thread, the work would be one long gap after
	// the press, nearly as long as the whole, or in the press itself (then
	// no tick sees the panel busy), which otherwise only updates the panel:
	// tens of ms at 4×, a few hundred on a loaded machine, where 600,000
	// rounds of PBKDF2 in a script would take seconds. Off it, the ticks go on.
	const pressAtMost = 1000 // ms
	if got.Total <= 0 || got.Press > pressAtMost || got.Longest > got.Total/2 {
		w.t.Errorf("while opening (%.0f ms), the page stopped answering for %.0f ms at the press and %.0f ms after", got.Total, got.Press, got.Longest)
	}
}

// keptBoxJS waits until the kept record differs from the one passed, and
// returns it: sealing is asynchronous, so a change is stored a moment after
// it is typed. It looks once per frame.
const keptBoxJS = `((key, before) => new Promise((resolve) => {
	(function look() {
		const now = localStorage.getItem(key);
		if (now !== before) return resolve(JSON.parse(now).locked);
		requestAnimationFrame(look);
	})();
}))`

type box struct {
	Salt string `json:"salt"`
	IV   string `json:"iv"`
	Data string `json:"data"`
}

// wantFreshIV types one more letter in an answer and checks that the
// answers are sealed again with the same salt and a new IV.
func (w *worksheet) wantFreshIV(plan []answer) {
	w.t.Helper()
	key := "guide:v1:" + w.key()
	before := w.storage()["localStorage "+key]
	var text answer
	for _, a := range plan {
		if a.Kind == "text" {
			text = a
			break
		}
	}
	w.tab.Do(chromedp.SendKeys(byID(text.ID), "!"))
	after := browsertest.Eval[box](w.tab, keptBoxJS+"("+jsString(key)+", "+jsString(before)+")")
	var was struct{ Locked box }
	if err := json.Unmarshal([]byte(before), &was); err != nil {
		w.t.Fatalf("the kept record %q: %v", before, err)
	}
	if after.Salt != was.Locked.Salt || after.IV == was.Locked.IV || after.Data == was.Locked.Data {
		w.t.Errorf("sealed again after a change, the box is %+v, was %+v: want the same salt, a new IV and new data", after, was.Locked)
	}
	w.tab.Do(chromedp.SendKeys(byID(text.ID), kb.Backspace))
}
