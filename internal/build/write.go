package build

import (
	"maps"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
)

// The write stage: every file of the site put in the output, in memory
// (the caller writes it to disk, serves it or only checks it), but the
// pages a one-off build has written already (Publish), which it names
// without their bytes: the drawn pages, the files beside them and in
// static/, and the files that describe the whole site: sitemap, feed,
// robots.txt and _redirects (listing.go), the search index, the web app
// manifest and the service worker.
//
// Its part of the rebuild rule: the sitemap, feed, robots.txt and
// _redirects are made again when what they list of the pages changed; the
// search index, part by part, when a record in the part changed; the
// service worker's checksums, file by file (offline.Worker).

// written is the value of the write stage.
type written struct {
	from     *drawing
	files    output.Files
	put      map[string]offline.Sum // pages written out already (Publish): in files by name only
	sources  map[string]string      // output HTML file → the source it was made from
	made     map[string]string      // the builder's own files: what each is
	listing  *listing
	search   map[string][]searchPart // each language's search index, by code
	sums     *offline.Checksums
	problems diag.List // the listing's
}

// writeStage makes one build's output from its drawn pages, and the last
// build's output, which it reads and never changes.
type writeStage struct {
	*job
	in    *inputs
	site  *resolved
	pages *drawing
	last  *written // read only
	next  *written
}

// write puts every file of the site in the output.
func (j *job) write(in *inputs, site *resolved, pages *drawing, last *written) *written {
	if pages == last.from {
		return last
	}
	w := &writeStage{job: j, in: in, site: site, pages: pages, last: last, next: &written{from: pages, made: map[string]string{}, put: map[string]offline.Sum{}}}
	w.collect()
	w.makeSiteFiles()
	w.next.sources = w.outputSources()
	return w.next
}

// samePlaces reports whether the same pages and files make up the output
// as in the last build, at the same places.
func (j *job) samePlaces() bool {
	return len(j.movedPages) == 0 && !j.plan.scan && !j.plan.assets && !j.plan.templates
}

// carry starts a stage's map by page source: a copy of the last build's
// while the same pages are at the same places, in which only what changed
// is set again (copied); else a new map.
func carry[V any](j *job, last map[string]V, n int) (m map[string]V, copied bool) {
	if j.samePlaces() && last != nil {
		return maps.Clone(last), true
	}
	return make(map[string]V, n), false
}

// collect adds the pages' HTML to the output.
func (w *writeStage) collect() {
	w.next.files = w.startFiles()
	for _, ps := range w.pages.all {
		if ps.drawn == nil {
			continue
		}
		w.next.files[ps.file] = ps.drawn.html
		if ps.drawn.put {
			w.next.put[ps.file] = ps.drawn.sum
		}
	}
}

// startFiles is the output before the pages are added: a copy of the last
// build's when the same files make it up, in which every page and site
// file is set again; else nothing.
func (w *writeStage) startFiles() output.Files {
	if w.last.files != nil && w.samePlaces() {
		return maps.Clone(w.last.files)
	}
	return make(output.Files, len(w.last.files)+16)
}

// outputSources maps each HTML page to the file it was made from: the last
// build's map while the same pages are at the same places.
func (w *writeStage) outputSources() map[string]string {
	if w.last.sources != nil && w.samePlaces() {
		return w.last.sources
	}
	m := make(map[string]string, len(w.pages.all))
	for _, ps := range w.pages.all {
		m[ps.file] = ps.page.Source
	}
	return m
}

// makeSiteFiles makes the files that describe the whole site, and adds the
// files beside the pages and in static/.
func (w *writeStage) makeSiteFiles() {
	// Where two claim a path (an error: checkOwners), pages keep it over
	// files beside them, and those over static files, so that what is
	// checked is the site without the file that came second.
	for _, files := range []map[string][]byte{w.in.resources, w.in.assets.Files} {
		for name, data := range files {
			if _, taken := w.next.files[name]; !taken {
				w.next.files[name] = data
			}
		}
	}
	l := w.makeListing()
	w.next.listing = l
	for name, data := range l.files {
		if what := l.what[name]; what != "" && !(name == "robots.txt" && l.authorsRobots) {
			w.addMade(name, what, data)
		} else {
			w.next.files[name] = data
		}
	}
	w.next.problems.Append(l.problems)
	w.makeSearchIndex()
	w.makeOfflineFiles()
}

