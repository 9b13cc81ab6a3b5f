package liveserver

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestRedirectsStayOnSite: a path with an empty or "." segment is sent to
// its clean form on this site, never to the host a browser would read in
// "//evil.example/".
func TestRedirectsStayOnSite(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	for target, want := range map[string]string{
		"//articles/acknowledge":   "/articles/acknowledge",
		"//articles/acknowledge/":  "/articles/acknowledge/",
		"//evil.example/":          "/evil.example/",
		"///evil.example":          "/evil.example",
		"//evil.example/x?next=1":  "/evil.example/x?next=1",
		"/articles//acknowledge/":  "/articles/acknowledge/",
		"/./articles/acknowledge/": "/articles/acknowledge/",
		"/articles/acknowledge/./": "/articles/acknowledge/",
		"//w/apology":              "/w/apology",
		"/news//evil.example/":     "/news/evil.example/",
	} {
		resp := get(t, s, "GET", target)
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusMovedPermanently || loc != want {
			t.Errorf("GET %s = %d to %q, want 301 to %q", target, resp.StatusCode, loc, want)
		}
		if u, err := url.Parse("http://127.0.0.1:1313" + target); err == nil {
			if to, err := u.Parse(loc); err != nil || to.Host != "127.0.0.1:1313" {
				t.Errorf("GET %s sends the browser to %q, off this site", target, loc)
			}
		}
	}
}

// rawGet sends one request with the given Host header to a real listener and
// returns the response and its body.
func rawGet(t *testing.T, base, target, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(wait))
	header := "Host: " + host + "\r\n"
	if host == "" {
		header = "" // an HTTP/1.0 request may have none
	}
	io.WriteString(conn, "GET "+target+" HTTP/1.0\r\n"+header+"\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		return resp, "" // a stream that goes on: its headers are enough
	}
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestOtherHostsRefused: a page of another site whose name was made to
// resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host; it must not
// read the drafts, the pages or the build errors.
func TestOtherHostsRefused(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))

	for host, ok := range map[string]bool{
		"127.0.0.1:" + port:      true,
		"localhost:" + port:      true,
		"LocalHost:" + port:      true,
		"[::1]:" + port:          true,
		"evil.example:" + port:   false,
		"evil.example":           false,
		"localhost":              false, // port 80: not this server
		"localhost:1":            false,
		"127.0.0.2:" + port:      false,
		"localhost.:" + port:     false,
		"x.localhost:" + port:    false,
		"127.0.0.1.evil.example": false,
		"":                       false,
	} {
		for _, target := range []string{"/", "/_guide/events", "/_guide/reload.js", "/w/apology"} {
			resp, b := rawGet(t, base, target, host)
			switch {
			case ok && resp.StatusCode >= 400:
				t.Errorf("GET %s with Host %q = %d, want it served:\n%s", target, host, resp.StatusCode, b)
			case !ok && resp.StatusCode != http.StatusForbidden:
				t.Errorf("GET %s with Host %q = %d, want 403:\n%s", target, host, resp.StatusCode, b)
			case !ok && (strings.Contains(b, "home v1") || !strings.Contains(b, "DNS rebinding")):
				t.Errorf("GET %s with Host %q: body %q, want only the reason", target, host, b)
			}
		}
	}
}

func TestAllowedHost(t *testing.T) {
	lan := &net.TCPAddr{IP: net.ParseIP("192.168.1.20"), Port: 1313}
	mapped := &net.TCPAddr{IP: net.ParseIP("::ffff:192.168.1.20"), Port: 1313}
	v6 := &net.TCPAddr{IP: net.ParseIP("::1"), Port: 1313}
	for _, tt := range []struct {
		host  string
		local net.Addr
		want  bool
	}{
		{"192.168.1.20:1313", lan, true}, // a phone on the same network, with -addr 0.0.0.0:1313
		{"192.168.1.20:1313", mapped, true},
		{"localhost:1313", lan, true},
		{"192.168.1.21:1313", lan, false},
		{"192.168.1.20:80", lan, false},
		{"[::1]:1313", v6, true},
		{"127.0.0.1:1313", v6, true},
		{"localhost:1313", nil, false}, // no connection to compare with
		{"localhost:1313", &net.UnixAddr{Name: "/tmp/s", Net: "unix"}, false},
	} {
		if got := allowedHost(tt.host, tt.local); got != tt.want {
			t.Errorf("allowedHost(%q, %v) = %v, want %v", tt.host, tt.local, got, tt.want)
		}
	}
}

// A port already taken (often by another guide serve) is said in words an
// author can act on.
func TestListenOnATakenPort(t *testing.T) {
	taken, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	_, err = Listen(taken.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "another program listens there already") || !strings.Contains(err.Error(), "-addr 127.0.0.1:1314") {
		t.Errorf("listening on a taken port: %v", err)
	}
}
