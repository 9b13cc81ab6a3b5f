package watch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// wait bounds every wait for a batch: long enough for a loaded machine,
// short enough that a missed event fails the test instead of hanging it.
const wait = 5 * time.Second

// dirs are the folders the tests watch, as the dev server does, plus one
// single file.
var dirs = []string{"content", "templates", "static", "netlify.toml"}

// modes runs each behaviour with fsnotify and with polling.
var modes = []struct {
	name string
	opt  Options
}{
	{"fsnotify", Options{}},
	{"poll", Options{Poll: 10 * time.Millisecond}},
}

// site is a temporary site folder under watch.
type site struct {
	t    *testing.T
	root string
	w    *Watcher
}

// newSite creates the files (path → contents) and starts watching.
func newSite(t *testing.T, opt Options, files map[string]string) *site {
	t.Helper()
	s := &site{t: t, root: t.TempDir()}
	for name, body := range files {
		s.write(name, body)
	}
	w, err := New(s.root, dirs, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	s.w = w
	return s
}

func (s *site) abs(name string) string { return filepath.Join(s.root, filepath.FromSlash(name)) }

func (s *site) write(name, body string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.abs(name)), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.abs(name), []byte(body), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) rename(from, to string) {
	s.t.Helper()
	if err := os.Rename(s.abs(from), s.abs(to)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) remove(name string) {
	s.t.Helper()
	if err := os.Remove(s.abs(name)); err != nil {
		s.t.Fatal(err)
	}
}

// next returns the next batch, failing the test if none comes in time. A
// batch that reports nothing is a mistake of the watcher.
func (s *site) next() Batch {
	s.t.Helper()
	select {
	case b := <-s.w.Events():
		if len(b.Paths) == 0 && !b.Rescan {
			s.t.Errorf("an empty batch: %+v", b)
		}
		return b
	case <-time.After(wait):
		s.t.Fatal("no batch within", wait)
		return Batch{}
	}
}

// expect receives batches until they have reported every path of want, and
// fails if they reported any other. A slow machine may split one change over
// two batches; the union is what matters here.
func (s *site) expect(want ...string) {
	s.t.Helper()
	for p := range s.until(want...) {
		if !slices.Contains(want, p) {
			s.t.Errorf("unexpected change reported: %q (want %q)", p, want)
		}
	}
}

// until receives batches until every path of want was reported, and returns
// everything that was.
func (s *site) until(want ...string) map[string]bool {
	s.t.Helper()
	seen := map[string]bool{}
	for !containsAll(seen, want) {
		for _, p := range s.next().Paths {
			seen[p] = true
		}
	}
	return seen
}

// inModes runs test with fsnotify and with polling.
func inModes(t *testing.T, test func(t *testing.T, opt Options)) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) { test(t, mode.opt) })
	}
}

func containsAll(seen map[string]bool, want []string) bool {
	for _, p := range want {
		if !seen[p] {
			return false
		}
	}
	return true
}

