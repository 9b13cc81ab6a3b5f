package liveserver

import (
	"github.com/trustguide/guide/internal/netlify"
	"net"
	"testing"
)

const netlifyTOML = `[build]
  command = "go run ./cmd/guide build"
  publish = "public"

[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"
    X-Frame-Options = "DENY"

[[headers]]
  for = "/worksheets/*"
  [headers.values]
    X-Robots-Tag = "noindex"

[[headers]]
  for = "/w/:short"
  [headers.values]
    X-Short = "yes"

[[headers]]
  for = "/feed.xml"
  [headers.values]
    X-Frame-Options = "SAMEORIGIN"
`

func TestSiteHeadersApplied(t *testing.T) {
	cfg, err := netlify.ParseConfig([]byte(netlifyTOML))
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Headers: cfg.HeadersFor})
	s.Publish(testSite("v1"), nil)

	resp := get(t, s, "GET", "/worksheets/apology/")
	if got := resp.Header.Get("X-Robots-Tag"); got != "noindex" {
		t.Errorf("X-Robots-Tag = %q, want noindex", got)
	}
	// The policy holds, with only the event stream allowed in addition.
	want := "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'"
	if got := resp.Header.Get("Content-Security-Policy"); got != want {
		t.Errorf("Content-Security-Policy =\n%s\nwant\n%s", got, want)
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
	// Headers apply to redirects and to the 404 page too.
	if got := get(t, s, "GET", "/w/apology").Header.Get("X-Short"); got != "yes" {
		t.Errorf("redirect: X-Short = %q, want yes", got)
	}
	if got := get(t, s, "GET", "/missing").Header.Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("404: X-Frame-Options = %q, want DENY", got)
	}
}

func TestAllowEventStream(t *testing.T) {
	for in, want := range map[string]string{
		"default-src 'self'":                         "default-src 'self'",
		"default-src 'none'; script-src 'self'":      "default-src 'none'; script-src 'self'; connect-src 'self'",
		"default-src 'none'; connect-src 'none';":    "default-src 'none'; connect-src 'self'",
		"default-src 'none'; connect-src https://a":  "default-src 'none'; connect-src https://a 'self'",
		"script-src 'self'":                          "script-src 'self'",
		"default-src 'none'; connect-src 'self'":     "default-src 'none'; connect-src 'self'",
		"img-src 'self'; Default-Src 'none'":         "img-src 'self'; Default-Src 'none'; connect-src 'self'",
		"default-src 'self'; connect-src https://ex": "default-src 'self'; connect-src https://ex 'self'",
	} {
		if got := allowEventStream(in); got != want {
			t.Errorf("allowEventStream(%q) =\n%q\nwant\n%q", in, got, want)
		}
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"index.html":         "text/html; charset=utf-8",
		"css/site.3f2a.css":  "text/css; charset=utf-8",
		"js/sheet.js":        "text/javascript; charset=utf-8",
		"sitemap.xml":        "application/xml; charset=utf-8",
		"img/logo.SVG":       "image/svg+xml",
		"fonts/a.woff2":      "font/woff2",
		"_redirects":         "text/plain; charset=utf-8",
		"site.webmanifest":   "application/manifest+json",
		"data.unknown-ext-x": "text/plain; charset=utf-8", // sniffed
	} {
		if got := ContentType(name, []byte("plain words")); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestListen(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:0", "localhost:0", "0.0.0.0:0"} {
		ln, err := Listen(addr)
		if err != nil {
			t.Errorf("Listen(%q): %v", addr, err)
			continue
		}
		ln.Close()
	}
	if ln, err := Listen("[::1]:0"); err == nil {
		ln.Close()
	} else if _, ok := err.(*net.OpError); !ok {
		t.Errorf("Listen([::1]:0) refused: %v", err) // an OpError only means no IPv6 here
	}
	for _, addr := range []string{":0", "example.com:0", "my-laptop:1313", "127.0.0.1"} {
		if ln, err := Listen(addr); err == nil {
			ln.Close()
			t.Errorf("Listen(%q) accepted", addr)
		}
	}
}
