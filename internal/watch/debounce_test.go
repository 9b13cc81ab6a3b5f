package watch

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fsnotify/fsnotify"
)

// These tests run the watch loop in a synctest bubble, on a clock that moves
// only when every goroutine of the test waits: each gap between changes is
// exactly what the test says, however loaded the machine. fsnotify reads
// the kernel, which the bubble cannot wait for, so its events are fed to the
// loop by the test, as fsnotify would send them.

// feed is a Watcher whose loop receives the test's events.
type feed struct {
	t      *testing.T
	w      *Watcher
	events chan<- fsnotify.Event
}

// newFeed starts the loop with the default debounce. Call it in a bubble.
func newFeed(t *testing.T) *feed {
	t.Helper()
	w, err := newWatcher(t.TempDir(), dirs, 0)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan fsnotify.Event)
	go w.run(events, nil, nil)
	t.Cleanup(func() { w.Close() })
	return &feed{t: t, w: w, events: events}
}

// write sends the event of a write to name, a path under the root.
func (f *feed) write(name string) {
	f.events <- fsnotify.Event{Name: filepath.Join(f.w.root, filepath.FromSlash(name)), Op: fsnotify.Write}
}

// batchAfter receives the next batch and checks that it came exactly quiet
// after the loop saw the last change, and that it reports want.
func batchAfter(t *testing.T, w *Watcher, last time.Time, quiet time.Duration, want ...string) {
	t.Helper()
	b := <-w.Events()
	if took := time.Since(last); took != quiet {
		t.Errorf("the batch came %v after the last change, want %v", took, quiet)
	}
	slices.Sort(want)
	if !slices.Equal(b.Paths, want) || b.Rescan {
		t.Errorf("batch = %+v, want %q once each, sorted", b, want)
	}
}

// burstFile is where the i-th write of a burst goes: content/a.md, edited
// again and again, or a new file in a new folder.
func burstFile(i int) (name string, isNew bool) {
	if i%2 == 0 {
		return "content/a.md", false
	}
	return fmt.Sprintf("content/burst/%02d.md", i), true
}

// noBatch checks that no batch is waiting, a long quiet time later.
func noBatch(t *testing.T, w *Watcher) {
	t.Helper()
	time.Sleep(100 * DefaultDebounce)
	synctest.Wait() // the loop has done whatever it was going to
	select {
	case b := <-w.Events():
		t.Errorf("another batch: %+v", b)
	default:
	}
}

// TestBurstIsOneBatch: the debounce is trailing. Changes closer together
// than the debounce are one batch however long the burst lasts, delivered
// once, a debounce after the last of them.
func TestBurstIsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFeed(t)
		want := []string{"content/a.md"}
		for i := range 50 {
			if i > 0 {
				time.Sleep(DefaultDebounce - time.Millisecond) // just inside the quiet time
			}
			name, isNew := burstFile(i)
			if isNew {
				want = append(want, name)
			}
			f.write(name)
		}
		batchAfter(t, f.w, time.Now(), DefaultDebounce, want...)
		noBatch(t, f.w)
	})
}

// TestQuietEndsABatch: a change after a quiet debounce starts a new batch.
func TestQuietEndsABatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFeed(t)
		f.write("content/a.md")
		batchAfter(t, f.w, time.Now(), DefaultDebounce, "content/a.md")
		f.write("content/b.md")
		batchAfter(t, f.w, time.Now(), DefaultDebounce, "content/b.md")
		noBatch(t, f.w)
	})
}

// TestUnreadBatchMerges: a batch nobody has received yet takes in later
// changes, and waits for a quiet debounce again, so a slow reader gets
// everything in one batch.
func TestUnreadBatchMerges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFeed(t)
		f.write("content/a.md")
		time.Sleep(10 * DefaultDebounce) // the batch is ready; nobody reads it
		f.write("content/b.md")
		batchAfter(t, f.w, time.Now(), DefaultDebounce, "content/a.md", "content/b.md")
		noBatch(t, f.w)
	})
}

// TestPolledBurstIsOneBatch: with polling, each scan that finds a change
// restarts the debounce too. Files really change here: a scan reads the
// disk, but it runs only when the ticker fires, on the bubble's clock.
func TestPolledBurstIsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const poll, debounce = 10 * time.Millisecond, 50 * time.Millisecond
		s := newSite(t, Options{Poll: poll, Debounce: debounce}, map[string]string{"content/a.md": "a"})
		want := []string{"content/a.md"}
		time.Sleep(poll / 2) // write between two scans, never during one
		for i := range 50 {
			if i > 0 {
				time.Sleep(poll) // one write for each scan to find
			}
			name, isNew := burstFile(i)
			if isNew {
				want = append(want, name)
			}
			s.write(name, strings.Repeat("edit ", i+1))
		}
		seen := time.Now().Add(poll / 2) // by the next scan
		batchAfter(t, s.w, seen, debounce, want...)
		noBatch(t, s.w)
	})
}
