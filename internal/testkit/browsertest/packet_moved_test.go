package browsertest_test

import (
	"bytes"
	"slices"
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
