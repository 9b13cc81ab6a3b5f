// Package watch tells the dev server which source files changed.
//
// A Watcher watches folders under a site's root (content, templates, static)
// and delivers debounced batches of changed paths:
//
//	w, err := watch.New(root, []string{"content", "templates", "static"}, watch.Options{})
//	...
//	for b := range w.Events() {
//		if b.Rescan { /* events were lost: rebuild everything */ }
//		rebuild(b.Paths) // "content/articles/x.md", ...
//	}
//
// What it does, and why:
//
//   - It watches folders, never single files, because editors (vim, JetBrains,
//     VS Code, sed -i) save by writing a temporary file and renaming it over
//     the old one; a watch on the old file would be lost with its inode.
//   - fsnotify is not recursive, so every folder under the watched ones is
//     added, and folders created later are added and scanned at once: files
//     written before the new watch was in place (mkdir -p a/b && echo > a/b/c.md)
//     are reported from the scan.
//   - A trailing debounce (the timer restarts on every event) turns the burst
//     of events of one save, or of a git checkout, into one batch.
//   - Chmod-only events are ignored, and so is every file or folder that the
//     content package rules out of every site (content.Ignored: editors'
//     swap, backup, lock and temporary files, dot-files). It is the build's
//     own rule, so the watcher neither rebuilds for such a file nor misses
//     one the build reads; it has no rule of its own.
//   - Named pipes, sockets and other special files are reported like any
//     file and never opened (opening a pipe waits for a writer): the build
//     says what is wrong with them. A folder that takes the place of a file
//     is watched, and one that goes away is forgotten, whatever takes its
//     name next.
//   - Options.Poll replaces fsnotify by a periodic scan of sizes and
//     modification times, for file systems that send no events (some network
//     and container mounts).
//
// A path in a batch may no longer exist: it was removed or renamed away.
// It may also name a folder that was removed or renamed away, in which case
// everything that was under it is gone.
package watch

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long a Watcher waits after the last event before it
// delivers a batch: long enough to merge the events of one save (an editor's
// truncate, write and rename come within a few milliseconds), short enough to
// leave most of an author's "at once" to the build.
const DefaultDebounce = 10 * time.Millisecond

// Options tune a Watcher. The zero value is ready to use.
type Options struct {
	// Debounce is the quiet time after the last event before a batch is
	// delivered. Zero means DefaultDebounce.
	Debounce time.Duration

	// Poll, if positive, scans the folders at this interval instead of
	// asking the operating system for events.
	Poll time.Duration
}

// Batch is one set of changes.
type Batch struct {
	// Paths are the changed paths, relative to the root, with forward
	// slashes, sorted and without duplicates.
	Paths []string

	// Rescan reports that events were lost (the kernel's queue overflowed):
	// anything may have changed, so everything should be read again.
	Rescan bool
}

// A Watcher delivers batches of changes under a root folder.
type Watcher struct {
	root     string   // absolute, cleaned
	dirs     []string // slash paths relative to root; "." means everything
	debounce time.Duration

	fsw     *fsnotify.Watcher // nil when polling
	watched map[string]bool   // absolute folders added to fsw; owned by the loop
	stamps  map[string]stamp  // the last scan when polling; owned by the loop
	ticker  *time.Ticker      // nil unless polling
	events  chan Batch
	errs    chan error
	done    chan struct{}
	exited  chan struct{}
	once    sync.Once
	closeEr error
}

// New starts watching dirs (folders, or single files, relative to root; all
// of root if dirs is empty). A folder that does not exist yet is fine: it is
// watched from the moment it is created.
func New(root string, dirs []string, opt Options) (*Watcher, error) {
	w, err := newWatcher(root, dirs, opt.Debounce)
	if err != nil {
		return nil, err
	}
	if opt.Poll > 0 {
		w.stamps = w.scan()
		w.ticker = time.NewTicker(opt.Poll)
		go w.run(nil, nil, w.ticker.C)
		return w, nil
	}
	if w.fsw, err = fsnotify.NewWatcher(); err != nil {
		return nil, err
	}
	if err := w.addTree(w.root, nil); err != nil {
		w.fsw.Close()
		return nil, fmt.Errorf("watch: %w (on Linux, raise fs.inotify.max_user_watches, or poll)", err)
	}
	go w.run(w.fsw.Events, w.fsw.Errors, nil)
	return w, nil
}

