package output

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
)

// Folder is a new site being written: a staging folder beside the output
// folder, filled file by file, that takes the output folder's place in
// one step on Finish, or is removed by Discard, leaving the output folder
// as it was. Put writes a file at once, so that a build can let go of each
// page as soon as it is drawn instead of holding the whole site in memory.
type Folder struct {
	dir, stage string

	mu  sync.Mutex
	put map[string]int64 // the files Put wrote, and their sizes
}

// Begin starts a new site for dir, when Claim accepts dir.
func Begin(dir string) (*Folder, error) {
	dir = filepath.Clean(dir)
	if err := Claim(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	return &Folder{dir: dir, stage: stage, put: map[string]int64{}}, nil
}

// Put writes one file of the new site now. It may be called from several
// goroutines at once.
func (f *Folder) Put(name string, data []byte) error {
	if err := f.place(name, int64(len(data))); err != nil {
		return err
	}
	return os.WriteFile(f.path(name), data, 0o644)
}

// place checks a file's name, notes the file as written and makes its
// folder in the stage: outside the lock, since nearly every page has a
// folder of its own, and MkdirAll may run for one folder twice at once.
func (f *Folder) place(name string, size int64) error {
	if !isSafe(name) {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	if name == Mark {
		return fmt.Errorf("refusing to write %s, the builder's own mark, as a file of the site", Mark)
	}
	f.mu.Lock()
	f.put[name] = size
	f.mu.Unlock()
	if err := os.MkdirAll(f.path(path.Dir(name)), 0o755); err != nil {
		return fmt.Errorf("making the folder of %s: %w", name, err)
	}
	return nil
}

// path is where a file of the site is in the stage.
func (f *Folder) path(name string) string {
	return filepath.Join(f.stage, filepath.FromSlash(name))
}

// Written is how many files Put wrote, and their bytes.
func (f *Folder) Written() (files int, bytes int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, size := range f.put {
		bytes += size
	}
	return len(f.put), bytes
}

// Finish writes rest, the files not put yet, and the Mark listing every
// file, then puts the new site in the output folder's place: exchanged
// with the old one in a single step (on Linux), the old one removed. On
// an error the output folder is left as it was.
func (f *Folder) Finish(rest Files) error {
	defer removeTree(f.stage) // after an exchange, the old site; after a rename, nothing
	if err := f.putAll(rest); err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(f.put))
	if err := os.WriteFile(f.path(Mark), mark(names), 0o644); err != nil {
		return err
	}
	if err := os.Chmod(f.stage, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(f.dir); err == nil {
		// The old tree is then at stage, and removed by the defer.
		if err := exchange(f.stage, f.dir); err == nil {
			return nil
		}
		return replace(f.stage, f.dir)
	}
	return os.Rename(f.stage, f.dir)
}

// Discard removes the new site, leaving the output folder as it was.
func (f *Folder) Discard() error {
	return removeTree(f.stage)
}

// putAll writes files from several goroutines, since on most systems the
// time goes to the kernel creating files rather than to copying bytes.
func (f *Folder) putAll(files Files) error {
	paths := files.Paths()
	var (
		wg       sync.WaitGroup
		next     atomic.Int64
		firstErr error
		once     sync.Once
	)
	for range writers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(paths); i = int(next.Add(1) - 1) {
				if err := f.Put(paths[i], files[paths[i]]); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}
