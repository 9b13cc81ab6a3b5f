package browsertest_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/qrsvg"
	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// A listed worksheet, as the counsellors' index shows it.
type listed struct {
	Short    string `json:"short"`
	URL      string `json:"url"`
	Title    string `json:"title"`
	ShortURL string `json:"shortURL"`
	QR       bool   `json:"qr"`
}

const listedJS = `Array.from(document.querySelectorAll(".ws-index .ws-item")).map((li) => ({
	short: li.dataset.short,
	url: li.querySelector("h3 a").getAttribute("href"),
	title: li.querySelector("h3 a").textContent.trim(),
	shortURL: li.querySelector(".short-link .url").textContent.trim(),
	qr: !!li.querySelector(".ws-qr svg.qr path"),
}))`

// shownJS lists what the page shows now (print or screen, as emulated) of
// the elements matching a selector: their text.
const shownJS = `((sel) => Array.from(document.querySelectorAll(sel))
	.filter((el) => el.checkVisibility({visibilityProperty: true}))
	.map((el) => el.textContent.trim()))`

func shown(tab *browsertest.Tab, selector string) []string {
	return browsertest.Eval[[]string](tab, shownJS+"("+jsString(selector)+")")
}

var qrPath = regexp.MustCompile(` d="([^"]*)"`)

