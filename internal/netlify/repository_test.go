package netlify_test

import (
	"bytes"
	"github.com/trustguide/guide/internal/netlify"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/trustguide/guide/internal/audit"
	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/output"
)

// root is the repository: the real site and its netlify.toml.
var root = filepath.Join("..", "..")

func loadConfig(t *testing.T) *netlify.Config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := netlify.ParseConfig(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// realSite builds the real site in memory, once for all the tests.
var realSite = sync.OnceValue(func() build.Result {
	return build.Site(os.DirFS(root), build.Options{})
})

func builtSite(t *testing.T) output.Files {
	t.Helper()
	r := realSite()
	if r.Problems.HasErrors() {
		for _, d := range r.Problems.Errors() {
			t.Error(d)
		}
		t.Fatal("the real site does not build, so what it loads cannot be checked")
	}
	return r.Files
}

// urlPath is the URL a file of the site is served at.
func urlPath(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + name
}

func TestBuildSettings(t *testing.T) {
	c := loadConfig(t)
	if c.Build.Publish != "public" {
		t.Errorf(`[build] publish = %q, want "public", the folder "guide build" writes`, c.Build.Publish)
	}
	checkCommand(t, "[build]", c.Build.Command, `-base-url "$URL"`, false)
	for _, name := range []string{"deploy-preview", "branch-deploy"} {
		ctx, ok := c.Context[name]
		if !ok {
			t.Errorf("no [context.%s]: its pages would carry the production URL and hide drafts", name)
			continue
		}
		checkCommand(t, "[context."+name+"]", ctx.Command, `-base-url "$DEPLOY_PRIME_URL"`, true)
		if ctx.Publish != "" && ctx.Publish != c.Build.Publish {
			t.Errorf("[context.%s] publishes %q, not %q", name, ctx.Publish, c.Build.Publish)
		}
	}
	if p, ok := c.Context["production"]; ok && p.Command != "" {
		checkCommand(t, "[context.production]", p.Command, `-base-url "$URL"`, false)
	}
}

// checkCommand checks that a build command runs the Go builder with the
// right base URL, writes where Netlify publishes from, and shows drafts
// only where it should.
func checkCommand(t *testing.T, where, command, baseURL string, drafts bool) {
	t.Helper()
	if !strings.HasPrefix(command, "go run ./cmd/guide build") {
		t.Errorf("%s command = %q, want it to start with \"go run ./cmd/guide build\"", where, command)
	}
	if !strings.Contains(command, baseURL) {
		t.Errorf("%s command = %q, want %s so canonical links, the sitemap and the feed carry the deploy's address", where, command, baseURL)
	}
	if strings.Contains(command, "-out") {
		t.Errorf("%s command = %q sets -out; leave the default, public, which is the publish folder", where, command)
	}
	if got := slices.Contains(strings.Fields(command), "-drafts"); got != drafts {
		t.Errorf("%s command = %q: -drafts present is %v, want %v", where, command, got, drafts)
	}
}

func TestGoVersionMatchesGoMod(t *testing.T) {
	c := loadConfig(t)
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	if got, want := c.Build.Environment["GO_VERSION"], string(m[1]); got != want {
		t.Errorf("[build.environment] GO_VERSION = %q, want %q as in go.mod", got, want)
	}
}

// securityHeaders are the headers every response must carry, with their
// exact values.
var securityHeaders = map[string]string{
	"Referrer-Policy":            "no-referrer",
	"X-Content-Type-Options":     "nosniff",
	"X-Frame-Options":            "DENY",
	"Cross-Origin-Opener-Policy": "same-origin",
}

// disabledFeatures must be turned off by the Permissions-Policy.
var disabledFeatures = []string{"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort"}

// featureUses are the script APIs behind a few features: the
// Permissions-Policy must not turn off a feature the site's scripts use.
var featureUses = map[string][]string{
	"clipboard-write": {"navigator.clipboard", "clipboard.writeText"},
	"clipboard-read":  {"clipboard.readText"},
	"fullscreen":      {"requestFullscreen"},
	"web-share":       {"navigator.share"},
	"geolocation":     {"navigator.geolocation"},
}

func TestSecurityHeaders(t *testing.T) {
	c := loadConfig(t)
	files := builtSite(t)
	var scripts []byte
	for _, name := range files.Paths() {
		if strings.HasSuffix(name, ".js") {
			scripts = append(scripts, files[name]...)
		}
	}
	for _, name := range files.Paths() {
		u := urlPath(name)
		h := c.HeadersFor(u)
		for header, want := range securityHeaders {
			if got := h.Get(header); got != want {
				t.Errorf("%s: %s = %q, want %q", u, header, got, want)
			}
		}
		if h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", u)
		}
		for header, values := range h {
			for _, v := range values {
				if strings.ContainsAny(v, "\r\n") {
					t.Errorf("%s: %s holds a line break, which no header may: %q", u, header, v)
				}
			}
		}
		for _, o := range c.Overlaps(u) {
			t.Errorf("%s: %s is set twice; whether Netlify keeps the last or joins both is not defined, so give each URL one rule per header", u, o)
		}
	}

	features := permissions(c.HeadersFor("/").Get("Permissions-Policy"))
	for _, f := range disabledFeatures {
		if allow, ok := features[f]; !ok || allow != "()" {
			t.Errorf("Permissions-Policy does not turn off %s (want %s=())", f, f)
		}
	}
	for f, uses := range featureUses {
		for _, use := range uses {
			if features[f] == "()" && bytes.Contains(scripts, []byte(use)) {
				t.Errorf("Permissions-Policy turns off %s, but the site's scripts use %s", f, use)
			}
		}
	}
}

