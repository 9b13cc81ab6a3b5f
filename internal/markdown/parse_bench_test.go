package markdown_test

import (
	"testing"

	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/worksheet"
)

// BenchmarkParse parses the guide's pages and those of a generated site of
// 300 pages, with the worksheet extension as the build does, and takes
// their text.
//
//	go test ./internal/markdown -run '^$' -bench Parse -benchmem
func BenchmarkParse(b *testing.B) {
	c := markdown.New(worksheet.New())
	pages := guideAndCorpus()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			_ = c.Parse(p).Text()
		}
	}
}
