package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"

	"github.com/trustguide/guide/internal/content"
)

// handle records what one fsnotify event changed and reports whether it
// changed anything worth a batch.
func (w *Watcher) handle(e fsnotify.Event, p *pending) bool {
	if e.Op&^fsnotify.Chmod == 0 {
		return false // touch, chmod, some editors' metadata updates: no new bytes
	}
	rel, ok := w.rel(e.Name)
	if !ok || skipped(rel) || !(w.wanted(rel) || w.leadsTo(rel)) {
		return false
	}
	changed := false
	switch {
	case e.Has(fsnotify.Create):
		// A new folder, or one renamed into place: watch it, and report the
		// files already in it, which sent no event of their own.
		if fi, err := os.Lstat(e.Name); err == nil && fi.IsDir() {
			w.addTree(e.Name, p)
			return true
		}
	case e.Has(fsnotify.Remove), e.Has(fsnotify.Rename):
		w.unwatch(e.Name)
		// A folder above the watched ones went away (mv content old):
		// the watched folders under it went with it.
		for _, d := range w.dirs {
			if strings.HasPrefix(d, rel+"/") {
				p.add(d)
				changed = true
			}
		}
	}
	if w.wanted(rel) {
		p.add(rel)
		changed = true
	}
	return changed
}

// addTree watches the folder dir and every wanted folder under it. With a
// non-nil p, it also records the wanted files it finds.
func (w *Watcher) addTree(dir string, p *pending) error {
	var first error
	w.walk(dir, func(abs, rel string, d fs.DirEntry) {
		if !d.IsDir() {
			if p != nil {
				p.add(rel)
			}
			return
		}
		err := w.fsw.Add(abs)
		switch {
		case err == nil:
			w.watched[abs] = true
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, fsnotify.ErrClosed):
			// Removed while we walked, or we are closing: nothing to watch.
		default:
			w.report(err)
			if first == nil {
				first = err
			}
		}
	})
	return first
}

// unwatch drops the watches on a folder that was removed or renamed away,
// and on the folders under it. For a rename this matters: inotify keeps
// watching the moved folders under their old names, and would report their
// files at paths that no longer exist.
func (w *Watcher) unwatch(abs string) {
	for dir := range w.watched {
		if dir == abs || strings.HasPrefix(dir, abs+string(filepath.Separator)) {
			w.fsw.Remove(dir) // fails harmlessly if the kernel already dropped it
			delete(w.watched, dir)
		}
	}
}

// walk calls visit for start (if it is a folder) and for every folder and
// wanted file under it, skipping what is never part of a site and folders
// that lead to nothing wanted. Files and folders that vanish during the walk
// are skipped.
//
// A file is anything that is not a folder: named pipes, sockets and
// symlinks too, never opened here, so that the build can say what is wrong
// with them.
func (w *Watcher) walk(start string, visit func(abs, rel string, d fs.DirEntry)) {
	filepath.WalkDir(start, func(abs string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone, or unreadable: a later event or scan will tell
		}
		rel, ok := w.rel(abs)
		if !ok {
			return filepath.SkipDir
		}
		switch {
		case rel != "." && skipped(rel) && d.IsDir():
			return filepath.SkipDir
		case rel != "." && skipped(rel):
		case d.IsDir() && (w.wanted(rel) || w.leadsTo(rel)):
			visit(abs, rel, d)
		case d.IsDir():
			return filepath.SkipDir
		case w.wanted(rel):
			visit(abs, rel, d)
		}
		return nil
	})
}

// skipped reports whether a change at rel cannot change any site: it is,
// or is inside, a file or folder that the content package rules out of
// every site (an editor's backup, swap or lock file, a dot-file). That one
// rule is the build's too; the watcher has none of its own.
func skipped(rel string) bool {
	for seg := range strings.SplitSeq(rel, "/") {
		if content.Ignored(seg) {
			return true
		}
	}
	return false
}

// rel turns an absolute path into a slash path relative to the root.
func (w *Watcher) rel(abs string) (string, bool) {
	rel, err := filepath.Rel(w.root, abs)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

// wanted reports whether rel is one of the watched folders or files, or is
// under one of them.
func (w *Watcher) wanted(rel string) bool {
	for _, d := range w.dirs {
		if d == "." || rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

// leadsTo reports whether rel is a folder above a watched one: it is watched
// too, so that a watched folder created later is seen.
func (w *Watcher) leadsTo(rel string) bool {
	if rel == "." {
		return true
	}
	for _, d := range w.dirs {
		if strings.HasPrefix(d, rel+"/") {
			return true
		}
	}
	return false
}
