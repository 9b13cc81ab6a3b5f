package offline

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/output"
)

func site() output.Files {
	return output.Files{
		"index.html":                 []byte("<h1>Home</h1>"),
		"articles/a/index.html":      []byte("<h1>A</h1>"),
		"worksheets/w/index.html":    []byte("<form></form>"),
		"print/index.html":           []byte("<h1>All</h1>"),
		"404.html":                   []byte("<h1>Not found</h1>"),
		"css/site.1234abcd.css":      []byte("body{}"),
		"js/site.1234abcd.js":        []byte("1"),
		"search.json":                []byte(`["/search/0.json"]`),
		"search/0.json":              []byte(`[]`),
		"favicon.svg":                []byte("<svg/>"),
		"articles/a/photo.jpg":       []byte("jpg"),
		"manifest.webmanifest":       []byte("{}"),
		"sitemap.xml":                []byte("<urlset/>"),
		"feed.xml":                   []byte("<feed/>"),
		"robots.txt":                 []byte("User-agent: *"),
		"_redirects":                 []byte("# made\n/w/w /worksheets/w/ 301\n/w/gone /worksheets/gone/ 301\n/old/ /articles/a/ 301\n"),
		"docs/handbook.pdf":          []byte("%PDF"),
		"articles/a/more/index.html": []byte("<h1>More</h1>"),
	}
}

var pages = []string{"/", "/articles/a/", "/worksheets/w/", "/articles/missing/"}

// parsed is what a worker's first lines say.
type parsed struct {
	cache     string
	files     []string
	redirects map[string]string
}

var workerLine = regexp.MustCompile(`(?m)^const (CACHE|FILES|REDIRECTS) = (.*);$`)

func parse(t *testing.T, sw []byte) parsed {
	t.Helper()
	var p parsed
	for _, m := range workerLine.FindAllSubmatch(sw, -1) {
		var err error
		switch string(m[1]) {
		case "CACHE":
			err = json.Unmarshal(m[2], &p.cache)
		case "FILES":
			err = json.Unmarshal(m[2], &p.files)
		case "REDIRECTS":
			err = json.Unmarshal(m[2], &p.redirects)
		}
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
	}
	return p
}

func TestWorkerKeepsPagesAndWhatTheyNeed(t *testing.T) {
	p := parse(t, worker(site()))
	want := []string{
		"/", "/articles/a/", "/articles/a/photo.jpg", "/css/site.1234abcd.css", "/favicon.svg",
		"/js/site.1234abcd.js", "/manifest.webmanifest", "/search.json", "/search/0.json", "/worksheets/w/",
	}
	if strings.Join(p.files, " ") != strings.Join(want, " ") {
		t.Errorf("the worker keeps\n%q\nwant\n%q", p.files, want)
	}
	wantRedirects := map[string]string{"/w/w": "/worksheets/w/", "/old": "/articles/a/"}
	if len(p.redirects) != len(wantRedirects) {
		t.Errorf("redirects %q, want %q (only those to kept pages)", p.redirects, wantRedirects)
	}
	for from, to := range wantRedirects {
		if p.redirects[from] != to {
			t.Errorf("redirect %s → %q, want %q", from, p.redirects[from], to)
		}
	}
	if !strings.HasPrefix(p.cache, "guide-") {
		t.Errorf("cache name %q", p.cache)
	}
}

func TestWorkerIsTheSameForTheSameBuild(t *testing.T) {
	if a, b := worker(site()), worker(site()); !bytes.Equal(a, b) {
		t.Error("two workers of the same files differ")
	}
}

