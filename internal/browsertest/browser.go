// Package browsertest drives a real headless Chromium for the browser tests
// of the site: Debian's chromium package, through chromedp.
//
// Start starts the browser; Serve serves a built site on the loopback
// interface with the headers of netlify.toml, so the browser enforces the
// site's real Content-Security-Policy; NewTab opens an isolated tab (its own
// storage, like a private window) that records what the page does: every
// request, console errors, uncaught exceptions, policy violations and
// dialogs. Tests then assert that nothing went wrong and nothing left the
// site.
//
// Without Chromium the tests skip, except under CI=true, where they fail:
// CI must run them.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DefaultChromium is where Debian's chromium package puts the browser. The
// CHROMIUM environment variable names another one.
const DefaultChromium = "/usr/bin/chromium"

// ActionTimeout bounds each call into a tab (a navigation, a click, an
// audit) and the start of the browser.
const ActionTimeout = 20 * time.Second

// Browser is one running headless Chromium.
type Browser struct {
	ctx context.Context // a chromedp context holding the browser
}

// underCI reports whether the tests run in CI, where a missing browser or
// tool is a failure and not a reason to skip.
func underCI() bool {
	return os.Getenv("CI") == "true"
}

// skipOrFail skips the test, or fails it under CI.
func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if underCI() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// Chromium returns the path of the browser to drive: $CHROMIUM, or
// /usr/bin/chromium. Without it the test skips (fails under CI=true).
func Chromium(t testing.TB) string {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = DefaultChromium
	}
	if _, err := exec.LookPath(path); err != nil {
		skipOrFail(t, "chromium not installed: apt-get install chromium (%v)", err)
	}
	return path
}

// Start starts a headless Chromium for the test and stops it when the test
// ends. The browser has a fresh profile, makes no requests of its own
// (updates, sync, safe browsing) and cannot resolve any host name, so a page
// can reach nothing but the loopback test server.
func Start(t testing.TB) *Browser {
	t.Helper()
	chromium := Chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root in CI
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc() // waits for the browser to exit, before TempDir is removed
	})
	start, cancelStart := context.WithTimeout(ctx, ActionTimeout)
	defer cancelStart()
	// The browser lives as long as ctx; starting it under a timeout would
	// stop it when the timeout ends, so only wait for it here.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("starting %s: %v", chromium, err)
		}
	case <-start.Done():
		t.Fatalf("starting %s: no answer in %v", chromium, ActionTimeout)
	}
	return &Browser{ctx: ctx}
}
