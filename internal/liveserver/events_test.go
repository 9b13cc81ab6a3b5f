package liveserver

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/trustguide/guide/internal/diag"
)

// wait bounds every wait in these tests.
const wait = 5 * time.Second

// startServer serves s on a real loopback listener and returns its base URL.
func startServer(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() }) // Close, not Shutdown: it also ends open streams
	return "http://" + ln.Addr().String()
}

// event is one Server-Sent Event as a browser would dispatch it.
type event struct{ id, name, data string }

// stream is a browser's connection to /_guide/events.
type stream struct {
	t      *testing.T
	events chan event
	cancel context.CancelFunc
}

// openStream connects to the event stream and returns once the server has
// registered it (its first bytes have arrived).
func openStream(t *testing.T, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q, want text/event-stream", ct)
	}
	st := &stream{t: t, events: make(chan event, 16), cancel: cancel}
	lines := bufio.NewReader(resp.Body)
	if line, err := lines.ReadString('\n'); err != nil || line != "retry: 1000\n" {
		t.Fatalf("first line = %q, %v; want the retry field", line, err)
	}
	go func() {
		defer close(st.events)
		defer resp.Body.Close()
		var e event
		for {
			line, err := lines.ReadString('\n')
			if err != nil {
				return
			}
			if line == "\n" { // a blank line ends an event
				if e.name != "" {
					st.events <- e
				}
				e = event{}
				continue
			}
			field, value, _ := strings.Cut(strings.TrimSuffix(line, "\n"), ": ")
			switch field {
			case "id":
				e.id = value
			case "event":
				e.name = value
			case "data":
				e.data = value
			}
		}
	}()
	return st
}

// next returns the next event, failing if none comes in time.
func (st *stream) next() event {
	st.t.Helper()
	select {
	case e, ok := <-st.events:
		if !ok {
			st.t.Fatal("the stream ended")
		}
		return e
	case <-time.After(wait):
		st.t.Fatal("no event within", wait)
		return event{}
	}
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

var buildID = regexp.MustCompile(`data-build="([^"]+)"`)

func TestReloadAfterPublish(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)
	st := openStream(t, base+"/_guide/events")

	s.Publish(testSite("v2"), nil)
	if e := st.next(); e.name != "reload" {
		t.Fatalf("event = %+v, want reload", e)
	}
	if b := httpGet(t, base+"/"); !strings.Contains(b, "home v2") {
		t.Errorf("after the reload event, GET / =\n%s\nwant v2", b)
	}
}

func TestErrorsEvent(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)
	st := openStream(t, base+"/_guide/events")

	var problems diag.List
	problems.Add("content/articles/x.md", 2, 1, "unknown front matter key %q", "titel")
	problems.Add("content/_index.md", 7, 12, "link to missing page %q", "nowhere.md")
	problems.Warn("content/_index.md", 1, 1, "warnings are not shown")
	s.Publish(testSite("v2"), problems)

	want := []problem{
		{"content/_index.md", 7, 12, `link to missing page "nowhere.md"`},
		{"content/articles/x.md", 2, 1, `unknown front matter key "titel"`},
	}
	checkErrors := func(e event) {
		t.Helper()
		if e.name != "errors" {
			t.Fatalf("event = %+v, want errors", e)
		}
		var got []problem
		if err := json.Unmarshal([]byte(e.data), &got); err != nil {
			t.Fatalf("data %q: %v", e.data, err)
		}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("errors = %+v, want %+v", got, want)
		}
	}
	checkErrors(st.next())
	if b := httpGet(t, base+"/"); !strings.Contains(b, "home v1") {
		t.Errorf("with errors, GET / =\n%s\nwant the last good page", b)
	}

	// A browser that opens a page now is shown the errors at once.
	checkErrors(openStream(t, base+"/_guide/events").next())

	// Fixing the mistake sends a reload, which removes the overlay.
	s.Publish(testSite("v3"), nil)
	if e := st.next(); e.name != "reload" {
		t.Errorf("event = %+v, want reload", e)
	}
}