// TestCacheNameFollowsKeptFiles: the name changes when a kept file changes,
// so a deploy replaces the readers' copy, and only then.
func TestCacheNameFollowsKeptFiles(t *testing.T) {
	name := func(edit func(output.Files)) string {
		files := site()
		edit(files)
		return parse(t, worker(files)).cache
	}
	same := name(func(output.Files) {})
	for what, edit := range map[string]func(output.Files){
		"a page's text, same length": func(f output.Files) { f["articles/a/index.html"] = []byte("<h1>B</h1>") },
		"a style sheet":              func(f output.Files) { f["css/site.1234abcd.css"] = []byte("body{x}") },
		"a new asset":                func(f output.Files) { f["css/print.00000000.css"] = []byte("") },
		"the search index":           func(f output.Files) { f["search/0.json"] = []byte(`[1]`) },
	} {
		if name(edit) == same {
			t.Errorf("after a change to %s, the cache keeps its name", what)
		}
	}
	for what, edit := range map[string]func(output.Files){
		"a page not kept": func(f output.Files) { f["print/index.html"] = []byte("<h1>Everything</h1>") },
		"the sitemap":     func(f output.Files) { f["sitemap.xml"] = []byte("<urlset></urlset>") },
	} {
		if name(edit) != same {
			t.Errorf("after a change to %s, which the worker does not keep, the cache has a new name", what)
		}
	}
}

// TestChecksumsAcrossBuilds: remembered checksums give the name a fresh
// count would, as files change from one build to the next.
func TestChecksumsAcrossBuilds(t *testing.T) {
	var sums *Checksums
	files := site()
	name := func() string {
		code, next := Worker(files, nil, pages, sums)
		sums = next
		return parse(t, code).cache
	}
	first := name()
	if again := name(); again != first {
		t.Errorf("the same files, counted again, give %q, then %q", first, again)
	}
	files["articles/a/index.html"] = []byte("<h1>B</h1>") // same size, new bytes
	fresh := parse(t, worker(files)).cache
	if got := name(); got != fresh || got == first {
		t.Errorf("after an edit the remembered sums give %q, a fresh count %q (before the edit: %q)", got, fresh, first)
	}
}

func TestWorkerNeverStoresWhatItFetches(t *testing.T) {
	code := string(worker(site()))
	// Only install fills the cache; a fetch answered from the network is
	// never put in it, and the fetch handler cannot create a cache.
	if n := strings.Count(code, "caches.open("); n != 1 {
		t.Errorf("the worker opens a cache %d times, want once, at install", n)
	}
	for _, write := range []string{".put(", "cache.add("} {
		if strings.Contains(code, write) {
			t.Errorf("the worker calls %s: only install's addAll may fill the cache", write)
		}
	}
	if !strings.Contains(code, `request.method !== "GET"`) {
		t.Error("the worker does not leave requests other than GET alone")
	}
}

func TestRetiredWorkerRemovesItself(t *testing.T) {
	code := string(Retired())
	for _, want := range []string{"caches.delete", "unregister()"} {
		if !strings.Contains(code, want) {
			t.Errorf("the retired worker lacks %s", want)
		}
	}
	if strings.Contains(code, "addEventListener(\"fetch\"") {
		t.Error("the retired worker answers requests; it must leave them to the server")
	}
}

func pngOf(t *testing.T, size int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, size, size))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestManifest(t *testing.T) {
	files := output.Files{
		"icons/icon-512.png": pngOf(t, 512),
		"icons/icon-192.png": pngOf(t, 192),
		"icons/mark.svg":     []byte("<svg/>"),
		"favicon.svg":        []byte("<svg/>"),
	}
	var m map[string]any
	data := Manifest(App{Name: "Rebuilding Trust", Description: "A guide.", Language: "en-CA", Start: "/"}, files)
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	for key, want := range map[string]string{"name": "Rebuilding Trust", "short_name": "Rebuilding Trust", "lang": "en-CA", "start_url": "/", "scope": "/"} {
		if m[key] != want {
			t.Errorf("%s = %v, want %q", key, m[key], want)
		}
	}
	got, _ := json.Marshal(m["icons"])
	want := `[{"sizes":"192x192","src":"/icons/icon-192.png","type":"image/png"},` +
		`{"sizes":"512x512","src":"/icons/icon-512.png","type":"image/png"},` +
		`{"sizes":"any","src":"/icons/mark.svg","type":"image/svg+xml"}]`
	if string(got) != want {
		t.Errorf("icons\n%s\nwant\n%s", got, want)
	}
}

// worker is /sw.js for files, counted afresh.
func worker(files output.Files) []byte {
	code, _ := Worker(files, nil, pages, nil)
	return code
}
