package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Tab is one browser tab in a browsing context of its own: its storage
// starts empty and is shared with no other tab. It records what its pages
// do until the test ends or Forget is called.
type Tab struct {
	t testing.TB // where failures go
	*tabState
}

type tabState struct {
	ctx context.Context // chromedp context of the tab

	mu         sync.Mutex
	requests   []string // every URL requested, in order
	problems   []string // console errors, exceptions, browser log errors
	violations []string // Content-Security-Policy violations
	dialogs    []string // messages of alert, confirm and prompt
	acceptNext bool     // answer dialogs with OK rather than Cancel
}

// The page's securitypolicyviolation events are reported through a binding
// that exists only in an isolated world, out of the page scripts' reach.
const (
	world         = "browsertest"
	cspBinding    = "__browsertestCSP"
	cspListenerJS = `document.addEventListener("securitypolicyviolation", function (e) {
	` + cspBinding + `(e.violatedDirective + " blocked " + (e.blockedURI || "inline code") +
		" at " + e.sourceFile + ":" + e.lineNumber + (e.sample ? " (" + e.sample + ")" : ""));
}, true);`
)

// NewTab opens a tab, which closes when t ends.
func (b *Browser) NewTab(t testing.TB) *Tab {
	t.Helper()
	tab := &Tab{t: t, tabState: &tabState{}}
	tabCtx, cancelTab := chromedp.NewContext(b.ctx,
		chromedp.WithNewBrowserContext(),
		chromedp.WithListener(tab.listen))
	t.Cleanup(cancelTab)
	tab.ctx = tabCtx
	// The first action opens the tab, which then lives as long as tabCtx:
	// no timeout here, or the tab would close when it ends.
	err := chromedp.Do(tabCtx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		if _, err := cdp.Call(ctx, target, runtime.AddBinding, runtime.AddBindingParams{
			Name: cspBinding, ExecutionContextName: world,
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, target, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: cspListenerJS, WorldName: world,
		})
		return err
	}))
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tab.Media("", nil)
	return tab
}

// In returns the same tab, its records included, with failures going to
// t: a subtest can then use a tab its parent opened.
func (tab *Tab) In(t testing.TB) *Tab {
	return &Tab{t: t, tabState: tab.tabState}
}

// Forget clears the tab's records: what it requested, its problems and
// dialogs.
func (tab *Tab) Forget() {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	tab.requests, tab.problems, tab.violations, tab.dialogs = nil, nil, nil, nil
}

// actionContext bounds one call into the tab by ActionTimeout.
func (tab *Tab) actionContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(tab.ctx, ActionTimeout)
}

// Do runs actions in the tab and ends the test on the first error. All of
// them must end within ActionTimeout.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := tab.actionContext()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tab.t.Fatal(err)
	}
}

// Run runs one action in the tab and returns its value, ending the test on
// an error.
func Run[T any](tab *Tab, action chromedp.Action[T]) T {
	tab.t.Helper()
	ctx, cancel := tab.actionContext()
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		tab.t.Fatal(err)
	}
	return v
}

// Eval evaluates a JavaScript expression in the page, awaiting it if it is
// a promise, and decodes its value.
func Eval[T any](tab *Tab, expression string) T {
	tab.t.Helper()
	ctx, cancel := tab.actionContext()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.t.Fatalf("evaluating %.80q: %v", expression, err)
	}
	return v
}

// Navigate loads a page and waits for its load event.
func (tab *Tab) Navigate(u string) {
	tab.t.Helper()
	tab.Do(chromedp.Navigate(u))
}

// Reload reloads the page and waits for its load event.
func (tab *Tab) Reload() {
	tab.t.Helper()
	tab.Do(chromedp.Reload())
}

// AcceptDialogs sets how the tab answers alert, confirm and prompt: OK
// (true) or Cancel (false, the default). Every message is recorded.
func (tab *Tab) AcceptDialogs(accept bool) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	tab.acceptNext = accept
}

// listen records the tab's events. It runs in the tab's event loop, in the
// order the events came, so anything that happened before a command's
// answer is recorded by the time the command returns.
func (s *tabState) listen(ev any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		s.requests = append(s.requests, ev.Request.URL)
	case *log.EventEntryAdded:
		// Errors, and the browser's security warnings: a header it could
		// not read (an unknown Permissions-Policy feature) is one.
		e := ev.Entry
		if e.Level == log.EntryLevelError || (e.Level == log.EntryLevelWarning && e.Source == log.EntrySourceSecurity) {
			s.problems = append(s.problems, fmt.Sprintf("browser log (%s): %s%s", e.Source, e.Text, at(e.URL, e.LineNumber)))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			s.problems = append(s.problems, "console."+string(ev.Type)+": "+args(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		s.problems = append(s.problems, "uncaught exception: "+text+at(d.URL, d.LineNumber+1))
	case *runtime.EventBindingCalled:
		if ev.Name == cspBinding {
			s.violations = append(s.violations, ev.Payload)
		}
	case *page.EventJavascriptDialogOpening:
		s.dialogs = append(s.dialogs, string(ev.Type)+": "+ev.Message)
		accept := s.acceptNext
		go func() {
			// A dialog blocks the page until it is answered; answering it
			// is a command, which the event loop must not wait for. It fails
			// only when the tab is gone, and then nothing waits for it.
			_, _ = chromedp.Call(s.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
		}()
	}
}

func at(u string, line int64) string {
	if u == "" {
		return ""
	}
	return fmt.Sprintf(" at %s:%d", u, line)
}

func args(objs []*runtime.RemoteObject) string {
	var parts []string
	for _, o := range objs {
		var s string
		switch {
		case len(o.Value) > 0 && json.Unmarshal(o.Value, &s) == nil:
		case len(o.Value) > 0:
			s = string(o.Value)
		case o.Description != "":
			s = o.Description
		default:
			s = string(o.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// Requests returns every URL the tab has requested so far.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// Dialogs returns the messages of the dialogs opened so far.
func (tab *Tab) Dialogs() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.dialogs...)
}

// Problems returns the console errors, uncaught exceptions and browser log
// errors so far, Content-Security-Policy violations included.
func (tab *Tab) Problems() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	out := append([]string(nil), tab.problems...)
	for _, v := range tab.violations {
		out = append(out, "Content-Security-Policy violation: "+v)
	}
	return out
}

// ForeignRequests returns the requests that went anywhere but origin
// ("http://127.0.0.1:port"). URLs that never leave the browser (data:,
// blob:, about:) are not requests to anyone.
func (tab *Tab) ForeignRequests(origin string) []string {
	var out []string
	for _, r := range tab.Requests() {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Scheme+"://"+u.Host != origin {
			out = append(out, r)
		}
	}
	return out
}

// CheckClean reports, as test errors, every problem the tab has seen and
// every request that left origin; what names where it happened.
func (tab *Tab) CheckClean(what, origin string) {
	tab.t.Helper()
	for _, p := range tab.Problems() {
		tab.t.Errorf("%s: %s", what, p)
	}
	for _, r := range tab.ForeignRequests(origin) {
		tab.t.Errorf("%s: a request left the site: %s", what, r)
	}
}
