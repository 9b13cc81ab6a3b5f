package browsertest_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

const english = "templates/i18n/en.yaml"

// withStrings builds the real site with some English strings replaced: by
// key, the new value, written as YAML (one line, or an indented block of
// plural forms).
func withStrings(t *testing.T, values map[string]string) (*browsertest.Browser, *browsertest.Server) {
	t.Helper()
	files := buildWith(t, func(fsys fstest.MapFS) {
		text := string(fsys[english].Data)
		for key, value := range values {
			// the key's line, and the indented lines of its plural forms
			line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `:.*\n(?:  .*\n)*`)
			if !line.MatchString(text) {
				t.Fatalf("%s has no string %q", english, key)
			}
			text = line.ReplaceAllLiteralString(text, key+": "+value+"\n")
		}
		fsys[english] = &fstest.MapFile{Data: []byte(text)}
	})
	return browsertest.Start(t), browsertest.Serve(t, files, browsertest.Netlify(t))
}

// statusJS waits until the element's text is neither empty nor the
// string of the key passed over (a message shown while waiting), and
// returns it.
func statusJS(selector, passOver string) string {
	return fmt.Sprintf(`new Promise((resolve) => {
	const s = document.querySelector(%q), over = %q ? t(%q) : "";
	const done = () => s.textContent && s.textContent !== over && resolve(s.textContent);
	done() || new MutationObserver(done).observe(s, {childList: true, characterData: true, subtree: true});
})`, selector, passOver, passOver)
}

// TestScriptsSpeakFromThePage changes strings in en.yaml and finds the new
// words in what the scripts show: the search's and the worksheet's
// messages, and a plural string's forms.
func TestScriptsSpeakFromThePage(t *testing.T) {
	b, srv := withStrings(t, map[string]string{
		"search.none":       `"<none {query}>"`,
		"search.found":      "\n  one: \"<one {n}>\"\n  other: \"<other {n}>\"",
		"worksheet.saved":   `"<saved {name}>"`,
		"worksheet.cleared": `"<cleared>"`,
	})
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/"))
	tab.Do(chromedp.WaitVisible(chromedp.ID("search-q")), chromedp.SendKeys(chromedp.ID("search-q"), "zqxjkv"))
	if got := browsertest.Eval[string](tab, statusJS(".search-status", "search.loading")); got != "<none zqxjkv>" {
		t.Errorf("a search with no results says %q", got)
	}
	forms := browsertest.Eval[[]string](tab, `[t("search.found", {n: 1}), t("search.found", {n: 2})]`)
	if strings.Join(forms, " ") != "<one 1> <other 2>" {
		t.Errorf("the plural forms of search.found for 1 and 2 are %q", forms)
	}
	if keys := browsertest.Eval[[]string](tab, `Object.keys(JSON.parse(document.getElementById("strings").textContent))`); strings.Contains(strings.Join(keys, " "), "worksheet.") {
		t.Errorf("the home page carries strings of scripts it does not load: %q", keys)
	}
	tab.CheckClean("search on /", srv.URL)

	w := openWorksheet(t, b, srv, worksheetPage(t), true)
	saved := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save"]`)))
	if got, want := browsertest.Eval[string](w.tab, statusJS(".worksheet-status", "")), "<saved "+saved.Name+">"; got != want {
		t.Errorf("after saving, the page says %q, want %q", got, want)
	}
	w.tab.AcceptDialogs(true)
	w.click(`[data-action="clear"]`)
	if got := browsertest.Eval[string](w.tab, `document.querySelector(".worksheet-status").textContent`); got != "<cleared>" {
		t.Errorf("after clearing, the page says %q", got)
	}
	w.done()
}