// TestPacket: a counsellor chooses three worksheets on /worksheets/. The
// packet prints a cover page, then each worksheet as it prints on its own
// (Page.printToPDF counts the pages), with its own QR code and short link;
// the one link for the client, drawn as the same QR code the builder would
// draw, opens the same three with what this device knows of them; and
// without JavaScript the index still lists every worksheet with its link
// and QR code.
func TestPacket(t *testing.T) {
	axe := browsertest.AxeSource(t)
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/worksheets/"))
	tab.Do(chromedp.WaitVisible(chromedp.CSS("[data-packet-tools]")))
	all := browsertest.Eval[[]listed](tab, listedJS)
	if len(all) < 4 {
		t.Fatalf("the index lists %d worksheets", len(all))
	}
	chosen := []listed{all[2], all[0], all[3]}
	for _, w := range chosen {
		tab.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`label[for="pick-%s"]`, w.Short))))
	}
	// Chosen in this order, listed in the index's order.
	slices.SortFunc(chosen, func(a, b listed) int {
		return slices.IndexFunc(all, func(x listed) bool { return x.Short == a.Short }) -
			slices.IndexFunc(all, func(x listed) bool { return x.Short == b.Short })
	})
	setLink := srv.Page("/worksheets/#set=" + strings.Join([]string{chosen[0].Short, chosen[1].Short, chosen[2].Short}, ","))

	t.Run("one link and QR code for the client", func(t *testing.T) {
		tab := tab.In(t)
		if got := browsertest.Eval[string](tab, `document.getElementById("set-url").textContent`); got != setLink {
			t.Errorf("the link for the client is %q, want %q", got, setLink)
		}
		svg, err := qrsvg.Encode(setLink, "x")
		if err != nil {
			t.Fatal(err)
		}
		got := browsertest.Eval[string](tab, `document.querySelector("[data-packet-qr] svg path").getAttribute("d")`)
		if want := qrPath.FindStringSubmatch(svg)[1]; got != want {
			t.Errorf("the set's QR code is not the one internal/qrsvg draws for %s:\n got %.80s…\nwant %.80s…", setLink, got, want)
		}
		for _, w := range chosen {
			if status := browsertest.Eval[string](tab, `document.querySelector("[data-packet-chosen]").textContent`); !strings.Contains(status, w.Title) {
				t.Errorf("the status %q does not name %q", status, w.Title)
			}
		}
		for _, v := range tab.Axe(axe) {
			t.Errorf("/worksheets/, three chosen: axe: %s", v)
		}
	})

	t.Run("the packet prints a cover and each worksheet", func(t *testing.T) {
		tab := tab.In(t)
		// Headless Chromium has no print dialog: window.print would hold the
		// page "being printed". Record the call instead; printToPDF prints.
		tab.Do(chromedp.Evaluate[chromedp.Void](`window.print = () => { window.printed = (window.printed || 0) + 1; }`))
		tab.Do(
			chromedp.Click(chromedp.CSS(`[data-action="print-packet"]`)),
			chromedp.WaitReady(chromedp.CSS("[data-packet][data-ready]")),
		)
		if n := browsertest.Eval[int](tab, "window.printed || 0"); n != 1 {
			t.Errorf(`"Print the packet" asked the browser to print %d times, want once`, n)
		}
		got := browsertest.PDFPages(tab.PrintToPDF())
		want, alone := 1, []int{} // the cover
		for _, w := range chosen {
			sheet := b.NewTab(t)
			sheet.Navigate(srv.Page(w.URL))
			sheet.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
			n := browsertest.PDFPages(sheet.PrintToPDF())
			alone = append(alone, n)
			want += n
		}
		t.Logf("packet: %d pages; alone: %v", got, alone)
		if got != want {
			t.Errorf("the packet prints on %d pages, want %d: a cover page, then the worksheets as they print alone (%v pages)", got, want, alone)
		}

		tab.Media("print", nil)
		defer tab.Media("", nil)
		if qr := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll("svg.qr")).filter((el) => el.checkVisibility()).length`); qr != len(chosen) {
			t.Errorf("the printed packet has %d QR codes, want %d, one per worksheet", qr, len(chosen))
		}
		footers := shown(tab, ".packet-sheet .print-footer .url")
		var wantFooters []string
		for _, w := range chosen {
			wantFooters = append(wantFooters, w.ShortURL)
		}
		if !slices.Equal(footers, wantFooters) {
			t.Errorf("the printed worksheets end with the short links %q, want %q", footers, wantFooters)
		}
		if titles := shown(tab, ".packet-sheet h1"); len(titles) != len(chosen) {
			t.Errorf("the packet prints the worksheets %q, want %d", titles, len(chosen))
		}
		for _, sel := range []string{".ws-index", ".packet-tools", ".site-header", ".quick-exit"} {
			if s := shown(tab, sel); len(s) > 0 {
				t.Errorf("the packet prints %s", sel)
			}
		}
		if cover := strings.Join(shown(tab, ".packet-cover"), "\n"); !strings.Contains(cover, "A note from your counsellor") {
			t.Errorf("the cover page has no room for a note:\n%s", cover)
		}
		tab.CheckClean("/worksheets/, packet", srv.URL)
	})

	t.Run("the set link opens the three", func(t *testing.T) {
		client := b.NewTab(t)
		// The client started one of them on this device, with "Keep my answers".
		client.Navigate(srv.Page(chosen[1].URL))
		client.Do(
			chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")),
			chromedp.SendKeys(chromedp.CSS("#worksheet textarea"), "Started."),
			chromedp.Click(chromedp.CSS(`label[for="keep-answers"]`)),
		)
		// And kept another's answers locked with a passphrase: kept all the same.
		client.Navigate(srv.Page(chosen[0].URL))
		client.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
		browsertest.Eval[bool](client, `localStorage.setItem("guide:v1:" + document.getElementById("worksheet").getAttribute("data-worksheet"),
			JSON.stringify({locked: {lock: 1, kdf: "PBKDF2-SHA-256", iterations: 600000, salt: "AAAA", iv: "AAAA", data: "AAAA"}})) || true`)
		client.Navigate(setLink)
		client.Do(chromedp.WaitVisible(chromedp.CSS("[data-set]")))
		var titles []string
		for _, w := range chosen {
			titles = append(titles, w.Title)
		}
		if got := shown(client, "[data-set-list] a"); !slices.Equal(got, titles) {
			t.Errorf("the set shows %q, want %q", got, titles)
		}
		if got := shown(client, "[data-set-progress]"); len(got) != 1 || got[0] != "2 of 3 started on this device." {
			t.Errorf("the set's progress says %q, want \"2 of 3 started on this device.\"", got)
		}
		if s := shown(client, ".ws-index, .packet-tools"); len(s) > 0 {
			t.Error("with a set in the link, the whole index and the counsellor's tools still show")
		}
		for _, v := range client.Axe(axe) {
			t.Errorf("the set link: axe: %s", v)
		}
		client.Do(chromedp.Click(chromedp.CSS("[data-set-list] li:nth-child(3) a")),
			chromedp.WaitVisible(chromedp.CSS("article.worksheet-page"))) // the click's navigation has ended
		if got := browsertest.Eval[string](client, "location.pathname"); got != chosen[2].URL {
			t.Errorf("the third worksheet of the set leads to %s, want %s", got, chosen[2].URL)
		}
		client.CheckClean("the set link", srv.URL)
	})

	t.Run("without JavaScript every worksheet is listed", func(t *testing.T) {
		plain := b.NewTab(t)
		plain.DisableScripts()
		plain.Navigate(setLink)
		got := browsertest.Eval[[]listed](plain, listedJS)
		if len(got) != len(all) {
			t.Errorf("without JavaScript the index lists %d worksheets, want %d", len(got), len(all))
		}
		for _, w := range got {
			if !w.QR || !strings.Contains(w.ShortURL, "/w/"+w.Short) || w.URL == "" {
				t.Errorf("without JavaScript, %q lacks its link, short link or QR code: %+v", w.Title, w)
			}
		}
		if s := shown(plain, "[data-set], .packet-tools"); len(s) > 0 {
			t.Error("without JavaScript, the set or the packet tools show, which cannot work")
		}
		plain.CheckClean("/worksheets/ without JavaScript", srv.URL)
	})
}
