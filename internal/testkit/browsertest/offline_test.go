package browsertest_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/browsertest"
)

// workerReadyJS waits until a service worker controls the page (its cache
// is filled by then: a worker takes charge only once installed), and
// returns the names of the caches.
const workerReadyJS = `navigator.serviceWorker.ready
	.then(() => navigator.serviceWorker.controller ||
		new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true})))
	.then(() => caches.keys())`

// workerUpdatedJS asks for /sw.js again and, if a new one was found, waits
// until it has taken over; it returns the names of the caches then.
const workerUpdatedJS = `(async () => {
	const r = await navigator.serviceWorker.getRegistration();
	await r.update();
	const w = r.installing || r.waiting;
	if (w && w.state !== "activated") {
		await new Promise((resolve) => w.addEventListener("statechange", () => {
			if (w.state === "activated" || w.state === "redundant") resolve();
		}));
	}
	return caches.keys();
})()`

// cachedTextJS returns every response kept in the caches, as text.
const cachedTextJS = `(async () => {
	const out = [];
	for (const name of await caches.keys()) {
		const cache = await caches.open(name);
		for (const request of await cache.keys()) out.push(request.url + "\n" + await (await cache.match(request)).text());
	}
	return out;
})()`

// forgottenJS returns what the site still keeps in the browser, besides
// storage: service workers and caches.
const forgottenJS = `Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()])
	.then(([workers, names]) => workers.map((w) => "service worker " + w.scope).concat(names.map((n) => "cache " + n)))`

var cacheLine = regexp.MustCompile(`(?m)^const CACHE = (".*");$`)

// cacheOf returns the name of the cache the worker of a build fills.
func cacheOf(t *testing.T, files output.Files) string {
	t.Helper()
	m := cacheLine.FindSubmatch(files[offline.WorkerPath])
	var name string
	if m == nil || json.Unmarshal(m[1], &name) != nil {
		t.Fatalf("/sw.js names no cache:\n%.300s", files[offline.WorkerPath])
	}
	return name
}