// TestAnswersFileOpensInTheOtherLanguage saves a worksheet's answers on
// the English site and opens the file on a site that speaks French (the
// English site drawn with fr.yaml's strings): the file's format is the
// same in every language, and every answer comes back.
func TestAnswersFileOpensInTheOtherLanguage(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	plan := w.plan()
	w.fill(plan)
	saved := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save"]`)))
	key := w.key()
	if first, _, _ := strings.Cut(string(saved.Data), "\n"); first != "<!-- guide-answers v3 "+key+" -->" {
		t.Errorf("the saved file starts with %q", first)
	}
	w.done()

	files := buildWith(t, func(fsys fstest.MapFS) { fsys[english] = fsys["templates/i18n/fr.yaml"] })
	french := browsertest.Serve(t, files, browsertest.Netlify(t))
	other := openWorksheet(t, browsertest.Start(t), french, path, true)
	status := other.openSaved(saved.Name, saved.Data)
	other.wantAnswers("opened where the page speaks French", asMap(plan))
	if want := "Les réponses de " + saved.Name + " sont de retour sur cette page."; status != want {
		t.Errorf("after opening the file, the page says %q, want %q", status, want)
	}
	if s := shown(other.tab, ".worksheet-unplaced"); len(s) > 0 {
		t.Errorf("answers found no place: %q", s)
	}
	other.done()
}

// TestKeptAnswersMoveToTheWorksheetKey: answers kept under the page's
// path, as the site kept them before, are back on the page, and are kept
// from then on under the worksheet's key only.
func TestKeptAnswersMoveToTheWorksheetKey(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	plan := w.plan()
	kept := map[string]any{}
	for _, a := range plan {
		if a.Kind == "checkbox" {
			kept[a.Name] = true
		} else {
			kept[a.Name] = a.Value
		}
	}
	record, _ := json.Marshal(map[string]any{"answers": kept})
	data := jsString(string(record))
	browsertest.Eval[bool](w.tab, `localStorage.setItem("guide:v1:`+path+`", `+data+`), true`)
	w.tab.Reload()
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	w.wantAnswers("kept under the page's path", asMap(plan))
	if !w.keepTicked() {
		t.Error("the answers are back, but “Keep my answers” is not ticked")
	}
	key := w.key()
	stored := w.storage()
	if len(stored) != 1 || stored["localStorage guide:v1:"+key] == "" {
		t.Errorf("after the move the browser keeps %q, want only guide:v1:%s", stored, key)
	}
	w.done()
}

// TestForgetSitsUnderItsHeading: the "Forget this site" block of a page
// with forget: true sits under the heading that has the button's words,
// whatever that heading's id (a translation may give it another).
func TestForgetSitsUnderItsHeading(t *testing.T) {
	files := buildWith(t, func(fsys fstest.MapFS) {
		about := string(fsys["content/about.md"].Data)
		moved := strings.Replace(about, "### Forget this site on this device\n", "### Forget this site on this device {#another-id}\n", 1)
		if moved == about {
			t.Fatal("content/about.md has no heading “Forget this site on this device”")
		}
		fsys["content/about.md"] = &fstest.MapFile{Data: []byte(moved)}
	})
	srv := browsertest.Serve(t, files, browsertest.Netlify(t))
	tab := browsertest.Start(t).NewTab(t)
	tab.Navigate(srv.Page("/about/"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
	under := browsertest.Eval[string](tab, `(() => {
	let el = document.querySelector("[data-forget]").previousElementSibling;
	while (el && !/^H[1-6]$/.test(el.tagName)) el = el.previousElementSibling;
	return el ? el.id : "";
})()`)
	if under != "another-id" {
		t.Errorf("the Forget button sits under the heading #%s, want #another-id", under)
	}
	tab.CheckClean("/about/", srv.URL)
}

// key is the worksheet's key, as the page names it for its answers.
func (w *worksheet) key() string {
	w.t.Helper()
	return browsertest.Eval[string](w.tab, `document.getElementById("worksheet").dataset.worksheet`)
}

// TestKeptAnswersOpenInTheOtherLanguage: answers kept on a worksheet's
// English page are on its French page, in the same browser: they are kept
// by worksheet and field, never by URL or language.
func TestKeptAnswersOpenInTheOtherLanguage(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	w.fill(w.plan())
	w.click(`label[for="keep-answers"]`)
	want := w.answers()

	w.tab.Navigate(srv.Page("/fr" + path))
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	if lang := browsertest.Eval[string](w.tab, "document.documentElement.lang"); lang != "fr-CA" {
		t.Fatalf("/fr%s is in %q, want fr-CA", path, lang)
	}
	w.wantAnswers("on the French page", want)
	if !w.keepTicked() {
		t.Error("on the French page, “keep my answers” is not ticked, though the answers are kept")
	}
	w.done()
}
