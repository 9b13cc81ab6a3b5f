package linkcheck

import (
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/trustguide/guide/internal/output"
)

// Index remembers the links and ids of every HTML file of a build, so that
// after a small change only the files that changed, and the files that
// point into them, are checked again. Next gives the index of the next
// build without changing this one. It is not safe for concurrent use.
type Index struct {
	files     map[string]*fileLinks      // never changed once put: replaced
	broken    map[string]bool            // files with broken links
	referrers map[string]map[string]bool // target key → files with a #fragment link to it
	own       map[string]bool            // the referrer sets this index made, which it may change
}

type fileLinks struct {
	refs   []string // its internal links, as Scan keeps them
	ids    []string // sorted
	broken []Broken
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{files: map[string]*fileLinks{}, broken: map[string]bool{}, referrers: map[string]map[string]bool{}, own: map[string]bool{}}
}

// Next returns a copy of the index to bring up to date with the next
// build; ix itself stays as it is. Copying is shallow: what both share is
// never changed, only replaced.
func (ix *Index) Next() *Index {
	return &Index{files: maps.Clone(ix.files), broken: maps.Clone(ix.broken), referrers: maps.Clone(ix.referrers), own: map[string]bool{}}
}

// referrersOf returns the set of files linking into k, to change.
func (ix *Index) referrersOf(k string) map[string]bool {
	set := ix.referrers[k]
	if !ix.own[k] {
		set = maps.Clone(set)
		if set == nil {
			set = map[string]bool{}
		}
		ix.referrers[k], ix.own[k] = set, true
	}
	return set
}

// key names a target the same way whether it is written "/a/", "/a" or
// "/a/index.html".
func key(sitePath string) string {
	return strings.TrimSuffix(strings.TrimSuffix(sitePath, "index.html"), "/")
}

func fileKey(name string) string { return key("/" + name) }

// Links are the links and ids of one HTML file, read by Scan. All its
// strings share one allocation: a site's index holds tens of thousands.
type Links struct {
	name string
	refs []string // internal links as written, unescaped, in page order
	ids  []string // sorted
}

// Scan reads the links and ids of an HTML file. It only reads, so many
// files can be scanned at once, each as soon as it is made.
func Scan(name string, html []byte) *Links {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.text, s.spans = s.text[:0], s.spans[:0]
	nids := 0
	eachAttr(html, func(isID bool, value []byte) {
		start := len(s.text)
		s.text = appendUnescaped(s.text, value)
		s.spans = append(s.spans, span{start, len(s.text), isID})
		if isID {
			nids++
		}
	})
	all := string(s.text)
	l := &Links{name: name, refs: make([]string, 0, len(s.spans)-nids), ids: make([]string, 0, nids)}
	for _, sp := range s.spans {
		v := all[sp.start:sp.end]
		if sp.isID {
			l.ids = append(l.ids, v)
		} else if _, _, internal := Resolve(name, v); internal {
			l.refs = append(l.refs, v)
		}
	}
	slices.Sort(l.ids)
	return l
}

// scratch is where Scan gathers a file's values before keeping them.
type scratch struct {
	text  []byte // the values, one after the other
	spans []span // where each is in text
}

