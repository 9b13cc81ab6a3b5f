package browsertest

import (
	"context"
	"errors"

	"github.com/chromedp/chromedp"
)

// Leave runs actions that make the page navigate away, and waits until the
// next page has loaded or failed to: the tests' browser reaches no host but
// the test server, so a page elsewhere fails to load, and that is no error
// here. Actions that navigate nowhere fail the test.
func (tab *Tab) Leave(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := tab.actionContext()
	defer cancel()
	var failed *chromedp.LoadError
	_, err := chromedp.RunResponse(ctx, actions...)
	switch {
	case err == nil, errors.As(err, &failed):
	case errors.Is(err, context.DeadlineExceeded):
		tab.t.Fatalf("the page was not left within %v", ActionTimeout)
	default:
		tab.t.Fatal(err)
	}
}

// History returns the URLs of the tab's history, oldest first, and the
// index of the current one: what Back and Forward can go to.
func (tab *Tab) History() (urls []string, current int) {
	tab.t.Helper()
	h := Run(tab, chromedp.NavigationEntries())
	for _, e := range h.Entries {
		urls = append(urls, e.URL)
	}
	return urls, int(h.CurrentIndex)
}
