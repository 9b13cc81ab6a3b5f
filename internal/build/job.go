package build

import (
	"io/fs"
	"sync/atomic"

	"github.com/trustguide/guide/internal/diag"
)

// job is one build: what it reads, the options, the tools builds share and
// what changed since the last build. Its stages (the package doc) make the
// build's values one after another; each stage reads the values before it
// and its own value from the last build, and makes a new value of its own:
// no stage changes a value made before it, in this build or an earlier
// one. Each value notes the value it was made from (from): a stage given
// that very value again returns its last value whole.
type job struct {
	fsys  fs.FS
	opt   Options
	tools *tools
	final bool // no build follows: keep nothing for one
	// publish, when set, is the folder a one-off build puts each page in
	// as soon as it is drawn (Publish); else pages stay in memory.
	publish *publishing
	drawn   atomic.Int64 // pages drawn in this build

	// What changed since the last build: the files read again (read
	// plans them), the page files whose URL changed, or that came or went
	// (resolve finds them), and the page files whose body has other ids
	// (draw finds them).
	plan       plan
	movedPages map[string]bool
	newIDs     map[string]bool
}

// state is what one build left for the next: the value of each stage.
// It is never changed once its build is over.
type state struct {
	in    *inputs   // read
	site  *resolved // resolve
	pages *drawing  // draw
	out   *written  // write
	check *checked  // check
}

// problems are the build's: every stage's, gathered.
func (s *state) problems() diag.List {
	var all diag.List
	for _, l := range []diag.List{s.in.problems, s.site.problems, s.pages.problems, s.out.problems, s.check.problems} {
		all.Append(l)
	}
	return all
}

// empty is the state before the first build.
func empty() *state {
	return &state{
		in:    &inputs{sources: map[string]*source{}},
		site:  &resolved{pages: map[string]*placed{}, facts: &facts{}},
		pages: &drawing{pages: map[string]*drawnPage{}},
		out:   &written{},
		check: &checked{},
	}
}

// run makes the site from the last build's state (nil for none), where
// changed names what changed since (nil for anything).
func (j *job) run(last *state, changed []string) (*state, Result) {
	if last == nil {
		last = empty()
		changed = nil
	}
	next := &state{}
	next.in = j.read(last.in, changed)
	next.site = j.resolve(next.in, last.site)
	next.pages = j.draw(next.in, next.site, last.pages)
	next.out = j.write(next.in, next.site, next.pages, last.out)
	next.check = j.check(next.in, next.site, next.pages, next.out, last.check)
	return next, j.result(next)
}
