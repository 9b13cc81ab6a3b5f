package liveserver

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/output"
)

const scriptTag = `<script src="/_guide/reload.js" data-build="`

// page is a small HTML page whose body says which build it comes from.
func page(body string) []byte {
	return []byte("<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>")
}

func testSite(version string) output.Files {
	return output.Files{
		"index.html":                      page("home " + version),
		"articles/acknowledge/index.html": page("acknowledge " + version),
		"worksheets/apology/index.html":   page("apology worksheet"),
		"forced/index.html":               page("shadowed by a forced rule"),
		"404.html":                        page("no such page"),
		"css/site.css":                    []byte("body{color:#222}"),
		"robots.txt":                      []byte("User-agent: *\n"),
		"feed.xml":                        []byte("<feed/>"),
		"_redirects": []byte(`# short links and aliases
/w/apology      /worksheets/apology/      301
/old-ack        /articles/acknowledge/    302
/forced         /articles/acknowledge/    301!
/news/*         /articles/:splat          301
/shown          /articles/acknowledge/    200
`),
	}
}

// get sends a request straight to the handler, as if it came to a server
// listening on 127.0.0.1:1313.
func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	req := httptest.NewRequestWithContext(context.WithValue(t.Context(), http.LocalAddrContextKey, local), method, target, nil)
	req.Host = local.String()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServe(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)

	tests := []struct {
		method, target string
		status         int
		ctype          string
		location       string // for redirects
		contains       string // in the body
		script         bool   // the reload script is injected
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "", "home v1", true},
		{"GET", "/articles/acknowledge/", 200, "text/html; charset=utf-8", "", "acknowledge v1", true},
		{"GET", "/articles/acknowledge/index.html", 200, "text/html; charset=utf-8", "", "acknowledge v1", true},
		{"GET", "/articles/acknowledge", 301, "", "/articles/acknowledge/", "", false},
		{"GET", "/css/site.css", 200, "text/css; charset=utf-8", "", "body{color:#222}", false},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "", "User-agent", false},
		{"GET", "/feed.xml", 200, "application/xml; charset=utf-8", "", "<feed/>", false},
		{"GET", "/_redirects", 200, "text/plain; charset=utf-8", "", "/w/apology", false},
		{"GET", "/no/such/page/", 404, "text/html; charset=utf-8", "", "no such page", true},
		{"GET", "/w/apology", 301, "", "/worksheets/apology/", "", false},
		{"GET", "/w/apology/", 301, "", "/worksheets/apology/", "", false},
		{"GET", "/old-ack?from=mail", 302, "", "/articles/acknowledge/?from=mail", "", false},
		{"GET", "/forced/", 301, "", "/articles/acknowledge/", "", false},
		{"GET", "/news/acknowledge/", 301, "", "/articles/acknowledge", "", false},
		{"GET", "/shown", 200, "text/html; charset=utf-8", "", "acknowledge v1", true},
		{"GET", "/../etc/passwd", 400, "", "", "", false},
		{"GET", "/articles/../../etc/passwd", 400, "", "", "", false},
		{"GET", "/%2e%2e/etc/passwd", 400, "", "", "", false},
		{"GET", "/a%5c..%5csecret", 400, "", "", "", false},
		{"POST", "/", 405, "", "", "", false},
		{"GET", "/_guide/reload.js", 200, "text/javascript; charset=utf-8", "", "new EventSource(", false},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			resp := get(t, s, tt.method, tt.target)
			b := body(t, resp)
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d; body:\n%s", resp.StatusCode, tt.status, b)
			}
			if got := resp.Header.Get("Content-Type"); tt.ctype != "" && got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
			if !strings.Contains(b, tt.contains) {
				t.Errorf("body does not contain %q:\n%s", tt.contains, b)
			}
			if got := strings.Contains(b, scriptTag); got != tt.script {
				t.Errorf("script injected = %v, want %v:\n%s", got, tt.script, b)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-store" && tt.status != 400 && tt.status != 405 {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
		})
	}
}

func TestHead(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	full := get(t, s, "GET", "/")
	head := get(t, s, "HEAD", "/")
	if b := body(t, head); head.StatusCode != 200 || b != "" {
		t.Errorf("HEAD / = %d with body %q, want 200 and no body", head.StatusCode, b)
	}
	if head.Header.Get("Content-Length") != full.Header.Get("Content-Length") {
		t.Errorf("HEAD Content-Length %q, GET %q", head.Header.Get("Content-Length"), full.Header.Get("Content-Length"))
	}
}

func TestBeforeFirstBuild(t *testing.T) {
	s := New(Options{})
	resp := get(t, s, "GET", "/")
	// A page, not a bare error, so that errors of a failed first build show.
	if b := body(t, resp); resp.StatusCode != 404 || !strings.Contains(b, scriptTag) {
		t.Errorf("GET / before any build = %d:\n%s\nwant 404 with the reload script", resp.StatusCode, b)
	}
}

func TestLastGoodSiteKept(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	var problems diag.List
	problems.Add("content/articles/acknowledge.md", 3, 1, "unknown front matter key %q", "titel")
	s.Publish(testSite("v2"), problems)
	if b := body(t, get(t, s, "GET", "/")); !strings.Contains(b, "home v1") {
		t.Errorf("after a failed build, GET / =\n%s\nwant the last good page (v1)", b)
	}
	var warnings diag.List
	warnings.Warn("content/_index.md", 1, 1, "a long title")
	s.Publish(testSite("v3"), warnings)
	if b := body(t, get(t, s, "GET", "/")); !strings.Contains(b, "home v3") {
		t.Errorf("after a build with warnings only, GET / =\n%s\nwant v3", b)
	}
}

func TestPublishCopiesFiles(t *testing.T) {
	s := New(Options{})
	files := testSite("v1")
	s.Publish(files, nil)
	delete(files, "index.html") // the builder reuses its map for the next build
	if resp := get(t, s, "GET", "/"); resp.StatusCode != 200 {
		t.Errorf("GET / = %d after the builder changed its map, want 200", resp.StatusCode)
	}
}

// TestTraversalOverTheWire sends paths a browser or http.Client would have
// cleaned, as an attacker would, to a real listener.
func TestTraversalOverTheWire(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)
	for _, target := range []string{"/../../../etc/passwd", "/css/../../go.mod", "/..%2f..%2fetc/passwd"} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(wait))
		io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+strings.TrimPrefix(base, "http://")+"\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 400 or 404", target, resp.StatusCode)
		}
		conn.Close()
	}
}

func TestInjectScript(t *testing.T) {
	tag := `<script src="/_guide/reload.js" data-build="b" defer></script>`
	for in, want := range map[string]string{
		"<html><head><title>x</title></head><body>y</body></html>": "<html><head><title>x</title>" + tag + "</head><body>y</body></html>",
		"<HTML><HEAD></HEAD><BODY></BODY></HTML>":                  "<HTML><HEAD>" + tag + "</HEAD><BODY></BODY></HTML>",
		"<p>no head</p></body>":                                    "<p>no head</p>" + tag + "</body>",
		"<p>a fragment":                                            "<p>a fragment" + tag,
	} {
		if got := string(injectScript([]byte(in), "b")); got != want {
			t.Errorf("injectScript(%q) =\n%s\nwant\n%s", in, got, want)
		}
	}
}
