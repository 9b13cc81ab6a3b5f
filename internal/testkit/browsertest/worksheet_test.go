package browsertest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// A field is one question of a worksheet, as the page has it.
type field struct {
	Kind     string   `json:"kind"` // "text", "line", "scale" or "checkbox"
	ID       string   `json:"id"`   // of the control; of the fieldset for a scale
	Name     string   `json:"name"`
	Question string   `json:"question"`
	Values   []string `json:"values"` // of a scale, lowest first
}

// An answer is what the test puts in a field: text typed, the value of a
// scale, or "checked".
type answer struct {
	field
	Value string `json:"value"`
}

const fieldsJS = `Array.from(document.querySelectorAll("#worksheet .worksheet-field")).map((f) => {
	const control = f.querySelector("textarea, input");
	return {
		kind: ["text", "line", "scale", "checkbox"].find((k) => f.classList.contains("worksheet-" + k)) || "",
		id: f.matches("fieldset") ? f.id : (control ? control.id : ""),
		name: control ? control.name : "",
		question: f.dataset.field || "",
		values: Array.from(f.querySelectorAll("input[type=radio]")).map((r) => r.value),
	};
})`

// answersJS reads every answer on the page: name → text, scale value, or
// "checked"; empty answers are left out.
const answersJS = `(() => {
	const out = {};
	for (const el of document.querySelectorAll("#worksheet textarea, #worksheet input")) {
		if (!el.name) continue;
		if (el.type === "radio" || el.type === "checkbox") {
			if (el.checked) out[el.name] = el.type === "radio" ? el.value : "checked";
		} else if (el.value !== "") {
			out[el.name] = el.value;
		}
	}
	return out;
})()`

// storageJS returns everything the page's origin keeps in the browser.
const storageJS = `(() => {
	const out = {};
	for (let i = 0; i < localStorage.length; i++) out["localStorage " + localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
	for (let i = 0; i < sessionStorage.length; i++) out["sessionStorage " + sessionStorage.key(i)] = sessionStorage.getItem(sessionStorage.key(i));
	if (document.cookie) out["cookie"] = document.cookie;
	return out;
})()`

// worksheetPage finds a worksheet of the real site that has every kind of
// field.
func worksheetPage(t *testing.T) string {
	t.Helper()
	files := builtSite(t)
	for _, name := range files.Paths() {
		if !strings.HasPrefix(name, "worksheets/") || !strings.HasSuffix(name, "/index.html") {
			continue
		}
		page := string(files[name])
		if strings.Contains(page, `id="worksheet"`) &&
			strings.Contains(page, "worksheet-text") && strings.Contains(page, "worksheet-line") &&
			strings.Contains(page, "worksheet-scale") && strings.Contains(page, "worksheet-checkbox") {
			return urlPath(name)
		}
	}
	t.Fatal("no worksheet of the site has every kind of field (text, line, scale, checkbox)")
	return ""
}

// worksheet is a worksheet page open in a tab.
type worksheet struct {
	t      *testing.T
	tab    *browsertest.Tab
	srv    *browsertest.Server
	path   string
	fields []field
}

func openWorksheet(t *testing.T, b *browsertest.Browser, srv *browsertest.Server, path string, scripts bool) *worksheet {
	t.Helper()
	w := &worksheet{t: t, tab: b.NewTab(t), srv: srv, path: path}
	if !scripts {
		w.tab.DisableScripts()
	}
	w.tab.Navigate(srv.Page(path))
	if scripts {
		// worksheet.js shows the toolbar once it is ready.
		w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	}
	w.fields = browsertest.Eval[[]field](w.tab, fieldsJS)
	return w
}

// plan chooses answers for the first two fields of each kind.
func (w *worksheet) plan() []answer {
	var out []answer
	count := map[string]int{}
	for _, f := range w.fields {
		if count[f.Kind] == 2 {
			continue
		}
		count[f.Kind]++
		a := answer{field: f}
		switch f.Kind {
		case "text":
			a.Value = fmt.Sprintf("My answer to %q,\nover two lines.", f.Question)
		case "line":
			a.Value = fmt.Sprintf("short answer %d", count[f.Kind])
		case "scale":
			a.Value = f.Values[len(f.Values)/2]
		case "checkbox":
			a.Value = "checked"
		}
		out = append(out, a)
	}
	for _, kind := range []string{"text", "line", "scale", "checkbox"} {
		if count[kind] == 0 {
			w.t.Fatalf("%s has no %s field", w.path, kind)
		}
	}
	return out
}

