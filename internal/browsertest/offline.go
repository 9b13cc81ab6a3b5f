package browsertest

import (
	"github.com/chromedp/cdproto/network"
)

// Offline cuts the tab off the network, or puts it back, with the
// protocol's successors of Network.emulateNetworkConditions: the requests of
// its pages fail as without a connection, and navigator.onLine says so. The
// fetches of a service worker may still go out (Chromium 156 lets them), so
// a test of offline use also checks that the server was asked for nothing
// (Server.Served).
func (tab *Tab) Offline(offline bool) {
	tab.t.Helper()
	tab.Do(
		call(network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: new(offline),
			MatchedNetworkConditions:    []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
		}),
		call(network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}),
	)
}