// permissions reads a Permissions-Policy: feature → allowlist.
func permissions(v string) map[string]string {
	m := map[string]string{}
	for _, item := range strings.Split(v, ",") {
		name, allow, _ := strings.Cut(strings.TrimSpace(item), "=")
		if name != "" {
			m[name] = allow
		}
	}
	return m
}

// required are directives the policy must hold exactly.
var required = map[string][]string{
	"default-src":     {"'self'"},
	"script-src":      {"'self'"},
	"style-src":       {"'self'"},
	"connect-src":     {"'self'"},
	"form-action":     {"'self'"},
	"object-src":      {"'none'"},
	"base-uri":        {"'none'"},
	"frame-ancestors": {"'none'"},
}

func TestPolicyIsStrict(t *testing.T) {
	c := loadConfig(t)
	csp := c.HeadersFor("/").Get("Content-Security-Policy")
	p, err := netlify.ParsePolicy(csp)
	if err != nil {
		t.Fatalf("Content-Security-Policy: %v", err)
	}
	for d, want := range required {
		if got := p[d]; !slices.Equal(got, want) {
			t.Errorf("Content-Security-Policy: %s is %q, want %q", d, strings.Join(got, " "), strings.Join(want, " "))
		}
	}
	for d, sources := range p {
		for _, s := range sources {
			switch {
			case s == "'self'" || s == "'none'":
			case s == "data:" && d == "img-src":
				// Small images written into the CSS or page, never fetched.
			case strings.HasPrefix(s, "'unsafe-") || s == "'wasm-unsafe-eval'" || s == "'strict-dynamic'":
				t.Errorf("Content-Security-Policy: %s allows %s; nothing inline or evaluated may run", d, s)
			case strings.HasPrefix(s, "'nonce-") || strings.HasPrefix(s, "'sha"):
				t.Errorf("Content-Security-Policy: %s allows inline code by %s; move the code to a file", d, s)
			default:
				t.Errorf("Content-Security-Policy: %s allows %s; the site loads nothing from another host", d, s)
			}
		}
	}
}

// fingerprinted matches a file name carrying a hash of its content.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

func TestCaching(t *testing.T) {
	c := loadConfig(t)
	files := builtSite(t)
	const immutable = "public, max-age=31536000, immutable"
	assets := 0
	for _, name := range files.Paths() {
		u := urlPath(name)
		cc := c.HeadersFor(u).Get("Cache-Control")
		hashed := fingerprinted.MatchString(path.Base(name))
		switch {
		case strings.HasPrefix(name, "css/") || strings.HasPrefix(name, "js/"):
			assets++
			if !hashed {
				t.Errorf("%s is not fingerprinted, but CSS and JS are cached for a year: give it a hash in its name", u)
			}
			if cc != immutable {
				t.Errorf("%s: Cache-Control = %q, want %q", u, cc, immutable)
			}
		case strings.Contains(cc, "immutable") && !hashed:
			t.Errorf("%s: Cache-Control = %q, but its name has no hash: a new version would not reach readers for a year", u, cc)
		case !hashed && !(strings.Contains(cc, "max-age=0") && strings.Contains(cc, "must-revalidate")) && !strings.Contains(cc, "no-cache"):
			t.Errorf("%s: Cache-Control = %q, want pages and other files revalidated (max-age=0, must-revalidate)", u, cc)
		}
	}
	if assets == 0 {
		t.Error("the site has no files under css/ or js/")
	}
}

// A load is something a page makes the browser fetch.
type load struct {
	directive string // the CSP directive that governs it
	ref       string // the URL as written
	what      string // where it was found, for messages
}

