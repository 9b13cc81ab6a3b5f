package browsertest_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// TestPacketAfterShortChange: a worksheet's short link changed, its old one
// kept as an alias (as the build asks). The client's packet link, made
// before with the old short, still opens that worksheet, as /w/<old> does,
// and does not say it is gone.
func TestPacketAfterShortChange(t *testing.T) {
	const ws = "content/worksheets/name-what-happened.md"
	files := buildWith(t, func(fsys fstest.MapFS) {
		data := fsys[ws].Data
		if !bytes.Contains(data, []byte("\nshort: name-it\n")) {
			t.Fatalf("%s has no short: name-it", ws)
		}
		data = bytes.Replace(data, []byte("\nshort: name-it\n"), []byte("\nshort: name-what\naliases: [/w/name-it]\n"), 1)
		fsys[ws] = &fstest.MapFile{Data: data}
	})
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, files, browsertest.Netlify(t))
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/w/name-it"))
	if got := browsertest.Eval[string](tab, "location.pathname"); got != "/worksheets/name-what-happened/" {
		t.Fatalf("/w/name-it leads to %s", got)
	}
	title := browsertest.Eval[string](tab, `document.querySelector("h1").textContent.trim()`)

	tab.Navigate(srv.Page("/worksheets/#set=name-it,apology"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
	if got := shown(tab, "[data-set-list] a"); len(got) != 2 || !slices.Contains(got, title) {
		t.Errorf("the set link made with the old short shows %q, want %q and the apology worksheet", got, title)
	}
	if got := shown(tab, "[data-set-progress]"); len(got) != 1 || got[0] != "2 worksheets." && got[0] != "0 of 2 started on this device." {
		t.Errorf("the set's progress says %q, want both worksheets there", got)
	}
	// The old and the new short of one worksheet: it is listed once.
	tab.Navigate(srv.Page("/worksheets/#set=name-it,name-what,apology"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
	if got := shown(tab, "[data-set-list] a"); len(got) != 2 {
		t.Errorf("a set link with the old and the new short shows %q, want the worksheet once, and the apology", got)
	}
	tab.CheckClean("a set link with an old short", srv.URL)
}

// TestPacketAcrossLanguages: a set link made on one language's index opens
// the same worksheets on the other's (each knows its translations' shorts),
// and the language switch of a set carries the set over: a client who
// reads French was shown the whole French index, or told the worksheets of
// an English link were "no longer on the site".
func TestPacketAcrossLanguages(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	titles := func(paths ...string) []string {
		var out []string
		for _, p := range paths {
			tab.Navigate(srv.Page(p))
			out = append(out, browsertest.Eval[string](tab, `document.querySelector("h1").textContent.trim()`))
		}
		return out
	}
	french := titles("/fr/worksheets/name-what-happened/", "/fr/worksheets/plan-an-apology/")
	english := titles("/worksheets/name-what-happened/", "/worksheets/plan-an-apology/")
	for _, c := range []struct {
		page string
		want []string
	}{
		{"/fr/worksheets/#set=name-it,apology", french},
		{"/fr/worksheets/#set=nommer,apology", french},
		{"/worksheets/#set=nommer,excuses", english},
	} {
		tab.Navigate(srv.Page(c.page))
		tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
		if got := shown(tab, "[data-set-list] a"); !slices.Equal(got, c.want) {
			t.Errorf("%s shows %q, want %q", c.page, got, c.want)
		}
		if got := shown(tab, "[data-set-progress]"); len(got) != 1 || strings.Contains(got[0], ";") {
			t.Errorf("%s says %q", c.page, got)
		}
	}

	tab.Navigate(srv.Page("/worksheets/#set=name-it,apology"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")),
		chromedp.Click(chromedp.CSS(`.lang-switch a[hreflang="fr-CA"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fr-CA"] [data-set]`)))
	if got := shown(tab, "[data-set-list] a"); !slices.Equal(got, french) {
		t.Errorf("after the language switch, the set shows %q, want %q", got, french)
	}
	tab.CheckClean("set links across languages", srv.URL)
}

// TestSetLinkWithNothingLeft: a set link whose worksheets have all gone
// says so plainly; it said "0 worksheets. 2 worksheets in this link are no
// longer on the site; the others are here", and there were no others.
func TestSetLinkWithNothingLeft(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for page, want := range map[string]string{
		"/worksheets/#set=gone-one,gone-two": "The 2 worksheets in this link are no longer on the site.",
		"/worksheets/#set=gone-one":          "The worksheet in this link is no longer on the site.",
		"/fr/worksheets/#set=gone-one":       "La fiche de ce lien n’est plus sur le site.",
	} {
		tab.Navigate(srv.Page(page))
		tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
		if got := shown(tab, "[data-set-progress]"); len(got) != 1 || got[0] != want {
			t.Errorf("%s says %q, want %q", page, got, want)
		}
		if got := shown(tab, "[data-set-all]"); len(got) != 1 {
			t.Errorf("%s does not lead to every worksheet: %q", page, got)
		}
	}
	tab.CheckClean("set links with nothing left", srv.URL)
}

// TestKeptAnswersFollowARenamedWorksheet: a worksheet renamed (its file,
// so its URL and the key its answers are kept by), its old URL kept as an
// alias. A client who kept answers on this device and opens the old link
// or the QR code finds them there; they found an empty worksheet.
func TestKeptAnswersFollowARenamedWorksheet(t *testing.T) {
	const from, to = "content/worksheets/my-questions.md", "content/worksheets/questions-i-have.md"
	files := buildWith(t, func(fsys fstest.MapFS) {
		data := bytes.Replace(fsys[from].Data, []byte("\nshort: "), []byte("\naliases: [/worksheets/my-questions/]\nshort: "), 1)
		delete(fsys, from)
		fsys[to] = &fstest.MapFile{Data: data}
		for name, f := range fsys { // the articles link to it by its file
			if strings.HasSuffix(name, ".md") {
				f.Data = bytes.ReplaceAll(f.Data, []byte("worksheets/my-questions.md"), []byte("worksheets/questions-i-have.md"))
				f.Data = bytes.ReplaceAll(f.Data, []byte("](my-questions.md"), []byte("](questions-i-have.md"))
			}
		}
		fr := "content/fr/worksheets/my-questions.md"
		fsys["content/fr/worksheets/questions-i-have.md"] = fsys[fr]
		delete(fsys, fr)
		fsys["content/fr/worksheets/questions-i-have.md"].Data = bytes.Replace(fsys["content/fr/worksheets/questions-i-have.md"].Data,
			[]byte("\nshort: "), []byte("\naliases: [/fr/worksheets/my-questions/]\nshort: "), 1)
	})
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, files, browsertest.Netlify(t))
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/worksheets/questions-i-have/"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	// Kept before the rename, under the old key.
	name := browsertest.Eval[string](tab, `(() => {
	const name = document.querySelector("#worksheet textarea").name;
	localStorage.setItem("guide:v1:worksheets/my-questions", JSON.stringify({answers: {[name]: "Kept before the rename."}}));
	return name;
})()`)
	// The client's packet link counts it as started, before they open it.
	tab.Navigate(srv.Page("/worksheets/#set=questions"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
	if got := shown(tab, "[data-set-progress]"); len(got) != 1 || got[0] != "1 of 1 started on this device." {
		t.Errorf("the set link says %q, want 1 of 1 started", got)
	}
	tab.Navigate(srv.Page("/worksheets/my-questions/"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	if got := browsertest.Eval[string](tab, `document.querySelector("#worksheet textarea[name='`+name+`']").value`); got != "Kept before the rename." {
		t.Errorf("the renamed worksheet shows %q, want the answer kept under its old key", got)
	}
	if got := browsertest.Eval[bool](tab, `document.getElementById("keep-answers").checked`); !got {
		t.Error(`"Keep my answers" is not ticked: the answers kept are not found`)
	}
	tab.CheckClean("a renamed worksheet", srv.URL)
}

// TestPacketLinkTooLongForAQRCode: chosen many at once, the link for the
// client no longer fits a QR code; the page says so, where the code would
// be, instead of leaving the place empty. (On the published site every
// English worksheet makes 214 bytes, one too many; the French shorts are
// longer, so the French index shows it here, at the test server's shorter
// address.)
func TestPacketLinkTooLongForAQRCode(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/fr/worksheets/"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-packet-tools]")))
	for _, w := range browsertest.Eval[[]listed](tab, listedJS) {
		tab.Do(chromedp.Click(chromedp.CSS(`label[for="pick-` + w.Short + `"]`)))
	}
	link := browsertest.Eval[string](tab, `document.getElementById("set-url").textContent`)
	if len(link) <= 213 {
		t.Skipf("the link for every worksheet fits a QR code (%d bytes)", len(link))
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-packet-qr] svg").length`); n != 0 {
		t.Fatalf("%d QR codes for a link of %d bytes", n, len(link))
	}
	if got := shown(tab, "[data-packet-qr]"); len(got) != 1 || !strings.Contains(got[0], "trop long pour un code QR") {
		t.Errorf("where the QR code would be, the page says %q", got)
	}
	tab.CheckClean("a packet of every worksheet", srv.URL)
}
