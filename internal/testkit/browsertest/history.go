package browsertest

import (
	"context"
	"errors"

	"github.com/chromedp/cdproto/page"
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

// Back goes back one entry in the tab's history, as the browser's Back
// button does, and waits until the page there has arrived and loaded,
// whether loaded again or restored from the back-forward cache (which
// fires no load event). It returns how: "BackForwardCacheRestore" or
// "Navigation".
func (tab *Tab) Back() string {
	tab.t.Helper()
	_, current := tab.History()
	if current < 1 {
		tab.t.Fatal("Back: the tab's history has nothing before this page")
	}
	ctx, cancel := tab.actionContext()
	defer cancel()
	arrived := make(chan page.NavigationType, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*page.EventFrameNavigated); ok && ev.Frame.ParentID == "" {
			select {
			case arrived <- ev.Type:
			default:
			}
		}
	}); err != nil {
		tab.t.Fatal(err)
	}
	entries := Run(tab, chromedp.NavigationEntries()).Entries
	if err := chromedp.Do(ctx, call(page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: entries[current-1].ID})); err != nil {
		tab.t.Fatal(err)
	}
	var how page.NavigationType
	select {
	case how = <-arrived:
	case <-ctx.Done():
		tab.t.Fatalf("Back: no page arrived within %v", ActionTimeout)
	}
	Eval[bool](tab, `new Promise((resolve) => {
	document.readyState === "complete" ? resolve(true) : addEventListener("load", () => resolve(true));
})`)
	return string(how)
}