// newWatcher checks the arguments and sets up a Watcher that watches nothing yet.
func newWatcher(root string, dirs []string, debounce time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", root)
	}
	w := &Watcher{
		root:     abs,
		debounce: debounce,
		watched:  map[string]bool{},
		events:   make(chan Batch),
		errs:     make(chan error, 8),
		done:     make(chan struct{}),
		exited:   make(chan struct{}),
	}
	if w.debounce <= 0 {
		w.debounce = DefaultDebounce
	}
	for _, d := range dirs {
		d = path.Clean(filepath.ToSlash(d))
		if filepath.IsAbs(d) || path.IsAbs(d) || d == ".." || strings.HasPrefix(d, "../") {
			return nil, fmt.Errorf("watch: %q is not inside the root", d)
		}
		w.dirs = append(w.dirs, d)
	}
	if len(w.dirs) == 0 {
		w.dirs = []string{"."}
	}
	return w, nil
}

// Events delivers the batches. A batch waits, merging later changes, until it
// is received, so a slow reader misses nothing. The channel is closed by Close.
func (w *Watcher) Events() <-chan Batch { return w.events }

// Errors delivers problems that did not stop the watch, such as a folder that
// could not be added. Reading it is optional: errors that find it full are
// dropped. It is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops the watch and waits for its goroutine to end.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		if w.fsw != nil {
			w.closeEr = w.fsw.Close()
		}
		<-w.exited
	})
	return w.closeEr
}

// run is the one goroutine that owns the watch: it reads fsnotify's events
// and errors (or the poll ticker), restarts the debounce timer on each
// change, and hands the merged batch over once things are quiet.
func (w *Watcher) run(events <-chan fsnotify.Event, errs <-chan error, tick <-chan time.Time) {
	defer w.closeAll()
	p := newPending()
	d := newDebounce(w.debounce)
	defer d.timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case e, ok := <-events:
			if !ok {
				return
			}
			if w.handle(e, p) {
				d.restart()
			}
		case err, ok := <-errs:
			if !ok {
				return
			}
			if w.failed(err, p) {
				d.restart()
			}
		case <-tick:
			if w.poll(p) {
				d.restart()
			}
		case <-d.timer.C:
			d.fire(p)
		case d.outbox(w.events) <- d.next:
			p.reset()
			d.ready = false
		}
	}
}

// closeAll ends what run owns, telling Close last that run has exited.
func (w *Watcher) closeAll() {
	if w.ticker != nil {
		w.ticker.Stop()
	}
	close(w.errs)
	close(w.events)
	close(w.exited)
}

// failed reports an error of fsnotify; when it is an overflow (events were
// lost), it asks for a rescan and reports true: a batch is due.
func (w *Watcher) failed(err error, p *pending) bool {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.report(err)
		return false
	}
	p.rescan = true
	w.addTree(w.root, nil) // folders created meanwhile were missed too
	return true
}

// report passes err on without ever blocking the loop.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// pending collects changes until they are delivered.
type pending struct {
	paths  map[string]bool
	rescan bool
}

func newPending() *pending { return &pending{paths: map[string]bool{}} }

func (p *pending) add(rel string) { p.paths[rel] = true }
func (p *pending) empty() bool    { return len(p.paths) == 0 && !p.rescan }
func (p *pending) reset()         { clear(p.paths); p.rescan = false }

func (p *pending) batch() Batch {
	b := Batch{Paths: make([]string, 0, len(p.paths)), Rescan: p.rescan}
	for rel := range p.paths {
		b.Paths = append(b.Paths, rel)
	}
	slices.Sort(b.Paths)
	return b
}