func TestPolicyAllowsWhatPagesLoad(t *testing.T) {
	c := loadConfig(t)
	files := builtSite(t)
	pages := 0
	for _, name := range files.Paths() {
		u := urlPath(name)
		p, err := netlify.ParsePolicy(c.HeadersFor(u).Get("Content-Security-Policy"))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		var loads []load
		switch path.Ext(name) {
		case ".html":
			pages++
			for _, problem := range audit.Page(name, files[name]) {
				t.Error(problem)
			}
			var inline []string
			loads, inline = pageLoads(files[name])
			for _, s := range inline {
				t.Errorf("%s: %s", name, s)
			}
		case ".css":
			loads = cssLoads(files[name])
		case ".js":
			var evals []string
			loads, evals = scriptLoads(files[name])
			for _, s := range evals {
				t.Errorf("%s: %s", name, s)
			}
		}
		for _, l := range loads {
			if !p.Allows(l.directive, l.ref) {
				sources, _ := p.Sources(l.directive)
				t.Errorf("%s: %s loads %q, which the Content-Security-Policy blocks (%s allows %s)",
					name, l.what, l.ref, l.directive, strings.Join(sources, " "))
				continue
			}
			if target, ok := resolve(u, l.ref); ok {
				if _, found := files.Lookup(target); !found {
					t.Errorf("%s: %s loads %q, which is not in the built site", name, l.what, l.ref)
				}
			}
		}
	}
	if pages == 0 {
		t.Error("the built site has no pages")
	}
}

// resolve returns the URL path that ref, written in the file at base, names
// on the site itself; ok is false for data: and other-origin URLs.
func resolve(base, ref string) (string, bool) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || r.Scheme != "" || r.Host != "" || r.Path == "" {
		return "", false
	}
	b := &url.URL{Path: base}
	return b.ResolveReference(r).Path, true
}

// pageLoads lists what a page fetches as it loads, and what it has inline
// that a strict policy blocks and the audit does not already report.
func pageLoads(data []byte) (loads []load, inline []string) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, []string{"cannot be parsed: " + err.Error()}
	}
	add := func(directive, ref, what string) {
		if strings.TrimSpace(ref) != "" {
			loads = append(loads, load{directive, ref, what})
		}
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if isURLAttr(a.Key) && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				inline = append(inline, "<"+n.Data+" "+a.Key+"=\"javascript:...\"> runs inline code, which the Content-Security-Policy blocks")
			}
		}
		tag := "<" + n.Data + ">"
		switch n.DataAtom {
		case atom.Base:
			inline = append(inline, "has a <base> element, which base-uri 'none' blocks")
		case atom.Script:
			add("script-src", attr(n, "src"), tag)
		case atom.Link:
			rels := strings.Fields(strings.ToLower(attr(n, "rel")))
			switch {
			case slices.Contains(rels, "stylesheet"):
				add("style-src", attr(n, "href"), `<link rel="stylesheet">`)
			case slices.Contains(rels, "icon") || slices.Contains(rels, "apple-touch-icon"):
				add("img-src", attr(n, "href"), `<link rel="icon">`)
			case slices.Contains(rels, "manifest"):
				add("manifest-src", attr(n, "href"), `<link rel="manifest">`)
			case slices.Contains(rels, "preload") || slices.Contains(rels, "prefetch"):
				add("default-src", attr(n, "href"), `<link rel="preload">`)
			}
		case atom.Img, atom.Source, atom.Image:
			add("img-src", attr(n, "src"), tag)
			add("img-src", attr(n, "href"), tag)
			for _, ref := range srcset(attr(n, "srcset")) {
				add("img-src", ref, tag)
			}
		case atom.Audio, atom.Video, atom.Track:
			add("media-src", attr(n, "src"), tag)
		case atom.Iframe:
			add("frame-src", attr(n, "src"), tag)
		case atom.Object, atom.Embed:
			add("object-src", attr(n, "data")+attr(n, "src"), tag)
		case atom.Form:
			add("form-action", attr(n, "action"), tag)
		}
	}
	return loads, inline
}

// srcset returns the URLs of a srcset attribute: each candidate is a URL
// (which may hold commas, as a data: URL does) up to a space, then
// descriptors up to a comma.
func srcset(v string) []string {
	var urls []string
	for v = strings.TrimLeft(v, " \t\n,"); v != ""; v = strings.TrimLeft(v, " \t\n,") {
		end := strings.IndexAny(v, " \t\n")
		if end < 0 {
			end = len(v)
		}
		ref := v[:end]
		v = v[end:]
		if strings.HasSuffix(ref, ",") {
			urls = append(urls, strings.TrimRight(ref, ",")) // no descriptors
			continue
		}
		urls = append(urls, ref)
		if i := strings.Index(v, ","); i >= 0 {
			v = v[i:]
		} else {
			v = ""
		}
	}
	return urls
}

func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "action", "formaction", "xlink:href", "data":
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