// fill answers the fields as a reader does: typing, and clicking labels.
func (w *worksheet) fill(answers []answer) {
	w.t.Helper()
	for _, a := range answers {
		switch a.Kind {
		case "text", "line":
			w.tab.Do(chromedp.SendKeys(byID(a.ID), a.Value))
		case "scale":
			w.tab.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[id=%q] label:has(input[value=%q])`, a.ID, a.Value))))
		case "checkbox":
			w.tab.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`label[for=%q]`, a.ID))))
		}
	}
}

func byID(id string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`[id=%q]`, id))
}

// answers reads the answers on the page.
func (w *worksheet) answers() map[string]string {
	w.t.Helper()
	return browsertest.Eval[map[string]string](w.tab, answersJS)
}

// storage reads what the site keeps in this browser.
func (w *worksheet) storage() map[string]string {
	w.t.Helper()
	return browsertest.Eval[map[string]string](w.tab, storageJS)
}

func (w *worksheet) keepTicked() bool {
	w.t.Helper()
	return browsertest.Eval[bool](w.tab, `document.getElementById("keep-answers").checked`)
}

func (w *worksheet) click(selector string) {
	w.t.Helper()
	w.tab.Do(chromedp.Click(chromedp.CSS(selector)))
}

func asMap(answers []answer) map[string]string {
	m := map[string]string{}
	for _, a := range answers {
		m[a.Name] = a.Value
	}
	return m
}

// wantAnswers checks the answers on the page.
func (w *worksheet) wantAnswers(when string, want map[string]string) {
	w.t.Helper()
	if got := w.answers(); !maps.Equal(got, want) {
		w.t.Errorf("%s: the answers on the page are\n%q\nwant\n%q", when, got, want)
	}
}

// wantNothingStored checks that the site keeps nothing in the browser.
func (w *worksheet) wantNothingStored(when string) {
	w.t.Helper()
	if got := w.storage(); len(got) > 0 {
		w.t.Errorf("%s: the browser still keeps %q", when, got)
	}
}

// submitTrapJS adds to the form a required box that nobody ticks. Any
// attempt to submit the form, implicit or not, checks the form first, stops
// on the box and moves the focus to it, at once: the attempt shows as soon
// as the key that made it is handled, with no navigation to wait for. A
// checkbox does not count among the fields that decide whether Enter
// submits a form, so the trap changes nothing of that.
const submitTrapJS = `(() => {
	const box = Object.assign(document.createElement("input"), {type: "checkbox", required: true, id: "submit-trap"});
	document.getElementById("worksheet").append(box);
	return true;
})()`

func (w *worksheet) setSubmitTrap() {
	w.t.Helper()
	browsertest.Eval[bool](w.tab, submitTrapJS)
}

// wantSubmitTrapped checks that the trap catches a submission: without
// that, a test that saw the focus stay would prove nothing.
func (w *worksheet) wantSubmitTrapped() {
	w.t.Helper()
	browsertest.Eval[bool](w.tab, `document.getElementById("worksheet").requestSubmit(), true`)
	if got := w.focused(); got != "submit-trap" {
		w.t.Errorf("the submit trap did not catch a submission: the focus is on %q", got)
	}
}

// focused is the id of the element that has the focus.
func (w *worksheet) focused() string {
	w.t.Helper()
	return browsertest.Eval[string](w.tab, `document.activeElement ? document.activeElement.id : ""`)
}

func (w *worksheet) done() {
	w.t.Helper()
	w.tab.CheckClean(w.path, w.srv.URL)
}

// TestWorksheet fills in a real worksheet of the site in Chromium, under
// the site's Content-Security-Policy: answers are kept only after the
// reader opts in, and then come back; opting out or clearing leaves nothing
// behind; the saved file holds the answers; the printout has the answers
// and no navigation; hostile or unusual text stays text; the fields work
// without JavaScript; and no request ever leaves the site.
func TestWorksheet(t *testing.T) {
	path := worksheetPage(t)
	_, b, srv := serveSite(t)

	t.Run("nothing kept without opting in", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		if w.keepTicked() {
			t.Error(`"Keep my answers on this device" is ticked before the reader chose it`)
		}
		w.fill(w.plan())
		w.wantNothingStored("typed, not opted in")
		w.tab.Reload()
		w.wantAnswers("after a reload, not opted in", map[string]string{})
		w.wantNothingStored("after a reload, not opted in")
		w.done()
	})

	t.Run("kept after opting in, gone after opting out", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		plan := w.plan()
		w.fill(plan)
		w.click(`label[for="keep-answers"]`)
		stored := w.storage()
		if len(stored) != 1 {
			t.Errorf("opted in: the browser keeps %q, want one entry for the page", stored)
		}
		kept := strings.Join(slices.Collect(maps.Values(stored)), "\n")
		for _, a := range plan {
			if a.Kind == "text" || a.Kind == "line" {
				quoted, _ := json.Marshal(a.Value) // answers are stored as JSON
				if !strings.Contains(kept, string(quoted)) {
					t.Errorf("opted in: the stored answers lack %q", a.Value)
				}
			}
		}
		w.tab.Reload()
		w.wantAnswers("opted in, after a reload", asMap(plan))
		if !w.keepTicked() {
			t.Error(`opted in, after a reload: "Keep my answers" is no longer ticked`)
		}

		w.click(`label[for="keep-answers"]`) // opt out
		w.wantNothingStored("opted out")
		w.tab.Reload()
		w.wantAnswers("opted out, after a reload", map[string]string{})
		w.wantNothingStored("opted out, after a reload")
		if w.keepTicked() {
			t.Error(`opted out, after a reload: "Keep my answers" is ticked`)
		}
		w.done()
	})

	t.Run("clear asks first, then removes everything", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		plan := w.plan()
		w.fill(plan)
		w.click(`label[for="keep-answers"]`)

		w.tab.AcceptDialogs(false)
		w.click(`[data-action="clear"]`)
		if d := w.tab.Dialogs(); len(d) != 1 || !strings.HasPrefix(d[0], "confirm") {
			t.Errorf(`"Clear my answers" opened %q, want one confirm dialog`, d)
		}
		w.wantAnswers("clear cancelled", asMap(plan))
		if len(w.storage()) == 0 {
			t.Error("clear cancelled: the stored answers are gone")
		}

		w.tab.AcceptDialogs(true)
		w.click(`[data-action="clear"]`)
		w.wantAnswers("cleared", map[string]string{})
		w.wantNothingStored("cleared")
		w.tab.Reload()
		w.wantAnswers("cleared, after a reload", map[string]string{})
		w.wantNothingStored("cleared, after a reload")
		if w.keepTicked() {
			t.Error(`cleared, after a reload: "Keep my answers" is ticked`)
		}
		w.done()
	})

	t.Run("saved file holds the answers", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		plan := w.plan()
		w.fill(plan)
		d := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save"]`)))
		slug := strings.Trim(strings.TrimPrefix(path, "/worksheets/"), "/")
		if !strings.HasPrefix(d.Name, slug) || !strings.HasSuffix(d.Name, ".txt") {
			t.Errorf("the file is named %q, want %s-<date>.txt", d.Name, slug)
		}
		text := string(d.Data)
		title := browsertest.Eval[string](w.tab, `document.querySelector("h1").textContent`)
		if !strings.Contains(text, title) {
			t.Errorf("the file lacks the worksheet's title %q:\n%s", title, text)
		}
		for _, a := range plan {
			want := a.Value
			switch a.Kind {
			case "scale":
				want = a.Value + "/" + a.Values[len(a.Values)-1] // 7/10: the same in every language
			case "checkbox":
				want = "[x] " + a.Question
			}
			if !strings.Contains(text, a.Question) || !strings.Contains(text, want) {
				t.Errorf("the file lacks the question %q or its answer %q:\n%s", a.Question, want, text)
			}
		}
		for _, f := range w.fields {
			if !strings.Contains(text, f.Question) {
				t.Errorf("the file lacks the unanswered question %q", f.Question)
			}
		}
		w.wantNothingStored("saved as a file, not opted in")
		w.done()
	})

	t.Run("printout has the answers and no navigation", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		plan := w.plan()
		w.fill(plan)
		w.tab.Media("print", nil)
		planJSON, _ := json.Marshal(plan)
		for _, p := range browsertest.Eval[[]string](w.tab, `((plan) => {
	const shown = (el) => !!el && el.checkVisibility({visibilityProperty: true});
	const out = [];
	for (const sel of ["header.site-header", "nav", ".quick-exit", ".worksheet-tools", "form[data-search]", ".privacy-note"]) {
		for (const el of document.querySelectorAll(sel)) {
			if (shown(el)) out.push(sel + " is printed (display: " + getComputedStyle(el).display + ")");
		}
	}
	for (const a of plan) {
		const where = a.kind + " field " + JSON.stringify(a.question);
		if (a.kind === "text" || a.kind === "line") {
			const control = document.getElementById(a.id);
			const copy = control.nextElementSibling && control.nextElementSibling.matches(".print-answer") ? control.nextElementSibling : null;
			const printed = [control, copy].filter(shown);
			const texts = printed.map((el) => el === control ? el.value : el.textContent);
			if (printed.length !== 1) {
				out.push(where + ": the answer is printed " + printed.length + " times (" +
					printed.map((el) => "<" + el.tagName.toLowerCase() + (el.className ? " class=" + el.className : "") + ">").join(", ") + ")");
			}
			if (!texts.includes(a.value)) out.push(where + ": the printout does not show the answer");
		} else if (a.kind === "scale") {
			const radios = Array.from(document.querySelectorAll("fieldset[id=" + JSON.stringify(a.id) + "] input[type=radio]"));
			const chosen = radios.find((r) => r.value === a.value);
			const other = radios.find((r) => r.value !== a.value);
			const mark = (r) => r.closest("label");
			if (!chosen.checked || !shown(mark(chosen))) {
				out.push(where + ": the chosen value is not printed");
			} else if (getComputedStyle(mark(chosen).querySelector("span") || mark(chosen)).borderTopWidth ===
				getComputedStyle(mark(other).querySelector("span") || mark(other)).borderTopWidth &&
				getComputedStyle(mark(chosen)).fontWeight === getComputedStyle(mark(other)).fontWeight) {
				out.push(where + ": the chosen value looks like the others on paper");
			}
		} else if (a.kind === "checkbox") {
			const box = document.getElementById(a.id);
			if (!box.checked || !shown(box)) out.push(where + ": the tick is not printed");
		}
	}
	const footer = document.querySelector(".print-footer");
	if (!shown(footer) || !/\/w\//.test(footer.textContent)) out.push("the footer with the short link is not printed");
	return out;
})(`+string(planJSON)+`)`) {
			t.Errorf("%s, printed: %s", path, p)
		}
		w.done()
	})

	t.Run("script and odd Unicode stay text", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		var text, line field
		for _, f := range w.fields {
			if f.Kind == "text" && text.ID == "" {
				text = f
			}
			if f.Kind == "line" && line.ID == "" {
				line = f
			}
		}
		const hostile = `<script>alert("typed")</script><img src=x onerror=alert(1)> & "quotes" </textarea>`
		// Accents both composed and combining, right-to-left text and an
		// override, a zero-width space, and emoji joined into one.
		const odd = "Zoë Zoe\u0301 \u202Eevil\u202C שלום \u200b 👩🏽\u200d❤️\u200d👨 \U0001F600"
		before := browsertest.Eval[int](w.tab, `document.querySelectorAll("script, img").length`)
		w.tab.Do(
			chromedp.SendKeys(byID(text.ID), hostile+"\n"),
			chromedp.Focus(byID(text.ID)),
			insertText(odd),
			chromedp.Focus(byID(line.ID)),
			insertText(odd),
		)
		want := map[string]string{text.Name: hostile + "\n" + odd, line.Name: odd}
		w.click(`label[for="keep-answers"]`)
		w.tab.Reload()
		w.wantAnswers("hostile text, after a reload", want)
		if after := browsertest.Eval[int](w.tab, `document.querySelectorAll("script, img").length`); after != before {
			t.Errorf("the page had %d <script> and <img> elements, and %d after the answers came back", before, after)
		}
		copies := browsertest.Eval[map[string]string](w.tab, `Object.fromEntries(Array.from(document.querySelectorAll(".print-answer")).map((el) => [el.previousElementSibling.name, el.textContent]))`)
		for name, v := range want {
			if c, ok := copies[name]; ok && c != v {
				t.Errorf("the printed copy of %s is %q, want %q", name, c, v)
			}
		}
		d := w.tab.Download(chromedp.Click(chromedp.CSS(`[data-action="save"]`)))
		for _, v := range []string{hostile, odd} {
			if !strings.Contains(string(d.Data), v) {
				t.Errorf("the saved file lacks %q:\n%s", v, d.Data)
			}
		}
		if d := w.tab.Dialogs(); len(d) > 0 {
			t.Errorf("typed script ran: dialogs %q", d)
		}
		w.done()
	})

	t.Run("fields work without JavaScript", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, false)
		if browsertest.Eval[bool](w.tab, `document.querySelector(".worksheet-tools").checkVisibility()`) {
			t.Error("without JavaScript the toolbar shows buttons that cannot work")
		}
		plan := w.plan()
		w.fill(plan)
		w.wantAnswers("typed without JavaScript", asMap(plan))

		// Enter in a one-line answer must not send the form anywhere.
		var line answer
		for _, a := range plan {
			if a.Kind == "line" {
				line = a
				break
			}
		}
		w.setSubmitTrap()
		w.tab.Do(chromedp.SendKeys(byID(line.ID), "\n"))
		if got := w.focused(); got != line.ID {
			t.Errorf("Enter in a one-line answer tried to submit the form: the focus went to %q", got)
		}
		w.wantSubmitTrapped()
		for _, r := range w.tab.Requests() {
			if u, err := url.Parse(r); err == nil && u.RawQuery != "" {
				t.Errorf("a request carries data: %s", r)
			}
		}
		w.wantAnswers("after Enter, without JavaScript", asMap(plan))
		w.done()
	})

	t.Run("one-line answers look like answer boxes", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		for _, p := range browsertest.Eval[[]string](w.tab, `(() => {
	const out = [];
	const box = document.querySelector("#worksheet .worksheet-text textarea");
	for (const line of document.querySelectorAll("#worksheet .worksheet-line input")) {
		const s = getComputedStyle(line), b = getComputedStyle(box);
		if (s.borderTopWidth !== b.borderTopWidth || s.borderTopStyle !== b.borderTopStyle) {
			out.push("<input name=" + line.name + "> has a " + s.borderTopWidth + " " + s.borderTopStyle +
				" border, the answer boxes " + b.borderTopWidth + " " + b.borderTopStyle);
		}
		if (line.getBoundingClientRect().width < line.parentElement.getBoundingClientRect().width * 0.9) {
			out.push("<input name=" + line.name + "> is " + Math.round(line.getBoundingClientRect().width) +
				"px wide in a " + Math.round(line.parentElement.getBoundingClientRect().width) + "px field");
		}
	}
	return out;
})()`) {
			t.Errorf("%s: %s (is worksheet.css's input[type=\"text\"] matching it?)", path, p)
		}
		w.done()
	})

	t.Run("short link leads here", func(t *testing.T) {
		w := openWorksheet(t, b, srv, path, true)
		short := browsertest.Eval[string](w.tab, `document.querySelector(".print-footer .url").textContent`)
		u, err := url.Parse(strings.TrimSpace(short))
		if err != nil || !strings.HasPrefix(u.Path, "/w/") {
			t.Fatalf("the short link %q is not a /w/ URL", short)
		}
		w.tab.Navigate(srv.Page(u.Path))
		if got := browsertest.Eval[string](w.tab, "location.pathname"); got != path {
			t.Errorf("the short link %s leads to %s, want %s", u.Path, got, path)
		}
		w.done()
	})
}

// insertText enters text into the focused field as an input method or a
// paste does, which key events cannot do for every character.
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}
