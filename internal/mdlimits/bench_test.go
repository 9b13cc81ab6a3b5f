package mdlimits_test

import (
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/corpus"
	"github.com/trustguide/guide/internal/mdlimits"
)

// BenchmarkCheck checks the pages of a generated site of 300 pages.
//
//	go test ./internal/mdlimits -run '^$' -bench Check -benchmem
func BenchmarkCheck(b *testing.B) {
	var pages [][]byte
	size := 0
	for name, f := range corpus.Generate(300, 1) {
		if strings.HasSuffix(name, ".md") {
			pages = append(pages, f.Data)
			size += len(f.Data)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if mdlimits.Check(p) != nil {
				b.Fatal("a generated page crosses a limit")
			}
		}
	}
}
