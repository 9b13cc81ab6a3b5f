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
// Without Chromium or axe-core the tests fail, saying what to install (the
// README's Prerequisites). A reader who means to skip them sets
// GUIDE_SKIP_BROWSER_TESTS=1; Main then lists the skips on stderr. Under
// CI=true they always fail: CI must run them.
package browsertest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"slices"
	"sync"
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

// SkipVariable names the environment variable that skips the browser
// tests, outside CI, when what they need is missing.
const SkipVariable = "GUIDE_SKIP_BROWSER_TESTS"

// underCI reports whether the tests run in CI, where a missing browser or
// tool is a failure and not a reason to skip.
func underCI() bool {
	return os.Getenv("CI") == "true"
}

// skips are the reasons tests were skipped, for Main to list.
var skips = struct {
	sync.Mutex
	reasons map[string]int // reason → how many tests
}{reasons: map[string]int{}}

// needs ends the test because a prerequisite is missing: a failure that
// says what to install, or a skip the reader asked for with SkipVariable.
func needs(t testing.TB, format string, args ...any) {
	t.Helper()
	reason := fmt.Sprintf(format, args...)
	if underCI() || os.Getenv(SkipVariable) == "" {
		t.Fatalf("%s\nSee the README's Prerequisites; or set %s=1 to skip the browser tests knowingly (not under CI).",
			reason, SkipVariable)
	}
	skips.Lock()
	skips.reasons[reason]++
	skips.Unlock()
	t.Skip(reason)
}

// Main runs the tests and, if some were skipped, says why on stderr, which
// "go test -v" and "go test" in the package's folder show.
func Main(m *testing.M) int {
	code := m.Run()
	skips.Lock()
	defer skips.Unlock()
	for _, reason := range slices.Sorted(maps.Keys(skips.reasons)) {
		fmt.Fprintf(os.Stderr, "browsertest: %d tests skipped (%s=1): %s\n", skips.reasons[reason], SkipVariable, reason)
	}
	return code
}

// Chromium returns the path of the browser to drive: $CHROMIUM, or
// /usr/bin/chromium. Without it the test fails (see needs).
func Chromium(t testing.TB) string {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = DefaultChromium
	}
	if _, err := exec.LookPath(path); err != nil {
		needs(t, "chromium not installed: apt-get install chromium, or name the browser in $CHROMIUM (%v)", err)
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