// keepOffline opts in to offline use as a reader does: on /about/, where
// nothing is kept yet, it presses "Keep the guide on this device" and waits
// until the worker is in charge, with the build's cache filled.
func keepOffline(t *testing.T, tab *browsertest.Tab, srv *browsertest.Server, files output.Files) {
	t.Helper()
	tab.Navigate(srv.Page("/about/"))
	if left := browsertest.Eval[[]string](tab, forgottenJS); len(left) > 0 {
		t.Fatalf("before the reader chose offline use, the browser keeps %q", left)
	}
	tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="keep-offline"]`)))
	tab.Do(chromedp.Click(chromedp.CSS(`[data-action="keep-offline"]`)))
	waitForWorker(t, tab, files)
}

// waitForWorker waits until the service worker controls the tab's page and
// checks that it filled the build's cache, and only that.
func waitForWorker(t *testing.T, tab *browsertest.Tab, files output.Files) {
	t.Helper()
	if got, want := browsertest.Eval[[]string](tab, workerReadyJS), cacheOf(t, files); !slices.Equal(got, []string{want}) {
		t.Fatalf("with the service worker in charge, the caches are %q, want [%q]", got, want)
	}
}

// TestOfflineWorksheet loads a worksheet once, fills it in with "Keep my
// answers" ticked, then cuts the network: the worksheet reloads with its
// answers, other pages and short links open, the server is asked for
// nothing, and no answer is in the cache.
func TestOfflineWorksheet(t *testing.T) {
	path := worksheetPage(t)
	files, b, srv := serveSite(t)
	w := openWorksheet(t, b, srv, path, true)
	keepOffline(t, w.tab, srv, files)
	w.tab.Navigate(srv.Page(path))
	w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
	plan := w.plan()
	w.fill(plan)
	w.click(`label[for="keep-answers"]`)
	short := browsertest.Eval[string](w.tab, `new URL(document.querySelector(".print-footer .url").textContent.trim()).pathname`)

	srv.Served()
	w.tab.Offline(true)
	if browsertest.Eval[bool](w.tab, "navigator.onLine") {
		t.Fatal("the tab is still online")
	}
	w.tab.Reload()
	w.wantAnswers("offline, after a reload", asMap(plan))
	if !w.keepTicked() {
		t.Error(`offline, after a reload: "Keep my answers" is no longer ticked`)
	}
	for _, page := range []string{"/", "/articles/what-is-trust/", "/safety/", "/worksheets/"} {
		w.tab.Navigate(srv.Page(page))
		if h1 := browsertest.Eval[string](w.tab, `(document.querySelector("main h1") || {}).textContent || ""`); h1 == "" {
			t.Errorf("offline, %s shows no page", page)
		}
	}
	w.tab.Navigate(srv.Page(short))
	if got := browsertest.Eval[string](w.tab, "location.pathname"); got != path {
		t.Errorf("offline, the short link %s leads to %s, want %s", short, got, path)
	}
	// The browser may look for a new /sw.js after a navigation (the worker
	// was registered on another page); that check is not a page.
	if asked := slices.DeleteFunc(srv.Served(), func(p string) bool { return p == "/"+offline.WorkerPath }); len(asked) > 0 {
		t.Errorf("offline, the server was asked for %q: the pages did not come from the cache", asked)
	}

	for _, kept := range browsertest.Eval[[]string](w.tab, cachedTextJS) {
		for _, a := range plan {
			if (a.Kind == "text" || a.Kind == "line") && strings.Contains(kept, a.Value) {
				t.Errorf("the cache holds the answer %q in %s", a.Value, strings.SplitN(kept, "\n", 2)[0])
			}
		}
	}
	w.tab.Offline(false)
	w.done()
}

// TestNewBuildReplacesCache: after a deploy, the reader's next visit
// installs the new worker, which keeps the new pages in a cache of its own
// and deletes the old one.
func TestNewBuildReplacesCache(t *testing.T) {
	files, b, srv := serveSite(t)
	const page, source = "/articles/what-is-trust/", "content/articles/what-is-trust.md"
	const added = "A sentence that only the new deploy has."
	tab := b.NewTab(t)
	keepOffline(t, tab, srv, files)
	tab.Navigate(srv.Page(page))

	next := buildWith(t, func(fsys fstest.MapFS) {
		fsys[source].Data = append(fsys[source].Data, "\n"+added+"\n"...)
	})
	old, fresh := cacheOf(t, files), cacheOf(t, next)
	if old == fresh {
		t.Fatalf("a build with a changed article keeps the cache name %q", old)
	}
	srv.Replace(next)
	tab.Reload() // still the old copy, and the browser looks for a new /sw.js
	if got := browsertest.Eval[[]string](tab, workerUpdatedJS); !slices.Equal(got, []string{fresh}) {
		t.Errorf("after the new deploy, the caches are %q, want only the new build's [%q] (the old was %q)", got, fresh, old)
	}
	tab.Reload()
	if !browsertest.Eval[bool](tab, `document.body.textContent.includes(`+jsString(added)+`)`) {
		t.Errorf("after the new worker took over, %s still shows the old build", page)
	}
	tab.CheckClean(page, srv.URL)
}

// TestForgetThisSite: "Forget this site on this device", on the about and
// safety pages, leaves no storage, cache or service worker behind.
func TestForgetThisSite(t *testing.T) {
	path := worksheetPage(t)
	files, b, srv := serveSite(t)
	for _, page := range []string{"/about/", "/safety/"} {
		t.Run(page, func(t *testing.T) {
			w := openWorksheet(t, b, srv, path, true)
			keepOffline(t, w.tab, srv, files)
			w.tab.Navigate(srv.Page(path))
			w.tab.Do(chromedp.WaitVisible(chromedp.CSS(".worksheet-tools")))
			w.fill(w.plan())
			w.click(`label[for="keep-answers"]`)
			if len(w.storage()) == 0 {
				t.Fatal("opted in, but nothing is stored: the test would prove nothing")
			}

			w.tab.Navigate(srv.Page(page))
			w.tab.Do(chromedp.WaitVisible(chromedp.CSS(`[data-action="forget"]`)))
			under := browsertest.Eval[string](w.tab, `(() => {
	let el = document.querySelector("[data-forget]").previousElementSibling;
	while (el && !/^H[1-6]$/.test(el.tagName)) el = el.previousElementSibling;
	return el ? el.id : "";
})()`)
			if under != "forget-this-site-on-this-device" {
				t.Errorf("%s: the Forget button sits under the heading #%s, want #forget-this-site-on-this-device", page, under)
			}
			w.tab.AcceptDialogs(true)
			w.click(`[data-action="forget"]`)
			status := browsertest.Eval[string](w.tab, `new Promise((resolve) => {
	const s = document.querySelector(".forget-status");
	if (s.textContent) return resolve(s.textContent);
	new MutationObserver(() => resolve(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
})`)
			if !strings.HasPrefix(status, "Done") {
				t.Errorf("%s: after Forget, the page says %q", page, status)
			}
			if d := w.tab.Dialogs(); len(d) != 1 || !strings.HasPrefix(d[0], "confirm") {
				t.Errorf(`%s: "Forget this site" opened %q, want one confirm dialog`, page, d)
			}
			w.wantNothingStored("after Forget")
			if left := browsertest.Eval[[]string](w.tab, forgottenJS); len(left) > 0 {
				t.Errorf("%s: after Forget, the browser still keeps %q", page, left)
			}
			w.tab.Navigate(srv.Page("/"))
			if left := browsertest.Eval[[]string](w.tab, forgottenJS); len(left) > 0 {
				t.Errorf("%s: after Forget, opening the home page kept %q again", page, left)
			}
			w.tab.CheckClean(page, srv.URL)
		})
	}
}

// buildWith builds the real site with changes made to its sources.
func buildWith(t *testing.T, change func(fstest.MapFS)) output.Files {
	t.Helper()
	root := repo
	fsys := fstest.MapFS{}
	for _, dir := range []string{"content", "templates", "static"} {
		err := fs.WalkDir(os.DirFS(root), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(filepath.Join(root, p))
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	change(fsys)
	r := build.Site(fsys, build.Options{})
	if r.Problems.HasErrors() {
		t.Fatalf("the changed site does not build:\n%v", r.Problems)
	}
	return r.Files
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
