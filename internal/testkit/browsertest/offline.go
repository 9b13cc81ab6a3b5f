package browsertest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// Offline cuts the tab off the network, or puts it back: the requests of
// its pages fail as without a connection, and navigator.onLine says so.
//
// Chromium has changed how this is asked for, and Debian ships whichever
// Chromium its security updates bring, older or newer; so Offline tries
// each way in offlineWays, newest first, and uses the first the browser
// accepts. If it accepts none, the test fails naming the browser's version
// and what each way needed.
//
// The fetches of a service worker may still go out (Chromium 156 lets them),
// so a test of offline use also checks that the server was asked for
// nothing (Server.Served).
func (tab *Tab) Offline(offline bool) {
	tab.t.Helper()
	if err := tab.setOffline(offlineWays, offline); err != nil {
		tab.t.Fatal(err)
	}
}

// setOffline takes the tab offline, or back online, the first of ways the
// browser accepts.
func (tab *Tab) setOffline(ways []offlineWay, offline bool) error {
	var refused []string
	for _, way := range ways {
		ctx, cancel := tab.actionContext()
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			return way.set(ctx, t, offline)
		}))
		cancel()
		if err == nil {
			return nil
		}
		if !isRefusal(err) {
			return fmt.Errorf("%s: %w", way.name, err)
		}
		refused = append(refused, fmt.Sprintf("%s (%s): %v", way.name, way.since, err))
	}
	return fmt.Errorf("cannot take the tab offline: %s refused every way this package knows:\n  %s\n"+
		"Teach internal/testkit/browsertest/offline.go how this version does it.",
		tab.BrowserVersion(), strings.Join(refused, "\n  "))
}

// offlineWay is one way of taking a tab offline (offline true) or back
// online (false), with the protocol commands it needs.
type offlineWay struct {
	name  string // the commands, as the protocol names them
	since string // which Chromium has them, for the failure message
	set   func(ctx context.Context, s cdp.Session, offline bool) error
}

var offlineWays = []offlineWay{
	{
		name:  "Network.emulateNetworkConditionsByRule with Network.overrideNetworkState",
		since: "Chromium 141 and later",
		set: func(ctx context.Context, s cdp.Session, offline bool) error {
			if _, err := cdp.Call(ctx, s, emulateByRule, byRuleParams{
				// Chromium 141 to 148 want "offline" here and ignore
				// "emulateOfflineServiceWorker"; later ones read the
				// conditions' own "offline" too.
				Offline:                     offline,
				EmulateOfflineServiceWorker: offline,
				MatchedNetworkConditions: []networkRule{{
					Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
				}},
			}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, s, overrideNetworkState, networkConditions{
				Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
			})
			return err
		},
	},
	{
		name:  "Network.emulateNetworkConditions",
		since: "deprecated, kept by Chromium up to at least 156",
		set: func(ctx context.Context, s cdp.Session, offline bool) error {
			_, err := cdp.Call(ctx, s, emulateNetworkConditions, networkConditions{
				Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
			})
			return err
		},
	},
}

// The commands are declared here, with their parameters as every Chromium
// that has them reads them, rather than taken from cdproto, whose structs
// follow the newest protocol only.
var (
	emulateByRule            = cdp.Command[byRuleParams, cdp.Empty]{Method: "Network.emulateNetworkConditionsByRule"}
	overrideNetworkState     = cdp.Command[networkConditions, cdp.Empty]{Method: "Network.overrideNetworkState"}
	emulateNetworkConditions = cdp.Command[networkConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}
)

type byRuleParams struct {
	Offline                     bool          `json:"offline"`
	EmulateOfflineServiceWorker bool          `json:"emulateOfflineServiceWorker"`
	MatchedNetworkConditions    []networkRule `json:"matchedNetworkConditions"`
}

// networkRule is one rule of emulateNetworkConditionsByRule: an empty
// urlPattern matches every request.
type networkRule struct {
	URLPattern         string  `json:"urlPattern"`
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// networkConditions are the parameters of overrideNetworkState and
// emulateNetworkConditions.
type networkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// isRefusal reports whether the browser refused a command it does not have
// (-32601) or whose parameters it reads otherwise (-32602), as opposed to a
// tab that closed or a timeout.
func isRefusal(err error) bool {
	var e *cdproto.Error
	return errors.As(err, &e) && (e.Code == -32601 || e.Code == -32602)
}

// BrowserVersion returns the browser's product and version, such as
// "Chrome/150.0.7871.100", for messages that depend on it.
func (tab *Tab) BrowserVersion() string {
	tab.t.Helper()
	ctx, cancel := tab.actionContext()
	defer cancel()
	v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return "the browser (version unknown: " + err.Error() + ")"
	}
	return v.Product
}