// addMade puts a file the builder makes in the output, and notes it as
// the builder's, for checkOwners.
func (w *writeStage) addMade(name, what string, data []byte) {
	w.next.made[name] = what
	w.next.files[name] = data
}

// searchPart is one published part of the search index and the records it
// was made of.
type searchPart struct {
	records [][]byte
	data    []byte
}

// makeSearchIndex publishes each language's search index in parts, making
// again only the parts in which a page's record changed: each language
// searches its own pages.
func (w *writeStage) makeSearchIndex() {
	records := make(map[string][][]byte, len(w.site.site.Langs))
	if langs := w.site.site.Langs; len(langs) == 1 { // one slice, made at its size
		records[langs[0].Code] = make([][]byte, 0, len(w.pages.site))
	}
	for _, ps := range w.pages.site {
		if listed(ps.page) {
			records[ps.page.Lang.Code] = append(records[ps.page.Lang.Code], ps.record)
		}
	}
	w.next.search = map[string][]searchPart{}
	for _, lang := range w.site.site.Langs {
		w.next.search[lang.Code] = w.searchParts(lang, records[lang.Code])
	}
}

// searchParts publishes one language's search index.
func (w *writeStage) searchParts(lang layout.Lang, records [][]byte) []searchPart {
	last := w.last.search[lang.Code]
	n := (len(records) + draw.SearchPartSize - 1) / draw.SearchPartSize
	w.addMade(layout.OutputPath(lang.SearchList()), "the search index", draw.SearchParts(lang, n))
	parts := make([]searchPart, n)
	for i := range parts {
		chunk := records[i*draw.SearchPartSize : min((i+1)*draw.SearchPartSize, len(records))]
		if i < len(last) && sameRecords(last[i].records, chunk) {
			parts[i] = last[i]
		} else {
			parts[i] = searchPart{records: chunk, data: draw.SearchIndex(chunk)}
		}
		w.addMade(layout.OutputPath(lang.SearchPart(i)), "the search index", parts[i].data)
	}
	return parts
}

// sameRecords reports whether two lists hold the very same records: a
// record is made again whenever its page changes, so identity is enough.
func sameRecords(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameBytes(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameBytes reports whether a and b are the very same bytes.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// makeOfflineFiles adds the web app manifest and the service worker, made
// from the finished output, so it runs after every other file is made. The
// worker keeps what a reader needs without a connection: the home page,
// lists, articles, worksheets and the pages at the top of the site (about,
// safety...).
func (w *writeStage) makeOfflineFiles() {
	site := w.site.site
	for _, lang := range site.Langs {
		c := site.Configs[lang.Code]
		app := offline.App{Name: c.Title, Description: c.Description, Language: c.Language, Start: lang.Home()}
		w.addMade(layout.OutputPath(lang.Path("/"+offline.ManifestPath)), "the web app manifest", offline.Manifest(app, w.next.files))
	}
	if w.opt.DevServer {
		w.addMade(offline.WorkerPath, "the service worker", offline.Retired())
		return
	}
	var pages []string
	for _, ps := range w.site.order {
		switch p := ps.page; p.Kind {
		case content.Home, content.Section, content.Worksheets, content.Article, content.Worksheet:
			pages = append(pages, p.URL)
		case content.Plain:
			if p.Section == "" {
				pages = append(pages, p.URL)
			}
		}
	}
	worker, sums := offline.Worker(w.next.files, w.next.put, pages, w.last.sums)
	w.addMade(offline.WorkerPath, "the service worker", worker)
	w.next.sums = sums
}
