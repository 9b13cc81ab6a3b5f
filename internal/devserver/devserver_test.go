package devserver

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// within is how long a change may take to show, generous for a loaded CI
// machine; a normal save shows in milliseconds.
const within = 5 * time.Second

type site struct {
	t      *testing.T
	dir    string
	srv    *Server
	events chan sse
	first  sse // what the browser was told as it connected, if anything
}

type sse struct{ event, data string }

// startSite copies the builder's small test site to a temp folder, serves it
// and listens to its live-reload events.
func startSite(t *testing.T, poll time.Duration) *site {
	t.Helper()
	return serveSite(t, copySmallSite(t), Options{Poll: poll}, realBuilder, afterPatience)
}

// copySmallSite copies the builder's small test site to a temp folder.
func copySmallSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/small")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// serveSite serves the site in dir with the given builder and deadline, and
// listens to its live-reload events.
func serveSite(t *testing.T, dir string, opt Options, nb newBuilder, late deadline) *site {
	t.Helper()
	opt.Root, opt.Addr = dir, "127.0.0.1:0"
	srv, err := start(opt, nb, late)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	s := &site{t: t, dir: dir, srv: srv, events: make(chan sse, 100)}
	s.listen()
	return s
}

// listen reads the server-sent events into s.events. It connects as a
// browser holding a page of an older build, which the server tells the
// current state at once: a reload, or the errors. That first event is kept
// in s.first; every later one is news.
func (s *site) listen() {
	s.t.Helper()
	resp, err := http.Get(s.srv.URL + "_guide/events?since=an-older-build")
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { resp.Body.Close() })
	go s.read(resp)
	s.first = s.nextEvent()
}

// read reads a stream's events into s.events.
func (s *site) read(resp *http.Response) {
	sc := bufio.NewScanner(resp.Body)
	var ev sse
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		case line == "" && ev.event != "":
			s.events <- ev
			ev = sse{}
		}
	}
}

func (s *site) write(name, text string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) remove(name string) {
	s.t.Helper()
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(name))); err != nil {
		s.t.Fatal(err)
	}
}

// atomicSave writes a file the way vim, JetBrains and VS Code do: a temp
// file, then a rename over the original.
func (s *site) atomicSave(name, text string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	tmp := p + ".tmp"
	os.WriteFile(tmp, []byte(text), 0o644)
	if err := os.Rename(tmp, p); err != nil {
		s.t.Fatal(err)
	}
}

// nextEvent returns the next event.
func (s *site) nextEvent() sse {
	s.t.Helper()
	select {
	case ev := <-s.events:
		return ev
	case <-time.After(within):
		s.t.Fatalf("no event within %v", within)
		return sse{}
	}
}

// waitEvent waits for the next event of the given kind.
func (s *site) waitEvent(kind string) sse {
	s.t.Helper()
	for {
		if ev := s.nextEvent(); ev.event == kind {
			return ev
		}
	}
}