func TestChanges(t *testing.T) {
	start := map[string]string{
		"content/a.md":              "a",
		"content/old/sub/p.md":      "p",
		"templates/base.html":       "<html>",
		"content/articles/first.md": "first",
	}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Run("edit", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write("content/a.md", "a, edited")
				s.expect("content/a.md")
			})
			t.Run("create", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write("content/articles/new.md", "new")
				s.expect("content/articles/new.md")
			})
			t.Run("delete", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.remove("content/a.md")
				s.expect("content/a.md")
			})
			t.Run("rename", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.rename("content/a.md", "content/b.md")
				s.expect("content/a.md", "content/b.md")
			})
			t.Run("atomic save", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write("content/a.md.tmp", "a, saved atomically")
				s.rename("content/a.md.tmp", "content/a.md")
				s.expect("content/a.md")
			})
			t.Run("vim save", func(t *testing.T) {
				// What vim does with the default 'backupcopy': probe, swap,
				// backup by rename, write anew, drop the backup.
				s := newSite(t, mode.opt, start)
				s.write("content/.a.md.swp", "swap")
				s.write("content/4913", "")
				s.remove("content/4913")
				s.rename("content/a.md", "content/a.md~")
				s.write("content/a.md", "a, saved by vim")
				s.remove("content/a.md~")
				s.expect("content/a.md")
			})
			t.Run("single file", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write(".netlify.toml.tmp", "[build]")
				s.rename(".netlify.toml.tmp", "netlify.toml")
				s.expect("netlify.toml")
			})
			t.Run("new nested folder", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write("content/x/y/z.md", "z") // mkdir -p, then write at once
				s.expect("content/x/y/z.md")
				s.write("content/x/y/later.md", "later") // the new folder is watched
				s.expect("content/x/y/later.md")
			})
			t.Run("watched folder created later", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				s.write("static/css/site.css", "body{}")
				s.expect("static/css/site.css")
			})
			t.Run("editor and other files ignored", func(t *testing.T) {
				s := newSite(t, mode.opt, start)
				for _, name := range []string{
					"content/a.md.swp", "content/a.md.swx", "content/a.md.swo",
					"content/a.md~", "content/4913", "content/.#a.md", "content/#a.md#",
					"content/a.md___jb_tmp___", "content/a.md___jb_old___",
					"content/.DS_Store", "content/x.tmp", "content/.hidden.md",
					"content/.goutputstream-ABC123", "content/.git/HEAD",
					"README.md", "public/index.html", // outside the watched folders
				} {
					s.write(name, "noise")
				}
				if err := os.Chmod(s.abs("templates/base.html"), 0o600); err != nil {
					t.Fatal(err)
				}
				s.write("content/a.md", "a, edited")
				s.expect("content/a.md")
			})
		})
	}
}

func TestFolderRenamed(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			s := newSite(t, mode.opt, map[string]string{"content/old/sub/p.md": "p"})
			s.rename("content/old", "content/new")
			// fsnotify reports the folder that went away, polling its file.
			seen := s.until("content/new/sub/p.md")
			if !seen["content/old"] && !seen["content/old/sub/p.md"] {
				t.Errorf("the old folder was not reported: %v", seen)
			}
			// Files in the moved folders are reported under their new names.
			s.write("content/new/sub/q.md", "q")
			s.expect("content/new/sub/q.md")
		})
	}
}

// TestBurstReportsEveryPath: whatever the timing, a burst of writes is
// reported in full, in batches that are never empty. That a burst closer
// together than the debounce is one batch is TestBurstIsOneBatch's, on a
// clock the test drives.
func TestBurstReportsEveryPath(t *testing.T) {
	inModes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt, map[string]string{"content/a.md": "a"})
		want := []string{"content/a.md"}
		for i := range 50 {
			name, isNew := burstFile(i)
			if isNew {
				want = append(want, name)
			}
			s.write(name, strings.Repeat("edit ", i+1))
		}
		s.expect(want...)
	})
}

// TestOverflowRescans feeds the loop an overflow error, which the kernel
// sends only under a load a test cannot make reliably.
func TestOverflowRescans(t *testing.T) {
	w, err := newWatcher(t.TempDir(), dirs, 0)
	if err != nil {
		t.Fatal(err)
	}
	if w.fsw, err = fsnotify.NewWatcher(); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	errs := make(chan error)
	go w.run(nil, errs, nil)

	errs <- fsnotify.ErrEventOverflow
	select {
	case b := <-w.Events():
		if !b.Rescan {
			t.Errorf("batch = %+v, want Rescan", b)
		}
	case <-time.After(wait):
		t.Fatal("no rescan batch")
	}

	other := errors.New("something else")
	errs <- other
	select {
	case err := <-w.Errors():
		if err != other {
			t.Errorf("Errors() = %v, want %v", err, other)
		}
	case <-time.After(wait):
		t.Fatal("error not passed on")
	}
}

func TestCloseEndsEvents(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			s := newSite(t, mode.opt, nil)
			s.write("content/a.md", "a") // a batch that nobody reads
			if err := s.w.Close(); err != nil {
				t.Fatal(err)
			}
			for range s.w.Events() { // must end
			}
		})
	}
}

func TestRejectsDirsOutsideRoot(t *testing.T) {
	if _, err := New(t.TempDir(), []string{"../elsewhere"}, Options{}); err == nil {
		t.Error("New accepted a folder outside the root")
	}
}