type span struct {
	start, end int
	isID       bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Update records the links and ids of an HTML file that is new or changed.
func (ix *Index) Update(name string, html []byte) { ix.Put(Scan(name, html)) }

// Put records a scanned file, replacing what the index knew of it.
func (ix *Index) Put(l *Links) {
	ix.Remove(l.name)
	for _, raw := range l.refs {
		if target, fragment, _ := Resolve(l.name, raw); fragment != "" && target != "" {
			ix.referrersOf(key(target))[l.name] = true
		}
	}
	ix.files[l.name] = &fileLinks{refs: l.refs, ids: l.ids}
}

// Remove forgets a file that no longer exists.
func (ix *Index) Remove(name string) {
	fl := ix.files[name]
	if fl == nil {
		return
	}
	for _, raw := range fl.refs {
		if target, fragment, _ := Resolve(name, raw); fragment != "" && target != "" {
			delete(ix.referrersOf(key(target)), name)
		}
	}
	delete(ix.files, name)
	delete(ix.broken, name)
}

// HasID reports whether the HTML file has an element with the id. Files
// that are not HTML have every id, as far as links are concerned.
func (ix *Index) HasID(file, id string) bool {
	fl := ix.files[file]
	return fl == nil || fl.hasID(id)
}

func (fl *fileLinks) hasID(id string) bool {
	_, found := slices.BinarySearch(fl.ids, id)
	return found
}

// Recheck checks the links of the named files again, and of every file with
// a #fragment link into one of them (its ids may have changed). Many files
// are checked on every core, the index only read meanwhile.
func (ix *Index) Recheck(files output.Files, names []string, redirects map[string]bool) {
	todo := ix.toRecheck(names)
	checked := make([]*fileLinks, len(todo))
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), 1+len(todo)/filesPerWorker) {
		wg.Go(func() {
			// Each its own: a site path is looked up once per worker.
			targets := targets{files: files, redirects: redirects, found: map[string]target{}}
			for i := int(next.Add(1) - 1); i < len(todo); i = int(next.Add(1) - 1) {
				checked[i] = ix.recheck(&targets, todo[i])
			}
		})
	}
	wg.Wait()
	for i, fl := range checked {
		if fl == nil {
			continue
		}
		ix.files[todo[i]] = fl
		if len(fl.broken) > 0 {
			ix.broken[todo[i]] = true
		} else {
			delete(ix.broken, todo[i])
		}
	}
}

// filesPerWorker is how many files to recheck make another goroutine worth
// starting: a small change rechecks a few files, on one.
const filesPerWorker = 256

// toRecheck lists the named files and the files linking into them.
func (ix *Index) toRecheck(names []string) []string {
	todo := map[string]bool{}
	for _, n := range names {
		todo[n] = true
		for r := range ix.referrers[fileKey(n)] {
			todo[r] = true
		}
	}
	return slices.Collect(maps.Keys(todo))
}

// recheck checks one file's links again, or returns nil for a file it
// does not know.
func (ix *Index) recheck(targets *targets, file string) *fileLinks {
	old := ix.files[file]
	if old == nil {
		return nil
	}
	fl := &fileLinks{refs: old.refs, ids: old.ids}
	for _, raw := range fl.refs {
		if reason := ix.check(targets, file, raw); reason != "" {
			fl.broken = append(fl.broken, Broken{File: file, Target: raw, Reason: reason})
		}
	}
	return fl
}

// Broken lists every broken link known, by file and then in page order.
func (ix *Index) Broken() []Broken {
	var out []Broken
	for name := range ix.broken {
		out = append(out, ix.files[name].broken...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

func (ix *Index) check(targets *targets, file, raw string) string {
	path, fragment, _ := Resolve(file, raw)
	targetFile := file
	if path != "" {
		t := targets.find(path)
		switch {
		case t.redirected:
			return ""
		case t.file == "":
			return "no page or file of the site is at " + path
		}
		targetFile = t.file
	}
	if fragment == "" || !strings.HasSuffix(targetFile, ".html") {
		return ""
	}
	if t := ix.files[targetFile]; t != nil && !t.hasID(fragment) {
		return "there is no id \"" + fragment + "\" in " + targetURL(path, file)
	}
	return ""
}

// targets finds the file each site path of a check leads to, once per
// path: most links of a site are its menu's, on every page.
type targets struct {
	files     output.Files
	redirects map[string]bool
	found     map[string]target
}

// target is where a site path leads: a redirect, a file, or nowhere ("").
type target struct {
	redirected bool
	file       string
}

func (ts *targets) find(sitePath string) target {
	t, ok := ts.found[sitePath]
	if !ok {
		t.redirected = Redirected(ts.redirects, sitePath)
		if !t.redirected {
			t.file, _ = ts.files.Lookup(sitePath)
		}
		ts.found[sitePath] = t
	}
	return t
}

// Redirected reports whether a site path is answered by a redirect. As for
// pages, "/old" and "/old/" are the same address.
func Redirected(redirects map[string]bool, sitePath string) bool {
	bare := strings.TrimSuffix(sitePath, "/")
	return redirects[sitePath] || redirects[bare] || redirects[bare+"/"]
}
