package linkcheck_test

// Benchmarks of the link check on the pages of a generated site
// (internal/testkit/corpus), built once: scanning drawn pages, and checking them all.
//
//	go test -run '^$' -bench . -benchmem ./internal/linkcheck/

import (
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/corpus"
)

var built = sync.OnceValue(func() output.Files {
	return build.Site(corpus.Generate(1000, 1), build.Options{}).Files
})

// htmlFiles returns the names of the built site's HTML files.
func htmlFiles() []string {
	var names []string
	for _, name := range built().Paths() {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	return names
}

func BenchmarkScan(b *testing.B) {
	files, names := built(), htmlFiles()
	var size int64
	for _, n := range names {
		size += int64(len(files[n]))
	}
	b.SetBytes(size)
	perPage := kept(func() any {
		var all []*linkcheck.Links
		for _, n := range names {
			all = append(all, linkcheck.Scan(n, files[n]))
		}
		return all
	}) / float64(len(names))
	for b.Loop() {
		for _, n := range names {
			linkcheck.Scan(n, files[n])
		}
	}
	b.ReportMetric(perPage, "B-kept/page")
}

// kept is how many bytes of heap what make returns holds.
func kept(make func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := make()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

func BenchmarkCheck(b *testing.B) {
	files, names := built(), htmlFiles()
	scanned := make([]*linkcheck.Links, len(names))
	for i, n := range names {
		scanned[i] = linkcheck.Scan(n, files[n])
	}
	for b.Loop() {
		ix := linkcheck.NewIndex()
		for _, l := range scanned {
			ix.Put(l)
		}
		ix.Recheck(files, names, nil)
		if broken := ix.Broken(); len(broken) > 0 {
			b.Fatalf("broken links in the generated site: %v", broken[0])
		}
	}
}
