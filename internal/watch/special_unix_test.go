//go:build unix

package watch

import (
	"net"
	"syscall"
	"testing"
)

// TestSpecialFiles: named pipes and sockets are reported like any file,
// never opened, so the build can say what is wrong with them; the watch
// goes on.
func TestSpecialFiles(t *testing.T) {
	inModes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt, map[string]string{"content/articles/first.md": "first"})
		if err := syscall.Mkfifo(s.abs("content/articles/x.md"), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
		s.expect("content/articles/x.md")
		s.remove("content/articles/x.md")
		s.expect("content/articles/x.md")

		ln, err := net.Listen("unix", s.abs("content/s.md"))
		if err != nil {
			t.Skip("no unix sockets here:", err)
		}
		s.expect("content/s.md")
		ln.Close() // removes it
		s.expect("content/s.md")

		s.write("content/articles/first.md", "first, edited")
		s.expect("content/articles/first.md")
	})
}
