package mdlimits_test

import (
	"testing"

	"github.com/trustguide/guide/internal/mdlimits"
)

// BenchmarkCheck checks the guide's pages and those of a generated site of
// 300 pages.
//
//	go test ./internal/mdlimits -run '^$' -bench Check -benchmem
func BenchmarkCheck(b *testing.B) {
	pages, size := guideAndCorpus(), 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if mdlimits.Check(p) != nil {
				b.Fatal("a page crosses a limit")
			}
		}
	}
}
