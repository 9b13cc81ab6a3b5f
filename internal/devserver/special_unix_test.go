//go:build unix

package devserver

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mkfifo makes a named pipe: a file whose open waits for a writer, for ever.
func (s *site) mkfifo(name string) {
	s.t.Helper()
	if err := syscall.Mkfifo(filepath.Join(s.dir, filepath.FromSlash(name)), 0o644); err != nil {
		s.t.Skip("no named pipes here:", err)
	}
}

// TestNamedPipeSavedAsAPage: a pipe where a page should be is reported by
// the builder at once (it never waits for a writer), and once it is deleted
// the next build shows the site again.
func TestNamedPipeSavedAsAPage(t *testing.T) {
	s := startSite(t, 0)
	s.mkfifo("content/articles/x.md")
	if ev := s.waitEvent("errors"); !strings.Contains(ev.data, `"path":"content/articles/x.md"`) || !strings.Contains(ev.data, "named pipe") {
		t.Errorf("errors event does not name the pipe: %s", ev.data)
	}
	s.remove("content/articles/x.md")
	s.reloaded("/articles/second/", "Why it matters")

	s.write("content/about.md", md("About us", "Still building."))
	s.reloaded("/about/", "Still building.")
}

// TestNamedPipeAsNetlifyToml: the dev server reads netlify.toml itself; a
// pipe there must not stop it: it is an error shown in the terminal and the
// browser, and once the pipe is gone the site is served again.
func TestNamedPipeAsNetlifyToml(t *testing.T) {
	log := &syncLog{}
	s := serveSite(t, copySmallSite(t), Options{Log: log}, realBuilder, afterPatience)
	s.mkfifo("netlify.toml")
	if ev := s.waitEvent("errors"); !strings.Contains(ev.data, `"path":"netlify.toml"`) || !strings.Contains(ev.data, "named pipe") {
		t.Errorf("errors event does not name the pipe: %s", ev.data)
	}
	if !strings.Contains(log.String(), "netlify.toml:1:1: not a regular file: it is a named pipe") {
		t.Errorf("the terminal does not say what is wrong with netlify.toml:\n%s", log)
	}
	s.remove("netlify.toml")
	s.write("content/about.md", md("About us", "Built past the pipe."))
	s.reloaded("/about/", "Built past the pipe.")
}