// get returns the status and body of a URL path, without following redirects.
func (s *site) get(path string) (int, string) {
	s.t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(strings.TrimSuffix(s.srv.URL, "/") + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// wantPage checks, right after the reload event, that the page is served
// with the text: the event must come after the output changed.
func (s *site) wantPage(path, text string) {
	s.t.Helper()
	code, body := s.get(path)
	if code != 200 || !strings.Contains(body, text) {
		s.t.Errorf("GET %s after the reload event: %d, want 200 with %q", path, code, text)
	}
}

// reloaded waits for the next reload and checks the page then.
func (s *site) reloaded(path, text string) {
	s.t.Helper()
	s.waitEvent("reload")
	s.wantPage(path, text)
}

func (s *site) wantGone(path string) {
	s.t.Helper()
	if code, _ := s.get(path); code != 404 {
		s.t.Errorf("GET %s: %d, want 404", path, code)
	}
}

const page = "---\ntitle: %s\ndescription: d\n---\n%s\n"

func md(title, body string) string {
	return strings.Replace(strings.Replace(page, "%s", title, 1), "%s", body, 1)
}

func TestAuthorsSavesShowAtOnce(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"events", 0}, {"poll", 50 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			s := startSite(t, mode.poll)

			s.write("content/articles/second.md", strings.Replace(readFile(t, s.dir, "content/articles/second.md"), "~~struck~~", "Edited words.", 1))
			s.waitEvent("reload")
			s.wantPage("/articles/second/", "Edited words.")

			s.write("content/about.md", md("About us", "Made with care."))
			s.waitEvent("reload")
			s.wantPage("/about/", "Made with care.")

			s.atomicSave("content/about.md", md("About us", "Saved the way editors save."))
			s.waitEvent("reload")
			s.wantPage("/about/", "Saved the way editors save.")

			os.Rename(filepath.Join(s.dir, "content/about.md"), filepath.Join(s.dir, "content/who-we-are.md"))
			s.waitEvent("reload")
			s.wantPage("/who-we-are/", "Saved the way editors save.")
			s.wantGone("/about/")

			os.Remove(filepath.Join(s.dir, "content/who-we-are.md"))
			s.waitEvent("reload")
			s.wantGone("/who-we-are/")

			s.write("content/guides/deep/page.md", md("Deep", "In a new folder."))
			s.waitEvent("reload")
			s.wantPage("/guides/deep/page/", "In a new folder.")

			s.write("templates/404.html", `{{define "main"}}<p>Nothing here, sorry.</p>{{end}}`)
			s.waitEvent("reload")
			if code, body := s.get("/nowhere/"); code != 404 || !strings.Contains(body, "Nothing here, sorry.") {
				t.Errorf("GET /nowhere/: %d, want the new 404 page", code)
			}
		})
	}
}

func TestErrorsShowInTheBrowserUntilFixed(t *testing.T) {
	s := startSite(t, 0)
	good := readFile(t, s.dir, "content/articles/second.md")

	s.write("content/articles/second.md", strings.Replace(good, "title:", "titel:", 1))
	ev := s.waitEvent("errors")
	for _, want := range []string{`"path":"content/articles/second.md"`, `"line":2`, `unknown front matter key \"titel\"`} {
		if !strings.Contains(ev.data, want) {
			t.Errorf("errors event lacks %s: %s", want, ev.data)
		}
	}
	s.wantPage("/articles/second/", "Why it matters") // the last good site is still served

	s.write("content/articles/second.md", good)
	s.waitEvent("reload")
	s.wantPage("/articles/second/", "Why it matters")
}

func TestShortLinksAndAliases(t *testing.T) {
	s := startSite(t, 0)
	for from, to := range map[string]string{"/w/name-it": "/worksheets/name-it/", "/old-first/": "/articles/first/"} {
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(strings.TrimSuffix(s.srv.URL, "/") + from)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 301 || resp.Header.Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want 301 to %s", from, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestNetlifyTomlUnderServe: netlify.toml is serve's own file. Its headers
// change with it; a broken one is an error at its line in the browser,
// and the last good headers are served until it is mended.
func TestNetlifyTomlUnderServe(t *testing.T) {
	log := &syncLog{}
	s := serveSite(t, copySmallSite(t), Options{Log: log}, realBuilder, afterPatience)
	header := func() string {
		t.Helper()
		resp, err := http.Get(s.srv.URL + "about/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Header.Get("X-Guide-Test")
	}
	rule := func(value string) string {
		return "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Guide-Test = \"" + value + "\"\n"
	}

	s.write("netlify.toml", rule("one"))
	s.waitEvent("reload")
	if got := header(); got != "one" {
		t.Errorf("after netlify.toml gave the header, it is %q, want \"one\"", got)
	}

	s.write("netlify.toml", "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Guide-Test = one\n")
	ev := s.waitEvent("errors")
	for _, want := range []string{`"path":"netlify.toml"`, `"line":4`, "Netlify would refuse it too"} {
		if !strings.Contains(ev.data, want) {
			t.Errorf("errors event lacks %s: %s", want, ev.data)
		}
	}
	if got := header(); got != "one" {
		t.Errorf("while netlify.toml is broken the header is %q, want the last good \"one\"", got)
	}
	if !strings.Contains(log.String(), "  netlify.toml: 1 error, still serving the last good site") {
		t.Errorf("the terminal does not say which file has how many errors:\n%s", log)
	}

	s.write("netlify.toml", rule("two"))
	s.waitEvent("reload")
	if got := header(); got != "two" {
		t.Errorf("after netlify.toml was mended the header is %q, want \"two\"", got)
	}
}
