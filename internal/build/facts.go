package build

import (
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
)

// fact is a value a page's view may read of the rest of the site, with
// its digest, and the digest of what it was made from (made), so that a
// build can take it over from the last.
type fact[T any] struct {
	value T
	sum   uint64
	made  uint64
}

func factOf[T any](v T) fact[T] { return fact[T]{value: v, sum: digest.Of(v)} }

// keep returns the last build's fact if it was made from the same (made),
// else the fact makeFact makes.
func keep[T any](last map[string]fact[T], key string, made uint64, makeFact func() fact[T]) fact[T] {
	if f, ok := last[key]; ok && f.made == made {
		return f
	}
	f := makeFact()
	f.made = made
	return f
}

// facts are what a view can read of other pages (draw.Reader), made by
// the resolve stage and never changed after: the print view's chapters,
// which need the pages' bodies, are the draw stage's (readable).
type facts struct {
	byURL        layered[fact[draw.Link]]               // every page, by URL
	bySource     layered[fact[draw.Link]]               // every page, by source, in a site of more than one language
	children     map[string]fact[[]draw.Link]           // list pages, by source
	worksheetsIn map[string]fact[[]*draw.WorksheetInfo] // list pages, by source
	worksheetsOf map[string]fact[[]*draw.WorksheetInfo] // articles, by source
	worksheet    map[string]fact[*draw.WorksheetInfo]   // worksheets, by source
	path         map[string]fact[[]draw.Link]           // each language's guided path, by code
}

// readable is what the views of one build may read of other pages: the
// facts, and once every page's body is rendered, each language's print
// view's chapters.
type readable struct {
	facts    *facts
	chapters map[string]*fact[[]draw.Chapter] // by language code
}

// readKind names a method of draw.Reader.
type readKind uint8

const (
	readPageAt readKind = iota
	readChildren
	readWorksheetsIn
	readWorksheetsOf
	readWorksheet
	readChapters
	readPageOf
	readPath
	readKinds // how many there are
)

// factKey names one fact a view may read: the method, and of what.
type factKey struct {
	kind readKind
	key  string
}

// read is one fact a view read: which, and its digest then.
type read struct {
	factKey
	sum uint64
}

// sum is the digest a read would have now; 0 when there is nothing there.
func (v readable) sum(r read) uint64 {
	if t := v.facts.table(r.kind); t != nil {
		return t.sum(r.key)
	}
	if c := v.chapters[r.key]; r.kind == readChapters && c != nil {
		return c.sum
	}
	return 0
}

// table is the facts of one kind of read, or nil for the print view's
// chapters, which are the draw stage's own.
func (f *facts) table(kind readKind) factTable {
	switch kind {
	case readPageAt:
		return (*linkTable)(&f.byURL)
	case readPageOf:
		return (*linkTable)(&f.bySource)
	case readChildren:
		return factMap[[]draw.Link](f.children)
	case readWorksheetsIn:
		return factMap[[]*draw.WorksheetInfo](f.worksheetsIn)
	case readWorksheetsOf:
		return factMap[[]*draw.WorksheetInfo](f.worksheetsOf)
	case readWorksheet:
		return factMap[*draw.WorksheetInfo](f.worksheet)
	case readPath:
		return factMap[[]draw.Link](f.path)
	}
	return nil
}

// factTable is the facts of one kind, by key, as a read sees them: by
// their digests.
type factTable interface {
	sum(key string) uint64
	mayDiffer(last factTable) []string // the keys whose digest may differ from last's
}

// linkTable is the pages' links, by URL or source.
type linkTable layered[fact[draw.Link]]

func (t *linkTable) sum(key string) uint64 { return (*layered[fact[draw.Link]])(t).at(key).sum }

func (t *linkTable) mayDiffer(last factTable) []string {
	return (*layered[fact[draw.Link]])(t).changedFrom(layered[fact[draw.Link]](*last.(*linkTable)))
}

// factMap is the facts of one kind made for some pages, by source.
type factMap[T any] map[string]fact[T]

func (m factMap[T]) sum(key string) uint64 { return m[key].sum }

func (m factMap[T]) mayDiffer(last factTable) []string {
	var keys []string
	for _, facts := range []factMap[T]{m, last.(factMap[T])} {
		for k := range facts {
			keys = append(keys, k)
		}
	}
	return keys
}

// hold reports whether every read would read the same now.
func (v readable) hold(reads []read) bool {
	for _, r := range reads {
		if v.sum(r) != r.sum {
			return false
		}
	}
	return true
}

// reader is the draw.Reader of one page's view: it answers from the
// facts and notes each read.
type reader struct {
	readable
	reads []read
}

func (r *reader) note(kind readKind, key string, sum uint64) {
	r.reads = append(r.reads, read{factKey{kind, key}, sum})
}

func (r *reader) PageAt(url string) (draw.Link, bool) {
	f, ok := r.facts.byURL.get(url)
	r.note(readPageAt, url, f.sum)
	return f.value, ok
}

func (r *reader) PageOf(src string) (draw.Link, bool) {
	f, ok := r.facts.bySource.get(src)
	r.note(readPageOf, src, f.sum)
	return f.value, ok
}

func (r *reader) Children(list string) []draw.Link {
	f := r.facts.children[list]
	r.note(readChildren, list, f.sum)
	return f.value
}

func (r *reader) WorksheetsIn(list string) []*draw.WorksheetInfo {
	f := r.facts.worksheetsIn[list]
	r.note(readWorksheetsIn, list, f.sum)
	return f.value
}

func (r *reader) WorksheetsOf(article string) []*draw.WorksheetInfo {
	f := r.facts.worksheetsOf[article]
	r.note(readWorksheetsOf, article, f.sum)
	return f.value
}

func (r *reader) Worksheet(w string) *draw.WorksheetInfo {
	f := r.facts.worksheet[w]
	r.note(readWorksheet, w, f.sum)
	return f.value
}

func (r *reader) Path(lang string) []draw.Link {
	f := r.facts.path[lang]
	r.note(readPath, lang, f.sum)
	return f.value
}

func (r *reader) Chapters(lang string) []draw.Chapter {
	f := r.chapters[lang]
	if f == nil {
		r.note(readChapters, lang, 0)
		return nil
	}
	r.note(readChapters, lang, f.sum)
	return f.value
}
