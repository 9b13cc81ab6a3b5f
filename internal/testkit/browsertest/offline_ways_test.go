package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
)

var offlineSite = map[string][]byte{
	"index.html": []byte(`<!doctype html><html lang="en"><title>Home</title><h1>Home</h1>`),
}

// TestOfflineWays tries every way Offline knows on the browser at hand:
// each one it accepts must really take the tab offline and back, and at
// least one must be accepted.
func TestOfflineWays(t *testing.T) {
	b := Start(t)
	srv := Serve(t, offlineSite, nil)
	accepted := 0
	for _, way := range offlineWays {
		t.Run(way.name, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Navigate(srv.Page("/"))
			err := tab.setOffline([]offlineWay{way}, true)
			if err != nil && strings.Contains(err.Error(), "refused every way") {
				t.Logf("%s does not take it: %v", tab.BrowserVersion(), err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			accepted++
			if online := Eval[bool](tab, "navigator.onLine"); online {
				t.Error("offline, navigator.onLine is still true")
			}
			if got := Eval[string](tab, fetchJS); got != "failed" {
				t.Errorf("offline, a fetch of the page got %q, want it to fail", got)
			}
			if err := tab.setOffline([]offlineWay{way}, false); err != nil {
				t.Fatal(err)
			}
			if got := Eval[string](tab, fetchOnceOnlineJS); got != "200" {
				t.Errorf("back online, a fetch of the page got %q, want 200", got)
			}
		})
	}
	if accepted == 0 {
		t.Error("the browser took none of the ways of going offline")
	}
}

const fetchJS = `fetch("/", {cache: "no-store"}).then((r) => String(r.status), () => "failed")`

// fetchOnceOnlineJS fetches the page once the tab is back online. The
// browser applies the end of an emulated outage to its network service
// after the command has returned (seen on a busy machine with Chromium
// 156: the first fetch still failed), so a failed fetch is tried again
// when the next task runs, for up to two seconds.
const fetchOnceOnlineJS = `(async () => {
	const until = Date.now() + 2000;
	for (;;) {
		const got = await fetch("/", {cache: "no-store"}).then((r) => String(r.status), () => "failed");
		if (got !== "failed" || Date.now() > until) return got;
		await new Promise((next) => setTimeout(next, 10));
	}
})()`

// TestOfflineRefusedNamesVersion: a browser that has none of the ways gets a
// failure that names its version and each way it refused.
func TestOfflineRefusedNamesVersion(t *testing.T) {
	b := Start(t)
	tab := b.NewTab(t)
	missing := offlineWay{name: "Network.noSuchCommand", since: "no Chromium",
		set: func(ctx context.Context, s cdp.Session, offline bool) error {
			_, err := cdp.Call(ctx, s, cdp.Command[networkConditions, cdp.Empty]{Method: "Network.noSuchCommand"}, networkConditions{})
			return err
		}}
	err := tab.setOffline([]offlineWay{missing}, true)
	if err == nil {
		t.Fatal("a way the browser does not have was accepted")
	}
	for _, want := range []string{tab.BrowserVersion(), "Network.noSuchCommand (no Chromium)", "-32601"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the failure does not say %q:\n%v", want, err)
		}
	}
}
