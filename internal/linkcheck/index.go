package linkcheck

import (
	"maps"
	"sort"
	"strings"

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
	refs   []ref
	ids    map[string]bool
	broken []Broken
}

// ref is a link resolved once, when its file changes.
type ref struct {
	raw, target, fragment string
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

// Links are the links and ids of one HTML file, read by Scan.
type Links struct {
	name string
	refs []ref
	ids  map[string]bool
}

// Scan reads the links and ids of an HTML file. It only reads, so many
// files can be scanned at once, each as soon as it is made.
func Scan(name string, html []byte) *Links {
	raws, idList := Attrs(html)
	l := &Links{name: name, ids: make(map[string]bool, len(idList))}
	for _, id := range idList {
		l.ids[id] = true
	}
	for _, raw := range raws {
		if target, fragment, internal := Resolve(name, raw); internal {
			l.refs = append(l.refs, ref{raw, target, fragment})
		}
	}
	return l
}

// Update records the links and ids of an HTML file that is new or changed.
func (ix *Index) Update(name string, html []byte) { ix.Put(Scan(name, html)) }

// Put records a scanned file, replacing what the index knew of it.
func (ix *Index) Put(l *Links) {
	ix.Remove(l.name)
	for _, r := range l.refs {
		if r.fragment != "" && r.target != "" {
			ix.referrersOf(key(r.target))[l.name] = true
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
	for _, r := range fl.refs {
		if r.fragment != "" && r.target != "" {
			delete(ix.referrersOf(key(r.target)), name)
		}
	}
	delete(ix.files, name)
	delete(ix.broken, name)
}

// HasID reports whether the HTML file has an element with the id. Files
// that are not HTML have every id, as far as links are concerned.
func (ix *Index) HasID(file, id string) bool {
	fl := ix.files[file]
	return fl == nil || fl.ids[id]
}

// Recheck checks the links of the named files again, and of every file with
// a #fragment link into one of them (its ids may have changed).
func (ix *Index) Recheck(files output.Files, names []string, redirects map[string]bool) {
	todo := map[string]bool{}
	for _, n := range names {
		todo[n] = true
		for r := range ix.referrers[fileKey(n)] {
			todo[r] = true
		}
	}
	for n := range todo {
		old := ix.files[n]
		if old == nil {
			continue
		}
		fl := &fileLinks{refs: old.refs, ids: old.ids}
		for _, r := range fl.refs {
			if reason := ix.check(files, redirects, n, r); reason != "" {
				fl.broken = append(fl.broken, Broken{File: n, Target: r.raw, Reason: reason})
			}
		}
		ix.files[n] = fl
		if len(fl.broken) > 0 {
			ix.broken[n] = true
		} else {
			delete(ix.broken, n)
		}
	}
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

func (ix *Index) check(files output.Files, redirects map[string]bool, file string, r ref) string {
	targetFile := file
	if r.target != "" {
		if Redirected(redirects, r.target) {
			return ""
		}
		found, ok := files.Lookup(r.target)
		if !ok {
			return "no page or file of the site is at " + r.target
		}
		targetFile = found
	}
	if r.fragment == "" || !strings.HasSuffix(targetFile, ".html") {
		return ""
	}
	if t := ix.files[targetFile]; t != nil && !t.ids[r.fragment] {
		return "there is no id \"" + r.fragment + "\" in " + targetURL(r.target, file)
	}
	return ""
}

// Redirected reports whether a site path is answered by a redirect. As for
// pages, "/old" and "/old/" are the same address.
func Redirected(redirects map[string]bool, sitePath string) bool {
	bare := strings.TrimSuffix(sitePath, "/")
	return redirects[sitePath] || redirects[bare] || redirects[bare+"/"]
}
