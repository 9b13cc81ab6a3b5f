package devserver

import (
	"fmt"
	"io/fs"
	"runtime/debug"
	"slices"
	"time"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/watch"
)

// builder is what the loop needs of a *build.Builder; tests give it fakes
// that fail, panic or never return.
type builder interface {
	Build(changed []string) build.Result
}

// newBuilder makes the builder for a site: the real one, but for tests.
type newBuilder func(fsys fs.FS, opt build.Options) builder

func realBuilder(fsys fs.FS, opt build.Options) builder { return build.NewBuilder(fsys, opt) }

// patience is how long the loop waits for a build before it tells the
// author that it may be stuck and lets the next change start a new one. A
// full build of 10,000 pages takes about 8 s on two cores.
const patience = 20 * time.Second

// A deadline is what each build gets to tell it has run too long: a
// channel that fires after patience, or, in tests, when the test says so.
type deadline func() <-chan time.Time

// afterPatience is the deadline of the dev server's builds.
func afterPatience() <-chan time.Time { return time.After(patience) }

// job is one build, run on a goroutine of its own so that the loop is never
// stuck with it: a build that does not return is left behind.
type job struct {
	changed []string
	done    chan outcome     // buffered, so a job left behind still ends
	late    <-chan time.Time // fires once it has run too long
	stuck   bool             // it fired: the next change starts over
}

// outcome is what a job ends with.
type outcome struct {
	build.Result
	panicked bool   // the builder's state can no longer be trusted
	stack    string // where it panicked, for the terminal
}

// loop owns the builder: one build at a time, one per batch of changes
// (merged by the watcher while a build runs). It stops when the watcher or
// the server closes.
func (s *Server) loop(j *job) {
	defer close(s.done)
	events, errs := s.watcher.Events(), s.watcher.Errors()
	for {
		batches, results, late := j.waitsFor(events)
		select {
		case <-s.quit:
			return
		case b, ok := <-batches:
			if !ok {
				return
			}
			if j != nil { // stuck: leave it behind, and start again from nothing
				s.freshBuilder()
			}
			j = s.begin(changedPaths(b))
		case o := <-results:
			s.finish(o)
			j = nil
		case <-late:
			s.stuck(j)
			j.stuck = true
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			fmt.Fprintf(s.opt.Log, "watch: %v\n", err)
		}
	}
}

// waitsFor says which of the loop's channels to listen to: the next change
// when no build runs, or when it is stuck; the build's end and its deadline
// while it runs, leaving the watcher to merge the changes meanwhile. A nil
// channel is never chosen.
func (j *job) waitsFor(events <-chan watch.Batch) (<-chan watch.Batch, <-chan outcome, <-chan time.Time) {
	switch {
	case j == nil:
		return events, nil, nil
	case j.stuck:
		return events, j.done, nil
	}
	return nil, j.done, j.late
}

// freshBuilder replaces the builder by one that knows nothing yet, so that
// its first build reads everything.
func (s *Server) freshBuilder() { s.builder = s.newBuilder(s.root, s.buildOptions()) }

// changedPaths is what a batch asks the builder to read again; nil means
// everything.
func changedPaths(b watch.Batch) []string {
	if b.Rescan {
		return nil
	}
	return b.Paths
}

// begin reads netlify.toml again if it changed, then starts a build of
// what else changed: netlify.toml is serve's, and means nothing to the
// build.
func (s *Server) begin(changed []string) *job {
	if changed == nil || slices.Contains(changed, "netlify.toml") {
		s.netlifyBad = s.readHeaders()
		if changed != nil {
			changed = slices.DeleteFunc(slices.Clone(changed), func(p string) bool { return p == "netlify.toml" })
		}
	}
	j := &job{changed: changed, done: make(chan outcome, 1), late: s.deadline()}
	go func(b builder) { j.done <- run(b, changed) }(s.builder)
	return j
}

// run builds, turning a panic into an error the author is shown.
func run(b builder, changed []string) (o outcome) {
	defer func() {
		if v := recover(); v != nil {
			var problems diag.List
			problems.Add(blame(changed), 0, 0, "the build crashed, which is a bug in guide (please report it with this change): %v", v)
			o = outcome{Result: build.Result{Problems: problems, Changed: "crash"}, panicked: true, stack: string(debug.Stack())}
		}
	}()
	return outcome{Result: b.Build(changed)}
}

// finish publishes a build's result. After a panic, the next build starts
// from a new builder.
func (s *Server) finish(o outcome) {
	if o.panicked {
		fmt.Fprint(s.opt.Log, o.stack)
		s.freshBuilder()
	}
	o.Problems = append(slices.Clip(o.Problems), s.netlifyBad...)
	if o.Changed == "" {
		o.Changed = "netlify.toml" // the one change begin keeps from the builder
	}
	s.report(o.Result) // first, so the terminal has said it when a browser hears of it
	s.serve.Publish(o.Files, o.Problems)
	s.settle()
}

// stuck tells the author, in the terminal and in the browser, that a build
// has not finished in time. The last good site is still served.
func (s *Server) stuck(j *job) {
	var problems diag.List
	problems.Add(blame(j.changed), 0, 0, "the build after this change has run for %s and may be stuck: the next change starts a new one", patience)
	s.serve.Publish(nil, problems)
	fmt.Fprintf(s.opt.Log, "%s  %s\n", time.Now().Format("15:04:05"), problems[0])
	s.settle()
}

// blame names the file a build was started for, to report its problem at.
func blame(changed []string) string {
	if len(changed) == 0 {
		return "content"
	}
	return changed[0]
}