// TestMissedBuild: a browser whose page came from an older build than the
// current one is told to reload as soon as it connects; one that is up to
// date is told nothing until the next build.
func TestMissedBuild(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)
	id := buildID.FindStringSubmatch(httpGet(t, base+"/"))[1]

	current := openStream(t, base+"/_guide/events?since="+id)
	s.Publish(testSite("v2"), nil)
	stale := openStream(t, base+"/_guide/events?since="+id)

	first := current.next()
	if e := stale.next(); e.name != "reload" || e.id != first.id {
		t.Errorf("stale browser got %+v, want reload %s", e, first.id)
	}
	if first.name != "reload" || first.id == id {
		t.Errorf("up-to-date browser got %+v first, want the reload of the next build", first)
	}
}

func TestSlowClientDoesNotBlockPublish(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite("v1"), nil)
	base := startServer(t, s)

	// A browser that asks for the stream and then never reads it.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /_guide/events HTTP/1.1\r\nHost: "+conn.RemoteAddr().String()+"\r\n\r\n")
	conn.SetReadDeadline(time.Now().Add(wait))
	r := bufio.NewReader(conn)
	for line := ""; line != "retry: 1000\n"; { // registered; from now on, read nothing
		if line, err = r.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
	}
	// And one that never reads its channel, registered directly.
	stuck := s.hub.subscribe()

	// Large error lists, so the socket buffers fill up too.
	var problems diag.List
	for i := range 500 {
		problems.Add("content/x.md", i+1, 1, "%s", strings.Repeat("problem ", 20))
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200 {
			s.Publish(testSite("v2"), problems)
		}
		s.Publish(testSite("v3"), nil)
	}()
	// A Publish that blocks never returns: the bound only ends the test, and
	// is generous, as 200 publishes of a long error list under the race
	// detector on a busy machine can take several seconds.
	select {
	case <-done:
	case <-time.After(12 * wait):
		t.Fatal("Publish blocked on a slow client")
	}
	// The stuck client was dropped: its channel is closed once drained.
	for range stuck {
	}
	// Browsers that connect afterwards are served as usual.
	st := openStream(t, base+"/_guide/events")
	s.Publish(testSite("v4"), nil)
	if e := st.next(); e.name != "reload" {
		t.Errorf("event = %+v, want reload", e)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	s := New(Options{})
	base := startServer(t, s)
	st := openStream(t, base+"/_guide/events")
	s.Close()
	select {
	case _, ok := <-st.events:
		if ok {
			t.Error("an event after Close")
		}
	case <-time.After(wait):
		t.Fatal("the stream outlived Close")
	}
}

// TestWarningsEvent: a browser showing a good build is told its warnings
// as it connects (after a reload, the page connects again), sorted, and
// never those of an older build; a browser that must reload first is told
// only to reload.
func TestWarningsEvent(t *testing.T) {
	s := New(Options{})
	var warnings diag.List
	warnings.Warn("content/fr/b.md", 1, 1, "content/b.md has changed since this translation was made")
	warnings.Warn("content/fr/a.md", 1, 1, "not marked")
	s.Publish(testSite("v1"), warnings)
	base := startServer(t, s)
	old := buildID.FindStringSubmatch(httpGet(t, base+"/"))[1]

	e := openStream(t, base+"/_guide/events?since="+old).next()
	var got []problem
	if err := json.Unmarshal([]byte(e.data), &got); e.name != "warnings" || err != nil {
		t.Fatalf("event = %+v, %v; want warnings", e, err)
	}
	want := []problem{{"content/fr/a.md", 1, 1, "not marked"}, {"content/fr/b.md", 1, 1, "content/b.md has changed since this translation was made"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("warnings = %+v, want %+v", got, want)
	}

	s.Publish(testSite("v2"), nil)
	stale := openStream(t, base+"/_guide/events?since="+old)
	current := openStream(t, base+"/_guide/events?since="+buildID.FindStringSubmatch(httpGet(t, base+"/"))[1])
	if e := stale.next(); e.name != "reload" {
		t.Errorf("a browser on an older build got %+v, want reload", e)
	}
	s.Publish(testSite("v3"), nil)
	for _, st := range []*stream{stale, current} {
		if e := st.next(); e.name != "reload" {
			t.Errorf("after a build without warnings, event = %+v, want the next reload", e)
		}
	}
}
