// Package output holds a built site in memory and writes it to disk.
//
// A build produces a Files value: every output path mapped to its bytes.
// Writing is atomic: the site is written to a sibling staging folder (a
// Folder) which then replaces the old one, so a reader (or Netlify) never
// sees half a site and a failed build never touches the previous output.
// A build may put files in the Folder while it goes on (guide build puts
// each page as it is drawn) and hand over the rest at Finish.
//
// A folder is replaced only when the builder made it: Write leaves a Mark
// listing what it wrote, and refuses a folder that holds anything else
// (Claim); Destination also refuses the site's own folder and its sources.
package output

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Files maps a slash-separated path relative to the output root
// ("articles/acknowledge/index.html", "404.html") to the file's contents.
type Files map[string][]byte

// Paths returns the paths in sorted order.
func (f Files) Paths() []string {
	paths := make([]string, 0, len(f))
	for p := range f {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Size returns the total number of bytes.
func (f Files) Size() int64 {
	var n int64
	for _, b := range f {
		n += int64(len(b))
	}
	return n
}

// Lookup finds the file a URL path is served from: "/articles/x/" and
// "/articles/x" give "articles/x/index.html", "/" gives "index.html".
func (f Files) Lookup(urlPath string) (string, bool) {
	p := urlPath
	if !isCleanURLPath(p) { // most are, and cleaning is most of a lookup's cost
		p = path.Clean("/" + p)
	}
	p = strings.Trim(p, "/")
	if p == "" {
		p = "index.html"
	}
	if _, ok := f[p]; ok {
		return p, true
	}
	idx := p + "/index.html"
	if _, ok := f[idx]; ok {
		return idx, true
	}
	return "", false
}

// isCleanURLPath reports whether p is rooted and has no empty, "." or ".."
// segments, so that path.Clean would only drop a trailing slash.
func isCleanURLPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	return !strings.Contains(p, "//") && !strings.Contains(p, "/./") && !strings.Contains(p, "/../") &&
		!strings.HasSuffix(p, "/.") && !strings.HasSuffix(p, "/..")
}

// Write replaces dir with exactly the files of f, and the Mark that lists
// them, when Claim accepts dir: a Folder given every file at Finish.
func (f Files) Write(dir string) error {
	folder, err := Begin(dir)
	if err != nil {
		return err
	}
	return folder.Finish(f)
}

// replace moves dir aside and stage into its place: two renames, between
// which dir is briefly missing. Used where the system cannot exchange them.
func replace(stage, dir string) error {
	old := stage + ".old"
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("moving the previous output aside: %w", err)
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir) // put the previous site back
		return fmt.Errorf("moving the new output into place: %w", err)
	}
	return removeTree(old)
}

// removeTree removes a folder and everything in it, its top-level entries
// in parallel: like writing, removing a site is kernel time per file.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range writers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(entries); i = int(next.Add(1) - 1) {
				os.RemoveAll(filepath.Join(dir, entries[i].Name()))
			}
		})
	}
	wg.Wait()
	return os.RemoveAll(dir)
}

// writers is how many files are written or removed at once.
const writers = 8

// isSafe reports whether p is a clean relative path that stays inside the root.
func isSafe(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../")
}
