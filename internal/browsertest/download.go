package browsertest

import (
	"context"
	"os"
	"path/filepath"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Download is a file the page made the browser save.
type Download struct {
	Name string // the name the page suggested
	Data []byte
}

// Download runs trigger, which must make the page download a file, and
// returns that file as the browser saved it, all within ActionTimeout.
func (tab *Tab) Download(trigger chromedp.Action[chromedp.Void]) Download {
	tab.t.Helper()
	dir := tab.t.TempDir()
	ctx, cancel := tab.actionContext()
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
			DownloadPath:     dir,
			EventsEnabled:    new(true),
		})
		return err
	}))
	if err != nil {
		tab.t.Fatal(err)
	}

	// Subscribe before the trigger, so no event is missed.
	begin := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	tab.Do(trigger)

	var d Download
	var guid string
	for ev, err := range begin {
		if err != nil {
			tab.t.Fatalf("no download began: %v", err)
		}
		d.Name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			tab.t.Fatalf("the download of %s did not finish: %v", d.Name, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			tab.t.Fatalf("the download of %s was canceled", d.Name)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	// With "allowAndName" the file is named by its GUID.
	d.Data, err = os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		tab.t.Fatal(err)
	}
	return d
}
