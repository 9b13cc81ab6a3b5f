package devserver

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/output"
)

// fakes makes builders whose site is one page saying which builder made it
// and how many builds it has made ("builder 2, build 1"). They read nothing
// but the presence of three files, which act as an author's mistakes:
//
//   - content/hang.md: a build that reads it (any full build, or one for a
//     change to it) waits until release is closed, as a build opening a
//     named pipe would, and tells the loop at once that it has run too
//     long, as its deadline would in time;
//   - content/panic.md: a build for a change to it panics;
//   - content/fail.md: every build fails, naming it.
type fakes struct {
	release  chan struct{} // closed by free: hung builds return
	free     func()
	returned chan struct{}  // told each time a hung build returns
	late     chan time.Time // the deadline of every build: fired by a build that hangs
	mu       sync.Mutex
	made     int
}

func newFakes() *fakes {
	f := &fakes{release: make(chan struct{}), returned: make(chan struct{}, 8), late: make(chan time.Time)}
	f.free = sync.OnceFunc(func() { close(f.release) })
	return f
}

// deadline is the fakes' deadline: good builds never run too long.
func (f *fakes) deadline() <-chan time.Time { return f.late }

func (f *fakes) new(fsys fs.FS, _ build.Options) builder {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.made++
	return &fakeBuilder{fakes: f, fsys: fsys, id: f.made}
}

type fakeBuilder struct {
	*fakes
	fsys       fs.FS
	id, builds int
}

func (b *fakeBuilder) Build(changed []string) build.Result {
	b.builds++
	reads := func(name string) bool {
		_, err := fs.Stat(b.fsys, name)
		return err == nil && (changed == nil || slices.Contains(changed, name))
	}
	if reads("content/hang.md") {
		b.hang()
		defer func() { b.returned <- struct{}{} }()
	}
	if reads("content/panic.md") && changed != nil {
		panic("a bug")
	}
	var problems diag.List
	if _, err := fs.Stat(b.fsys, "content/fail.md"); err == nil {
		problems.Add("content/fail.md", 1, 1, "a mistake")
	}
	page := fmt.Sprintf("<!doctype html><html><head><title>t</title></head><body>builder %d, build %d</body></html>", b.id, b.builds)
	return build.Result{Files: output.Files{"index.html": []byte(page)}, Problems: problems, Changed: "fake"}
}

// hang waits until free is called. Unless it was already, it first fires
// the deadline the loop is waiting on for this build.
func (b *fakeBuilder) hang() {
	select {
	case <-b.release:
		return
	default:
	}
	b.late <- time.Now()
	<-b.release
}

// fakeSite serves a folder with the given files through fake builders.
func fakeSite(t *testing.T, files ...string) (*site, *fakes) {
	t.Helper()
	f := newFakes()
	t.Cleanup(f.free)
	s := &site{t: t, dir: t.TempDir()}
	for _, name := range append(files, "content/a.md") {
		s.write(name, "x")
	}
	return serveSite(t, s.dir, Options{Log: &syncLog{}}, f.new, f.deadline), f
}

// wantStuck checks that an errors event says the build for name may be stuck.
func wantStuck(t *testing.T, ev sse, name string) {
	t.Helper()
	if !strings.Contains(ev.data, `"path":"`+name+`"`) || !strings.Contains(ev.data, "may be stuck") {
		t.Errorf("errors event = %s, want the build for %s reported as maybe stuck", ev.data, name)
	}
}

// TestStuckBuildIsLeftBehind: a build that never returns is reported, and the
// next change starts over with a new builder; the old one's result, if it
// ever comes, is dropped.
func TestStuckBuildIsLeftBehind(t *testing.T) {
	s, f := fakeSite(t)
	s.wantPage("/", "builder 1, build 1")

	s.atomicSave("content/hang.md", "a pipe") // one event, so one build, per save
	wantStuck(t, s.waitEvent("errors"), "content/hang.md")
	s.wantPage("/", "builder 1, build 1") // the last good site is still served

	s.remove("content/hang.md")
	s.reloaded("/", "builder 2, build 1")

	f.free() // the old build returns, at last
	<-f.returned
	s.atomicSave("content/a.md", "edited")
	s.reloaded("/", "builder 2, build 2")
}

// TestSlowBuildIsStillPublished: a build past its patience that finishes
// before the next change is published as usual.
func TestSlowBuildIsStillPublished(t *testing.T) {
	s, f := fakeSite(t)
	s.atomicSave("content/hang.md", "slow")
	wantStuck(t, s.waitEvent("errors"), "content/hang.md")
	f.free()
	s.reloaded("/", "builder 1, build 2")
}

// TestStuckFirstBuild: Start returns even when the first build does not,
// and deleting the culprit builds the site.
func TestStuckFirstBuild(t *testing.T) {
	s, _ := fakeSite(t, "content/hang.md")
	if s.first.event != "errors" {
		t.Errorf("a browser connecting first is told %+v, want the errors", s.first)
	}
	wantStuck(t, s.first, "content")
	if code, _ := s.get("/"); code != 404 {
		t.Errorf("GET / before any good build: %d, want 404", code)
	}
	s.remove("content/hang.md")
	s.reloaded("/", "builder 2, build 1")
}

// TestPanickingBuild: a panic is an error shown to the author, with the
// stack in the terminal, and the next change builds with a new builder.
func TestPanickingBuild(t *testing.T) {
	s, _ := fakeSite(t)
	s.atomicSave("content/panic.md", "boom")
	ev := s.waitEvent("errors")
	if !strings.Contains(ev.data, `"path":"content/panic.md"`) || !strings.Contains(ev.data, "crashed") || !strings.Contains(ev.data, "a bug") {
		t.Errorf("errors event = %s, want the crash at content/panic.md", ev.data)
	}
	if log := s.srv.opt.Log.(*syncLog).String(); !strings.Contains(log, "(*fakeBuilder).Build") {
		t.Errorf("the terminal does not show where it panicked:\n%s", log)
	}
	s.atomicSave("content/a.md", "edited")
	s.reloaded("/", "builder 2, build 1")
}

// TestFailedBuildThenNextChange: after a failed build the next change
// builds again, with the same builder.
func TestFailedBuildThenNextChange(t *testing.T) {
	s, _ := fakeSite(t)
	s.atomicSave("content/fail.md", "a mistake")
	s.waitEvent("errors")
	s.remove("content/fail.md")
	s.reloaded("/", "builder 1, build 3")
}

// syncLog is a log the test can read while the server writes to it.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