var (
	fontFace  = regexp.MustCompile(`(?s)@font-face\s*\{[^}]*\}`)
	cssURL    = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)`)
	cssImport = regexp.MustCompile(`@import\s+(?:url\()?\s*["']?([^"')\s;]+)`)
)

// cssLoads lists what a stylesheet fetches: fonts of @font-face, images of
// url(), other stylesheets of @import.
func cssLoads(data []byte) []load {
	var loads []load
	urls := func(b []byte, directive, what string) {
		for _, m := range cssURL.FindAllSubmatch(b, -1) {
			loads = append(loads, load{directive, string(m[1]) + string(m[2]) + string(m[3]), what})
		}
	}
	for _, m := range cssImport.FindAllSubmatch(data, -1) {
		loads = append(loads, load{"style-src", string(m[1]), "@import"})
	}
	for _, face := range fontFace.FindAll(data, -1) {
		urls(face, "font-src", "@font-face")
	}
	urls(cssImport.ReplaceAll(fontFace.ReplaceAll(data, nil), nil), "img-src", "url()")
	return loads
}

var (
	fetchCall  = regexp.MustCompile("(fetch|new EventSource|new WebSocket|importScripts)\\(\\s*[\"'`]([^\"'`]+)[\"'`]")
	evalCall   = regexp.MustCompile(`\beval\(|\bnew Function\(|\bset(?:Timeout|Interval)\(\s*["'\x60]`)
	styleAttr  = regexp.MustCompile(`setAttribute\(\s*["']style["']|setAttribute\(\s*["']on[a-z]+["']`)
	beaconCall = regexp.MustCompile(`\bsendBeacon\(`)
)

// scriptLoads lists the URLs a script fetches (as far as they are written
// as strings), and what it does that the policy blocks.
func scriptLoads(data []byte) (loads []load, blocked []string) {
	for _, m := range fetchCall.FindAllSubmatch(data, -1) {
		directive := "connect-src"
		if string(m[1]) == "importScripts" {
			directive = "script-src"
		}
		loads = append(loads, load{directive, string(m[2]), string(m[1]) + "()"})
	}
	if m := evalCall.Find(data); m != nil {
		blocked = append(blocked, "evaluates a string as code ("+string(m)+"...), which script-src without 'unsafe-eval' blocks")
	}
	if m := styleAttr.Find(data); m != nil {
		blocked = append(blocked, "sets an inline style or handler attribute ("+string(m)+"...), which the Content-Security-Policy blocks; use a class, or element.style")
	}
	if beaconCall.Match(data) {
		blocked = append(blocked, "calls sendBeacon: the site sends nothing anywhere")
	}
	return loads, blocked
}

func TestLoadsFound(t *testing.T) {
	loads, inline := pageLoads([]byte(`<!doctype html><html><head><base href="/">
<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="canonical" href="https://elsewhere.example/">
<script src="/js/a.js"></script></head><body>
<img src="/a.png" srcset="/b.png 1x, data:image/png;base64,AA 2x"><img srcset="/c.png, /d.png"><a href="javascript:alert(1)">x</a>
<form action="/find"></form></body></html>`))
	var got []string
	for _, l := range loads {
		got = append(got, l.directive+" "+l.ref)
	}
	want := []string{"style-src https://cdn.example/x.css", "script-src /js/a.js", "img-src /a.png",
		"img-src /b.png", "img-src data:image/png;base64,AA",
		"img-src /c.png", "img-src /d.png", "form-action /find"}
	if !slices.Equal(got, want) {
		t.Errorf("pageLoads found\n%q\nwant\n%q", got, want)
	}
	if len(inline) != 2 {
		t.Errorf("pageLoads found %q, want the <base> and the javascript: link", inline)
	}

	css := cssLoads([]byte(`@import "/css/more.css";@font-face{font-family:x;src:url(/f.woff2)}.a{background:url('data:image/svg+xml,x')}.b{background:url("https://img.example/b.png")}`))
	got = nil
	for _, l := range css {
		got = append(got, l.directive+" "+l.ref)
	}
	want = []string{"style-src /css/more.css", "font-src /f.woff2", "img-src data:image/svg+xml,x", "img-src https://img.example/b.png"}
	if !slices.Equal(got, want) {
		t.Errorf("cssLoads found\n%q\nwant\n%q", got, want)
	}

	js, blocked := scriptLoads([]byte(`fetch("/search.json",{});new EventSource('/events');eval("1");el.setAttribute("style","x");navigator.sendBeacon("/b")`))
	if len(js) != 2 || js[0].ref != "/search.json" || js[1].ref != "/events" {
		t.Errorf("scriptLoads found %+v, want /search.json and /events", js)
	}
	if len(blocked) != 3 {
		t.Errorf("scriptLoads blocked %q, want eval, the style attribute and sendBeacon", blocked)
	}
}
