package build

import (
	"io/fs"
	"sync"
	"time"

	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
)

// Publish builds the site in fsys from scratch into folder, as guide build
// does: each page is put in the folder as soon as it is drawn and its
// bytes let go, so that the build never holds the whole site in memory.
// The Result's Files are the files not put yet, for folder.Finish once the
// build has no errors; the error is the first met writing a page, after
// which the folder is only fit to be discarded.
func Publish(fsys fs.FS, opt Options, folder *output.Folder) (Result, error) {
	start := time.Now()
	out := &publishing{folder: folder}
	j := &job{fsys: fsys, opt: opt, tools: newTools(), final: true, publish: out}
	_, r := j.run(nil, nil)
	r.Elapsed = time.Since(start)
	return r, out.err
}

// publishing is the folder a one-off build puts its pages in as it draws
// them, and the first error met doing so.
type publishing struct {
	folder *output.Folder
	mu     sync.Mutex
	err    error
}

// put writes a page to the folder as it is drawn, and returns the sum the
// offline worker's cache name is made of, and whether it was written.
func (p *publishing) put(file string, page []byte) (offline.Sum, bool) {
	if err := p.folder.Put(file, page); err != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.err == nil {
			p.err = err
		}
		return offline.Sum{}, false
	}
	return offline.SumOf(page), true
}
