package browsertest

import (
	"context"
	"iter"
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
	if err := chromedp.Do(ctx, saveDownloadsIn(dir)); err != nil {
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
	tab.waitForDownload(progress, d.Name, guid)
	// With "allowAndName" the file is named by its GUID.
	data, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		tab.t.Fatal(err)
	}
	d.Data = data
	return d
}

// saveDownloadsIn makes the tab's browser context save downloads in dir,
// each named by its GUID, and report their progress.
func saveDownloadsIn(dir string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
			DownloadPath:     dir,
			EventsEnabled:    new(true),
		})
		return err
	})
}

// waitForDownload waits until the download guid has completed, failing the
// test if it is canceled or the events end first.
func (tab *Tab) waitForDownload(progress iter.Seq2[browser.EventDownloadProgress, error], name, guid string) {
	tab.t.Helper()
	for ev, err := range progress {
		if err != nil {
			tab.t.Fatalf("the download of %s did not finish: %v", name, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			tab.t.Fatalf("the download of %s was canceled", name)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			return
		}
	}
}
