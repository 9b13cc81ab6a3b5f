package browsertest_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// openLocked opens a locked file with "Open saved answers", checks that
// the page asks for its passphrase with the focus in the field, and types
// pass. It returns what the page says then.
func (w *worksheet) openLocked(saved browsertest.Download, pass string) string {
	w.t.Helper()
	asks := w.openSaved(saved.Name, saved.Data)
	if want := w.words("lock.file-asks", fmt.Sprintf("{name: %q}", saved.Name)); asks != want {
		w.t.Errorf("opening %s, the page says %q, want %q", saved.Name, asks, want)
	}
	if got := w.focused(); got != "lock-file-passphrase" {
		w.t.Errorf("asked for the file's passphrase, the focus is on %q", got)
	}
	w.clearField("lock-file-passphrase")
	return w.say(chromedp.SendKeys(byID("lock-file-passphrase"), pass+kb.Enter))
}

// frenchWorksheet returns a server of the site whose page of the same
// worksheet speaks French, and that page's path: the build's own French
// page when it draws one, else the English site drawn with fr.yaml.
func frenchWorksheet(t *testing.T, files output.Files, key string) (*browsertest.Server, string) {
	t.Helper()
	for _, name := range files.Paths() {
		if strings.HasPrefix(name, "fr/") && strings.HasSuffix(name, "/index.html") &&
			strings.Contains(string(files[name]), fmt.Sprintf("data-worksheet=%q", key)) {
			t.Logf("the French page: the build's own, %s", urlPath(name))
			return browsertest.Serve(t, files, browsertest.Netlify(t)), urlPath(name)
		}
	}
	t.Log("the build draws no French page of the worksheet: the English site drawn with fr.yaml stands in")
	french := buildWith(t, func(fsys fstest.MapFS) { fsys[english] = fsys["templates/i18n/fr.yaml"] })
	for _, name := range french.Paths() {
		if strings.Contains(string(french[name]), fmt.Sprintf("data-worksheet=%q", key)) {
			return browsertest.Serve(t, french, browsertest.Netlify(t)), urlPath(name)
		}
	}
	t.Fatalf("no page of the French site is the worksheet %s", key)
	return nil, ""
}

// TestLockedFile saves locked answers as a locked file: the file holds none
// of their words, and opens, with the passphrase only, in a browser with a
// fresh profile, on the English page and on the French one. Print and
// "Save my answers as a file" say they make plain text while a lock is on.
func TestLockedFile(t *testing.T) {
	path := worksheetPage(t)
	files, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	plan := w.plan()
	texts := distinct(plan)
	w.fill(plan)
	if s := shown(w.tab, "[data-lock-plain]"); len(s) > 0 {
		t.Errorf("with no lock, the page shows %q", s)
	}
	w.click(`label[for="keep-answers"]`)
	w.lockWith(passphrase)
	if s := shown(w.tab, "[data-lock-plain] p"); len(s) != 2 || !strings.Contains(s[0], "make plain text") || s[1] != s[0] {
		t.Errorf("with a lock on, beside Print and Save the page says %q, want that they make plain text, at both toolbars", s)
	}
	saved := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save-locked"]`)))
	for _, text := range texts {
		if strings.Contains(string(saved.Data), text) {
			t.Errorf("the locked file holds %q:\n%s", text, saved.Data)
		}
	}
	// A list of files shows names to anyone: the name must not say which
	// worksheet the answers are for.
	slug := strings.TrimSuffix(path, "/")
	if slug = slug[strings.LastIndex(slug, "/")+1:]; strings.Contains(saved.Name, slug) {
		t.Errorf("the locked file's name %q says which worksheet it holds (%s)", saved.Name, slug)
	}
	if first, _, _ := strings.Cut(string(saved.Data), "\n"); first != "<!-- guide-answers locked v1 -->" {
		t.Errorf("the locked file starts with %q", first)
	}
	key := w.key()
	w.done()

	other := openWorksheet(t, browsertest.Start(t), srv, path, true)
	if got, want := other.openLocked(saved, "not it"), other.words("lock.file-wrong", "{}"); got != want {
		t.Errorf("a locked file with a wrong passphrase: the page says %q, want %q", got, want)
	}
	other.wantAnswers("a locked file, a wrong passphrase", map[string]string{})
	other.clearField("lock-file-passphrase")
	got := other.say(chromedp.SendKeys(byID("lock-file-passphrase"), passphrase+kb.Enter))
	if want := other.words("worksheet.opened", fmt.Sprintf("{name: %q}", saved.Name)); got != want {
		t.Errorf("a locked file with its passphrase: the page says %q, want %q", got, want)
	}
	other.wantAnswers("a locked file opened in a fresh browser", asMap(plan))
	other.wantNothingStored("a locked file opened, not opted in")
	other.done()

	french, frPath := frenchWorksheet(t, files, key)
	fr := openWorksheet(t, browsertest.Start(t), french, frPath, true)
	got = fr.openLocked(saved, passphrase)
	if want := "Les réponses de " + saved.Name + " sont de retour sur cette page."; got != want {
		t.Errorf("a locked file opened in French: the page says %q, want %q", got, want)
	}
	fr.wantAnswers("a locked file opened on the French page", asMap(plan))
	fr.done()
}

