package browsertest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// exactly are answers that only a careful file format brings back as they
// were typed: blank lines, spaces at the ends, lines that look like the
// file's own markup, and the words the file uses for an empty answer.
var exactly = []string{
	"  Two spaces first, and two after.  \n\nA blank line above, and one after.\n",
	"## Not a question\n~~~\n- [x] not a checkbox\n(no answer)\n~~~~~",
	"(no answer)",
	"Zoë Zoe\u0301 שלום 👩🏽\u200d❤️\u200d👨",
}

// openSaved opens a saved file in the worksheet with "Open saved answers",
// as a reader picks it in the file chooser, and returns what the page says.
func (w *worksheet) openSaved(name string, data []byte) string {
	w.t.Helper()
	file := filepath.Join(w.t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		w.t.Fatal(err)
	}
	w.tab.Do(
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".worksheet-status").textContent = ""`),
		chromedp.SetUploadFiles(chromedp.CSS("[data-open-file]"), []string{file}),
	)
	return browsertest.Eval[string](w.tab, `new Promise((resolve) => {
	const s = document.querySelector(".worksheet-status");
	if (s.textContent) return resolve(s.textContent);
	new MutationObserver(() => resolve(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
})`)
}

// TestSavedFileRoundTrip fills in every field of a worksheet, saves the
// answers as a file, and opens that file in another browser with a fresh
// profile: every field comes back exactly as it was.
func TestSavedFileRoundTrip(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	want := map[string]string{}
	text := 0
	for _, f := range w.fields {
		switch f.Kind {
		case "text":
			v := exactly[text%len(exactly)]
			text++
			w.tab.Do(chromedp.Focus(byID(f.ID)), insertText(v))
			want[f.Name] = v
		case "line":
			v := "  " + strings.ReplaceAll(exactly[text%len(exactly)], "\n", " ") + " "
			text++
			w.tab.Do(chromedp.Focus(byID(f.ID)), insertText(v))
			want[f.Name] = v
		}
	}
	plan := w.plan() // a value for some scales and checkboxes, the others left empty
	for _, a := range plan {
		if a.Kind == "scale" || a.Kind == "checkbox" {
			w.fill([]answer{a})
			want[a.Name] = a.Value
		}
	}
	w.wantAnswers("typed", want)
	saved := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save"]`)))
	for _, v := range exactly[:2] {
		if !strings.Contains(string(saved.Data), v) {
			t.Errorf("the saved file does not hold %q as it was typed:\n%s", v, saved.Data)
		}
	}
	w.done()

	other := openWorksheet(t, browsertest.Start(t), srv, path, true)
	status := other.openSaved(saved.Name, saved.Data)
	other.wantAnswers("opened in a fresh browser", want)
	if !strings.Contains(status, "back on this page") {
		t.Errorf("after opening the file, the page says %q", status)
	}
	if s := shown(other.tab, ".worksheet-unplaced"); len(s) > 0 {
		t.Errorf("answers of the worksheet's own file found no place: %q", s)
	}
	other.wantNothingStored("opened, not opted in")
	other.done()
}

// TestSavedFileFromElsewhere opens files that do not match the page: one
// from an older version of the worksheet whose questions changed, and one
// in the first format (no ids). Answers are placed field by field; those
// that fit nowhere are shown, never dropped.
func TestSavedFileFromElsewhere(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	var text, line, scale, box field
	for _, f := range w.fields {
		switch {
		case f.Kind == "text" && text.ID == "":
			text = f
		case f.Kind == "line" && line.ID == "":
			line = f
		case f.Kind == "scale" && scale.ID == "":
			scale = f
		case f.Kind == "checkbox" && box.ID == "":
			box = f
		}
	}
	high := scale.Values[len(scale.Values)-1]
	older := strings.Join([]string{
		"# An older version",
		"",
		"Saved on 1 March 2026 from https://example.org/worksheets/old-name/",
		"Saved answers, version 2. To go on where you left off, open that page and choose “Open saved answers”.",
		"",
		"## A question that was reworded {#" + text.ID + "}", // placed by its id
		"",
		"~~~",
		"By id.",
		"~~~",
		"",
		"## " + strings.ToUpper(line.Question) + " {#an-old-id}", // placed by its words
		"",
		"~~~",
		"By its words.",
		"~~~",
		"",
		"## A question this page no longer asks {#gone}", // shown
		"",
		"~~~",
		"Kept for the reader.",
		"~~~",
		"",
		"## " + scale.Question + " {#" + scale.ID + "}", // a value the scale no longer has: shown
		"",
		"99 of " + high,
		"",
		"- [x] " + box.Question + " {#" + box.ID + "}",
		"- [x] A step this page dropped {#dropped}", // shown
		"",
	}, "\n")
	status := w.openSaved("older.txt", []byte(older))
	w.wantAnswers("an older version's file", map[string]string{text.Name: "By id.", line.Name: "By its words.", box.Name: "checked"})
	if !strings.Contains(status, "another page") || !strings.Contains(status, "3 answers have no question on this page") {
		t.Errorf("after opening another page's file, the page says %q", status)
	}
	unplaced := strings.Join(shown(w.tab, ".worksheet-unplaced li"), "\n")
	for _, want := range []string{"A question this page no longer asks", "Kept for the reader.", scale.Question, "99 of " + high, "A step this page dropped"} {
		if !strings.Contains(unplaced, want) {
			t.Errorf("the answers with no place do not show %q:\n%s", want, unplaced)
		}
	}

	first := strings.Join([]string{
		"# The same worksheet, saved before files had ids",
		"",
		"Saved on 1 January 2026 from " + srv.Page(path),
		"",
		"## " + text.Question,
		"",
		"A paragraph from the first format.",
		"",
		"## " + scale.Question,
		"",
		scale.Values[0] + " of " + high,
		"",
		"- [ ] " + box.Question,
		"",
	}, "\n")
	w.tab.AcceptDialogs(true) // the page has answers: replace them
	status = w.openSaved("first.txt", []byte(first))
	w.wantAnswers("a first-format file", map[string]string{text.Name: "A paragraph from the first format.", line.Name: "By its words.", scale.Name: scale.Values[0]})
	if d := w.tab.Dialogs(); len(d) != 1 || !strings.HasPrefix(d[0], "confirm") {
		t.Errorf("opening a file over typed answers opened %q, want one confirm dialog", d)
	}
	if strings.Contains(status, "another page") || len(shown(w.tab, ".worksheet-unplaced")) > 0 {
		t.Errorf("a file of this page, in the first format, did not find every field: %q", status)
	}
	w.done()
}
