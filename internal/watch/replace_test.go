package watch

import (
	"os"
	"slices"
	"testing"

	"github.com/trustguide/guide/internal/content"
)

func (s *site) mkdir(name string) {
	s.t.Helper()
	if err := os.Mkdir(s.abs(name), 0o755); err != nil {
		s.t.Fatal(err)
	}
}

// watching reports whether fsnotify watches the folder name.
func (s *site) watching(name string) bool {
	return slices.Contains(s.w.fsw.WatchList(), s.abs(name))
}

// wantWatched checks, with fsnotify, whether the folder name is watched.
func (s *site) wantWatched(name string, want bool) {
	s.t.Helper()
	if s.w.fsw != nil && s.watching(name) != want {
		s.t.Errorf("%s watched = %v, want %v", name, !want, want)
	}
}

// TestFolderReplacesFile: a page turned into a folder of the same name is
// watched as a folder, and forgotten when it turns back into a page.
func TestFolderReplacesFile(t *testing.T) {
	inModes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt, map[string]string{"content/articles/x.md": "a page"})
		s.remove("content/articles/x.md")
		s.mkdir("content/articles/x.md")
		s.write("content/articles/x.md/inner.md", "inside")
		s.expect("content/articles/x.md", "content/articles/x.md/inner.md")
		s.wantWatched("content/articles/x.md", true)
		s.write("content/articles/x.md/later.md", "later")
		s.expect("content/articles/x.md/later.md")

		// And back: the folder goes, a page takes its name.
		if err := os.RemoveAll(s.abs("content/articles/x.md")); err != nil {
			t.Fatal(err)
		}
		s.write("content/articles/x.md", "a page again")
		s.expect("content/articles/x.md", "content/articles/x.md/inner.md", "content/articles/x.md/later.md")
		s.wantWatched("content/articles/x.md", false)
		s.write("content/articles/x.md", "edited")
		s.expect("content/articles/x.md")
	})
}

// TestFolderRenamedAwayAndReplaced: a folder renamed away, and a file given
// its name; then a folder again.
func TestFolderRenamedAwayAndReplaced(t *testing.T) {
	inModes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt, map[string]string{"content/guides/p.md": "p"})
		s.rename("content/guides", "content/old")
		s.write("content/guides", "now a file")
		// fsnotify reports the folder that went away, polling its file.
		seen := s.until("content/guides", "content/old/p.md")
		if !seen["content/guides/p.md"] && opt.Poll > 0 {
			t.Errorf("the file of the folder renamed away was not reported: %v", seen)
		}
		s.wantWatched("content/guides", false)
		s.wantWatched("content/old", true)

		s.remove("content/guides")
		s.mkdir("content/guides")
		s.write("content/guides/q.md", "q")
		s.until("content/guides/q.md")
		s.wantWatched("content/guides", true)
		s.write("content/old/p.md", "p, edited") // reported at its new name
		s.expect("content/old/p.md")
	})
}

// TestFollowsTheContentRule: the watcher reports a file exactly when the
// content package does not rule it out of every site, so that it neither
// rebuilds for an editor's files nor misses a file the build reads.
func TestFollowsTheContentRule(t *testing.T) {
	names := []string{
		"a.md.bak", "a.md.orig", "a.md.save", "a.md.kate-swp", ".a.md.kate-swp", "a.md~", ".a.md.swp",
		"a.md.swp", "a.md.tmp", ".~lock.a.odt#", ".#a.md", "#a.md#", "4913", ".DS_Store", "a.md.lock",
		"b.md", "photo.jpg", "notes.txt", "guide.pdf", "Makefile",
	}
	inModes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt, map[string]string{"content/a.md": "a"})
		var want []string
		for _, name := range names {
			s.write("content/"+name, "x")
			if !content.Ignored(name) {
				want = append(want, "content/"+name)
			}
		}
		s.write("content/a.md", "a, edited") // last: every file above is reported by the time it is
		s.expect(append(want, "content/a.md")...)
	})
}
