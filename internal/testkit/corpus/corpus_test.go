package corpus_test

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/testkit/corpus"
)

func TestEverySiteBuilds(t *testing.T) {
	for _, n := range []int{0, 1, 7, 50, 1000} {
		fsys := corpus.Generate(n, int64(n))
		r := build.Site(fsys, build.Options{})
		if len(r.Problems) > 0 {
			for _, p := range r.Problems[:min(len(r.Problems), 20)] {
				t.Error(p)
			}
			t.Fatalf("n=%d: %d problems", n, len(r.Problems))
		}
		if r.Pages != n+1+len(corpus.Sections) { // the pages, the home page and the sections' indexes
			t.Errorf("n=%d: built %d pages, want %d", n, r.Pages, n+1+len(corpus.Sections))
		}
	}
}

func TestSameSeedSameSite(t *testing.T) {
	a, b := corpus.Generate(200, 7), corpus.Generate(200, 7)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	if c := corpus.Generate(200, 8); bytes.Equal(a["content/talking/page-3.md"].Data, c["content/talking/page-3.md"].Data) {
		t.Error("another seed gave the same page")
	}
}

// TestShape checks that the corpus is what the benchmarks say it is: about
// 5.4 KB of markdown a page, with every kind of block in it somewhere.
func TestShape(t *testing.T) {
	const n = 1000
	fsys := corpus.Generate(n, 1)
	var size int
	var all strings.Builder
	pages := 0
	for name, f := range fsys {
		if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			pages++
			size += len(f.Data)
			all.Write(f.Data)
		}
	}
	if pages != n {
		t.Fatalf("%d pages, want %d", pages, n)
	}
	if avg := size / n; avg < 5000 || avg > 5800 {
		t.Errorf("pages are %d bytes on average, want about 5400", avg)
	}
	text := all.String()
	for _, want := range []string{"\n## ", "\n### ", "\n- ", "\n1. ", "|---|", "\n> ", "*", "](../", ".md#",
		"\n- [ ] ", "\n? ", ": ___\n", "[1-10: not at all | completely]\n", "step: 10\n", "short: ws-", "[^1]"} {
		if !strings.Contains(text, want) {
			t.Errorf("no page has %q", want)
		}
	}
}

var (
	out   = flag.String("corpus.out", "", "write a generated site to this folder (with -run TestWrite)")
	pages = flag.Int("corpus.pages", 1000, "pages of the site written by TestWrite")
	seed  = flag.Int64("corpus.seed", 1, "seed of the site written by TestWrite")
	hugo  = flag.Bool("corpus.hugo", false, "write the site as a Hugo project instead (with -run TestWrite)")
)

// TestWrite writes a corpus to disk, to look at or to build with another
// tool: go test ./internal/testkit/corpus -run TestWrite -corpus.out /tmp/site
// (-corpus.hugo: as a Hugo project; .ci/compare-hugo times both).
func TestWrite(t *testing.T) {
	if *out == "" {
		t.Skip("no -corpus.out")
	}
	site := corpus.Generate(*pages, *seed)
	if *hugo {
		site = corpus.Hugo(site)
	}
	if err := os.CopyFS(*out, site); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d pages to %s", *pages, *out)
}
