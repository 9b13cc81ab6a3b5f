package markdown_test

import (
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/corpus"
	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/worksheet"
)

// BenchmarkParse parses the pages of a generated site of 300 pages, with
// the worksheet extension, as the build does, and takes their text.
//
//	go test ./internal/markdown -run '^$' -bench Parse -benchmem
func BenchmarkParse(b *testing.B) {
	var pages [][]byte
	size := 0
	for name, f := range corpus.Generate(300, 1) {
		if strings.HasSuffix(name, ".md") {
			pages = append(pages, f.Data)
			size += len(f.Data)
		}
	}
	c := markdown.New(worksheet.New())
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			_ = c.Parse(p).Text()
		}
	}
}