// TestLockedAnswersForgotten: locked answers that no one can open are
// removed by "I forgot it" (asked first), by unticking "Keep" (asked first)
// and by "Forget this site": nothing is left.
func TestLockedAnswersForgotten(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	lockAndLeave := func() {
		t.Helper()
		w.fill(w.plan())
		w.click(`label[for="keep-answers"]`)
		w.lockWith(passphrase)
		w.reopen()
		w.tab.Do(chromedp.WaitVisible(byID("lock-passphrase")))
	}

	lockAndLeave()
	w.click(`[data-lock-action="forgot"]`)
	w.tab.AcceptDialogs(false)
	w.click(`[data-lock-action="clear"]`)
	if len(w.storage()) == 0 {
		t.Error("“Clear the locked answers” cancelled, the answers are gone")
	}
	w.tab.AcceptDialogs(true)
	if got, want := w.say(chromedp.Click(chromedp.CSS(`[data-lock-action="clear"]`))), w.words("lock.cleared", "{}"); got != want {
		t.Errorf("after “Clear the locked answers”, the page says %q, want %q", got, want)
	}
	w.wantNothingStored("“I forgot it”, cleared")
	if w.keepTicked() {
		t.Error("the locked answers cleared, “Keep my answers” is still ticked")
	}

	lockAndLeave()
	w.click(`label[for="keep-answers"]`)
	w.wantNothingStored("unticked “Keep” while locked")
	if d := w.tab.Dialogs(); len(d) != 3 || !strings.HasPrefix(d[2], "confirm") {
		t.Errorf("the dialogs were %q, want a confirm before each removal", d)
	}

	lockAndLeave()
	w.tab.Navigate(srv.Page("/about/"))
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
	w.click(`[data-action="forget"]`)
	browsertest.Eval[string](w.tab, `new Promise((resolve) => {
	const s = document.querySelector(".forget-status");
	if (s.textContent) return resolve(s.textContent);
	new MutationObserver(() => resolve(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
})`)
	w.wantNothingStored("“Forget this site”")
	w.tab.Navigate(srv.Page(path))
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	if s := shown(w.tab, `[data-lock-part="closed"]`); len(s) > 0 {
		t.Errorf("after “Forget this site”, the worksheet still asks for a passphrase: %q", s)
	}
	w.done()
}

// TestLockedAnswersCloseOnReturn: opened, then left for another page, locked
// answers are closed again when Back brings the page back, from the
// browser's back-forward cache or not. (Only scripts look at the page after
// Back: the test's DOM tools do not follow a page the cache restores.)
func TestLockedAnswersCloseOnReturn(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	plan := w.plan()
	distinct(plan)
	w.fill(plan)
	w.click(`label[for="keep-answers"]`)
	w.lockWith(passphrase)
	w.tab.Navigate(srv.Page("/about/"))
	t.Logf("back on the page: %s", w.tab.Back())
	w.wantAnswers("back on the page", map[string]string{})
	if s := shown(w.tab, `[data-lock-part="closed"]`); len(s) == 0 {
		t.Error("back on the page, it does not ask for the passphrase")
	}
	if got := w.focused(); got != "lock-passphrase" {
		t.Errorf("back on the page, which asks for the passphrase, the focus is on %q", got)
	}
	browsertest.Eval[bool](w.tab, `document.getElementById("lock-passphrase").focus(), true`)
	w.tab.Do(insertText(passphrase))
	got := w.say(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-lock-action="open"]').click()`))
	if want := w.words("lock.opened", "{}"); got != want {
		t.Errorf("opened again, the page says %q, want %q", got, want)
	}
	w.wantAnswers("opened again", asMap(plan))
	w.done()
}
