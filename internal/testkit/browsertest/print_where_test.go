package browsertest_test

import (
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// TestPrintoutSaysWhereItIs: a printed page (an article, Safety first, the
// whole guide), in either language, says where to find it again: its own
// address, as the canonical link gives it, which the screen does not show.
// Worksheets say it with their short link and QR code (TestWorksheet).
func TestPrintoutSaysWhereItIs(t *testing.T) {
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for _, p := range []string{"/articles/acknowledge/", "/fr/articles/acknowledge/", "/safety/", "/fr/safety/", "/print/", "/fr/print/", "/"} {
		tab.Navigate(srv.Page(p))
		own := browsertest.Eval[string](tab, `document.querySelector("link[rel=canonical]").href`)
		if screen := browsertest.Eval[string](tab, `document.body.innerText`); strings.Contains(screen, own) {
			t.Errorf("%s shows its own address %s on screen", p, own)
		}
		tab.Media("print", nil)
		if paper := browsertest.Eval[string](tab, `document.body.innerText`); !strings.Contains(paper, own) {
			t.Errorf("%s printed does not say where to find it again: %s is not on the paper", p, own)
		}
		tab.Media("", nil)
	}
	tab.CheckClean("printouts", srv.URL)
}
