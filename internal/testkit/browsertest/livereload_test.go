package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/devserver"
)

// liveWithin bounds how long a save may take to show in the open page. A
// save shows in well under a second; the margin is for a loaded CI machine.
const liveWithin = 10 * time.Second

// WaitUntil polls a JavaScript expression in the tab until it is true and
// returns how long that took. Unlike Eval it goes on through navigations:
// while the page reloads, an evaluation may fail or see no body yet, and the
// next one is tried. After within it returns an error saying what the last
// try gave.
func (tab *Tab) WaitUntil(expression string, within time.Duration) (time.Duration, error) {
	start := time.Now()
	for {
		// Each try is bounded too: an evaluation sent as the page goes away
		// may never be answered.
		ctx, cancel := context.WithTimeout(tab.ctx, 3*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expression))
		cancel()
		if err == nil && ok {
			return time.Since(start), nil
		}
		if took := time.Since(start); took > within {
			last := "still false"
			if err != nil {
				last = err.Error()
			}
			return took, fmt.Errorf("not true within %v (last try: %s): %s", within, last, expression)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// syncLog is the dev server's terminal, written from its goroutine.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// liveSite is the dev server running on a copy of the small test site, with
// one of its pages open in a tab.
type liveSite struct {
	t      *testing.T
	dir    string
	log    *syncLog
	origin string // "http://127.0.0.1:port"
	tab    *Tab
	saves  int // files saved
	loads  int // times the page was loaded
}

// jsString quotes a string for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// markerJS names a property the test sets on the page's window: it is gone
// once the page has reloaded.
const markerJS = "window.__liveReloadTestMarker"

// mark sets the marker, so that a reload can be told from a page changed in
// place.
func (s *liveSite) mark() {
	s.t.Helper()
	Eval[bool](s.tab, markerJS+" = true")
}

// save rewrites a file of the site in place, as many editors save.
func (s *liveSite) save(name string, edit func(string) string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	old, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	text := edit(string(old))
	if text == string(old) {
		s.t.Fatalf("the edit of %s changes nothing", name)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.saves++
}

// wait waits for a condition of the page, or ends the test saying what the
// page shows instead.
func (s *liveSite) wait(what, expression string) time.Duration {
	s.t.Helper()
	took, err := s.tab.WaitUntil(expression, liveWithin)
	if err == nil {
		s.t.Logf("%s: %v", what, took.Round(time.Millisecond))
		return took
	}
	ctx, cancel := context.WithTimeout(s.tab.ctx, 3*time.Second)
	defer cancel()
	state, stateErr := chromedp.Run(ctx, chromedp.Evaluate[string](
		`location.href + " (" + document.readyState + ", reloaded: " + !`+markerJS+` + "):\n" + (document.body ? document.body.innerText.slice(0, 600) : "no body")`))
	if stateErr != nil {
		state = "cannot read the page: " + stateErr.Error()
	}
	s.t.Fatalf("%s: %v\nthe page shows %s\nbrowser problems: %q\ndev server log:\n%s", what, err, state, s.tab.Problems(), s.log)
	return 0
}

// check reports every problem of the tab since the last check, and every
// request that left the site, then forgets them.
func (s *liveSite) check(when string) {
	s.t.Helper()
	s.tab.CheckClean(when, s.origin)
	for _, r := range s.tab.Requests() {
		if r == s.origin+livePath {
			s.loads++
		}
	}
	s.tab.Forget()
}

// wantScroll waits briefly for the page to be scrolled to about y: a page
// may restore its scroll just after its load event.
func (s *liveSite) wantScroll(when string, y int) {
	s.t.Helper()
	if _, err := s.tab.WaitUntil(fmt.Sprintf("Math.abs(window.scrollY - %d) <= 50", y), 2*time.Second); err != nil {
		got := Eval[float64](s.tab, "window.scrollY")
		s.t.Errorf("%s: window.scrollY = %v, want %d ± 50: the reader lost their place", when, got, y)
	}
}

// The page the test keeps open, its source, and where the front matter
// error is.
const (
	livePath = "/articles/second/"
	liveFile = "content/articles/second.md"
	livePos  = "content/articles/second.md:2"
)

// TestLiveReload runs the real dev server on a temp copy of the small test
// site, with the repository's netlify.toml so the strict
// Content-Security-Policy holds as on the real site, opens an article in
// Chromium and does what an author does: save an edit, scroll and save
// again, break the front matter, fix it. The page must follow each save by
// itself, keep the reader's place, show the error over the last good page
// and drop it once fixed, all without a console error, a policy violation
// or a request leaving 127.0.0.1.
func TestLiveReload(t *testing.T) {
	b := Start(t)

	dir := t.TempDir()
	root := RepoRoot(t)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "internal", "build", "testdata", "small"))); err != nil {
		t.Fatal(err)
	}
	netlify, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "netlify.toml"), netlify, 0o644); err != nil {
		t.Fatal(err)
	}
	// The small site links no icon, so the browser asks for /favicon.ico,
	// and its 404 would be logged as an error of every page: give it one.
	var icon bytes.Buffer
	if err := png.Encode(&icon, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "favicon.ico"), icon.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	log := &syncLog{}
	srv, err := devserver.Start(devserver.Options{Root: dir, Addr: "127.0.0.1:0", Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("closing the dev server: %v", err)
		}
	})
	origin := strings.TrimSuffix(srv.URL, "/")
	page := origin + livePath

	// The site's own policy must be the one in force, or this test would
	// prove nothing about it.
	resp, err := http.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); resp.StatusCode != 200 || !strings.Contains(csp, "script-src 'self'") {
		t.Fatalf("GET %s: %d with Content-Security-Policy %q, want 200 with the policy of netlify.toml\ndev server log:\n%s", page, resp.StatusCode, csp, log)
	}

	tab := b.NewTab(t)
	s := &liveSite{t: t, dir: dir, log: log, origin: origin, tab: tab}
	tab.Navigate(page)
	if !Eval[bool](tab, `document.body.innerText.includes("Why it matters")`) {
		t.Fatalf("%s does not show the article", page)
	}
	// The reload script is a file of this origin, and nothing is inline.
	if !Eval[bool](tab, `Array.from(document.scripts).some((e) => e.src === `+jsString(origin+"/_guide/reload.js")+`)`) {
		t.Errorf("%s has no <script src=\"/_guide/reload.js\">: %q", page, Eval[[]string](tab, `Array.from(document.scripts).map((e) => e.outerHTML)`))
	}
	if n := Eval[int](tab, `document.querySelectorAll("script:not([src]), [style]").length`); n > 0 {
		t.Errorf("%s has %d inline scripts or style attributes", page, n)
	}
	s.check("opening the page")

	// Each step starts from the page the one before left; without a first
	// reload there is nothing more to see.
	if !t.Run("edit shows by itself", func(t *testing.T) {
		s.t, s.tab = t, tab.In(t)
		s.mark()
		var more strings.Builder
		for i := 1; i <= 80; i++ {
			fmt.Fprintf(&more, "Paragraph %d, one of many, so that the page is long enough to scroll.\n\n", i)
		}
		s.save(liveFile, func(old string) string {
			return strings.Replace(old, "~~struck~~", "Edited live, first save.\n\n"+more.String(), 1)
		})
		s.wait("the first save shows", `!`+markerJS+` && document.readyState === "complete" && document.body.innerText.includes("Edited live, first save.")`)
		s.check("after the first save")
	}) {
		return
	}

	t.Run("scroll position kept", func(t *testing.T) {
		s.t, s.tab = t, tab.In(t)
		if got := Eval[float64](s.tab, "window.scrollTo(0, 600), window.scrollY"); got != 600 {
			t.Fatalf("cannot scroll to 600: scrollY %v, page height %v", got, Eval[float64](s.tab, "document.documentElement.scrollHeight"))
		}
		s.mark()
		s.save(liveFile, func(old string) string {
			return strings.Replace(old, "Edited live, first save.", "Edited live, second save.", 1)
		})
		s.wait("the second save shows", `!`+markerJS+` && document.readyState === "complete" && document.body.innerText.includes("Edited live, second save.")`)
		s.wantScroll("after the second save", 600)
		s.check("after the second save")
	})

	t.Run("error overlay until fixed", func(t *testing.T) {
		s.t, s.tab = t, tab.In(t)
		// Chromium restores the scroll position of a reloaded page by
		// itself; from here on, only the reload script can.
		Eval[float64](s.tab, `history.scrollRestoration = "manual", window.scrollTo(0, 600), window.scrollY`)
		s.mark()
		s.save(liveFile, func(old string) string { return strings.Replace(old, "title:", "titel:", 1) })
		s.wait("the error shows", `document.body.innerText.includes(`+jsString(livePos)+`)`)

		// The error is where the author looks: in the viewport, though the
		// page is scrolled, and it names the mistake.
		overlay := Eval[struct {
			Text    string
			Top     float64
			Bottom  float64
			Width   float64
			Visible bool
		}](s.tab, `(() => {
			let el = null;
			for (const e of document.body.querySelectorAll("*")) {
				if (e.textContent.includes(`+jsString(livePos)+`)) el = e; // the last is the innermost
			}
			let box = el;
			while (box.parentElement && box.parentElement !== document.body) box = box.parentElement;
			const r = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			return {text: box.innerText, top: r.top, bottom: r.bottom, width: r.width,
				visible: style.visibility !== "hidden" && style.display !== "none" && style.opacity !== "0"};
		})()`)
		if !overlay.Visible || overlay.Width == 0 || overlay.Top < 0 || overlay.Bottom > Eval[float64](s.tab, "window.innerHeight") {
			t.Errorf("the error %s is not in view: top %v, bottom %v, width %v, visible %v", livePos, overlay.Top, overlay.Bottom, overlay.Width, overlay.Visible)
		}
		if !strings.Contains(overlay.Text, "titel") {
			t.Errorf("the overlay does not name the bad key \"titel\":\n%s", overlay.Text)
		}
		// Underneath, the last good page, not an error page.
		if !Eval[bool](s.tab, markerJS+` === true && document.body.innerText.includes("Edited live, second save.")`) {
			t.Errorf("the last good page is gone under the overlay:\n%s", Eval[string](s.tab, "document.body.innerText.slice(0, 600)"))
		}
		if !strings.Contains(log.String(), livePos) {
			t.Errorf("the terminal does not print the error at %s:\n%s", livePos, log)
		}
		s.check("with the error shown")

		s.save(liveFile, func(old string) string {
			old = strings.Replace(old, "titel:", "title:", 1)
			return strings.Replace(old, "Edited live, second save.", "Fixed, third save.", 1)
		})
		s.wait("the fix shows", `!`+markerJS+` && document.readyState === "complete" && document.body.innerText.includes("Fixed, third save.")`)
		if Eval[bool](s.tab, `document.body.innerText.includes(`+jsString(livePos)+`)`) {
			t.Errorf("the error %s still shows after the fix", livePos)
		}
		s.wantScroll("after the fix (the reload script's own restoring)", 600)
		s.check("after the fix")
	})

	s.t, s.tab = t, tab
	s.check("at the end")
	t.Logf("the page was loaded %d times: once opened, then for %d good saves of %d", s.loads, s.saves-1, s.saves)
}
