package mdlimits_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/mdlimits"
	"github.com/trustguide/guide/internal/testkit/corpus"
)

// The guide's own pages and the generated ones of the benchmarks are far
// from every limit.
func TestGuideAndCorpusWithinLimits(t *testing.T) {
	pages := guideAndCorpus()
	if len(pages) < 300 {
		t.Fatalf("only %d pages read", len(pages))
	}
	for name, src := range pages {
		if got := mdlimits.Check(src); got != nil {
			t.Errorf("%s: %s (at byte %d)", name, got.Message, got.Offset)
		}
	}
}

// guideAndCorpus are the guide's pages and a generated site's, by name.
func guideAndCorpus() map[string][]byte {
	pages := map[string][]byte{}
	for name, f := range corpus.Generate(300, 1) {
		pages["corpus:"+name] = f.Data
	}
	root := filepath.Join("..", "..", "content")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			pages[p], _ = os.ReadFile(p)
		}
		return nil
	})
	return pages
}
