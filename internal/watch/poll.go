package watch

import (
	"io/fs"
	"time"
)

// stamp is what polling compares to tell that a file changed. A write that
// keeps both the size and the modification time (possible on file systems
// with coarse timestamps) goes unseen until the next one.
type stamp struct {
	size    int64
	modTime time.Time
}

// scan records the stamp of every wanted file.
func (w *Watcher) scan() map[string]stamp {
	stamps := map[string]stamp{}
	w.walk(w.root, func(abs, rel string, d fs.DirEntry) {
		if d.IsDir() {
			return
		}
		if fi, err := d.Info(); err == nil {
			stamps[rel] = stamp{fi.Size(), fi.ModTime()}
		}
	})
	return stamps
}

// poll scans again and records the files that appeared, changed or vanished
// since the last scan. It reports whether there were any.
func (w *Watcher) poll(p *pending) bool {
	now := w.scan()
	changed := false
	for rel, s := range now {
		if old, ok := w.stamps[rel]; !ok || old.size != s.size || !old.modTime.Equal(s.modTime) {
			p.add(rel)
			changed = true
		}
	}
	for rel := range w.stamps {
		if _, ok := now[rel]; !ok {
			p.add(rel)
			changed = true
		}
	}
	w.stamps = now
	return changed
}
