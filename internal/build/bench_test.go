package build

// Benchmarks of builds on generated sites (see internal/testkit/corpus): whole
// builds, the floor (goldmark alone converting the same markdown on every
// core) and rebuilds after one change. bench_watch_test.go has the
// save-to-reload latency of guide serve.
//
//	go test -run '^$' -bench . -benchmem ./internal/build/
//
// The ratio that matters is BenchmarkBuild/pages=N/memory over
// BenchmarkFloor/pages=N: how much a build costs beyond the markdown
// conversion no goldmark-based builder can avoid. The README says more.

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/corpus"
	"github.com/trustguide/guide/internal/worksheet"
)

// benchSizes are the sites the benchmarks build, in pages of markdown.
var benchSizes = []int{1000, 10000}

// benchSite is a generated site and what the benchmarks report about it.
type benchSite struct {
	n        int
	fsys     fstest.MapFS
	files    int   // markdown files: the n pages, the home page, the section indexes
	markdown int64 // bytes of markdown in them

	bodiesOnce sync.Once
	bodies     [][]byte
}

// benchSites holds each size's site, made once per process when a
// benchmark first needs it.
var benchSites = struct {
	sync.Mutex
	m map[int]*benchSite
}{m: map[int]*benchSite{}}

// site returns the generated site of n pages. Call it before b.Loop, so
// that making it is not timed.
func site(n int) *benchSite {
	benchSites.Lock()
	defer benchSites.Unlock()
	if s := benchSites.m[n]; s != nil {
		return s
	}
	s := newBenchSite(n)
	benchSites.m[n] = s
	return s
}

func newBenchSite(n int) *benchSite {
	s := &benchSite{n: n, fsys: corpus.Generate(n, 1)}
	for name, f := range s.fsys {
		if strings.HasSuffix(name, ".md") {
			s.files++
			s.markdown += int64(len(f.Data))
		}
	}
	return s
}

// markdownBodies returns every page's markdown as the builder parses it:
// the front matter blanked out.
func (s *benchSite) markdownBodies(b *testing.B) [][]byte {
	s.bodiesOnce.Do(func() {
		for name, f := range s.fsys {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			var problems diag.List
			p := content.ParsePage(layout.English, name, f.Data, &problems)
			if p == nil {
				b.Fatalf("%s: %v", name, problems)
			}
			s.bodies = append(s.bodies, p.Body)
		}
	})
	return s.bodies
}

// report adds the site's throughput to a finished benchmark: pages/s, and
// MB/s of markdown (through SetBytes).
func (s *benchSite) report(b *testing.B) {
	b.SetBytes(s.markdown)
	b.ReportMetric(float64(s.files*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// spent is what the process has used so far: CPU time, and the part of it
// the garbage collector took by the runtime's own estimate.
type spent struct{ cpu, gc time.Duration }

func spentNow() spent {
	sample := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(sample)
	gc := time.Duration(sample[0].Value.Float64() * float64(time.Second))
	return spent{cpu: cpuTime(), gc: gc}
}

// reportCPU adds the CPU time per operation used since start, taken just
// before b.Loop, and the collector's part of it. On a machine shared with
// other work it varies less than the wall time; on an idle one, a build
// that keeps every core busy takes cpu-ms/op ÷ cores of wall time.
func reportCPU(b *testing.B, start spent) {
	now := spentNow()
	if start.cpu > 0 {
		b.ReportMetric(ms(now.cpu-start.cpu)/float64(b.N), "cpu-ms/op")
	}
	b.ReportMetric(ms(now.gc-start.gc)/float64(b.N), "gc-cpu-ms/op")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// checkBuilt fails the benchmark if a build had problems: a benchmark of a
// build that fails measures nothing useful.
func checkBuilt(b *testing.B, r Result) {
	b.Helper()
	if len(r.Problems) > 0 {
		b.Fatalf("the generated site has %d problems; the first: %v", len(r.Problems), r.Problems[0])
	}
}

// BenchmarkBuild is a full build: read and check every page, render,
// draw with the templates, minify, make the site files and check every
// link. "memory" stops at the output set, as guide check and serve do;
// "disk" writes it as guide build does: each page as it is drawn
// (Publish), the rest at the end.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d/memory", n), func(b *testing.B) {
			s := site(n)
			var r Result
			cpu := spentNow()
			for b.Loop() {
				r = Site(s.fsys, Options{})
			}
			reportCPU(b, cpu)
			checkBuilt(b, r)
			s.report(b)
		})
		b.Run(fmt.Sprintf("pages=%d/disk", n), func(b *testing.B) {
			s := site(n)
			out := filepath.Join(b.TempDir(), "public")
			var r Result
			cpu := spentNow()
			for b.Loop() {
				folder, err := output.Begin(out)
				if err == nil {
					r, err = Publish(s.fsys, Options{}, folder)
				}
				if err == nil {
					err = folder.Finish(r.Files)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			checkBuilt(b, r)
			s.report(b)
		})
	}
}

// BenchmarkFloor converts every page's markdown to HTML with goldmark and
// the site's extensions, one converter per core, and nothing else: no
// front matter, no link checks, no templates, no minifying. No builder that
// uses goldmark can be faster than this.
func BenchmarkFloor(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			s := site(n)
			bodies := s.markdownBodies(b)
			converters := make([]goldmark.Markdown, runtime.GOMAXPROCS(0))
			for i := range converters {
				converters[i] = floorMarkdown()
			}
			cpu := spentNow()
			for b.Loop() {
				var next atomic.Int64
				var wg sync.WaitGroup
				for _, md := range converters {
					wg.Go(func() {
						var html bytes.Buffer
						for i := int(next.Add(1)) - 1; i < len(bodies); i = int(next.Add(1)) - 1 {
							html.Reset()
							if err := md.Convert(bodies[i], &html); err != nil {
								b.Error(err)
							}
						}
					})
				}
				wg.Wait()
			}
			reportCPU(b, cpu)
			s.report(b)
		})
	}
}

// floorMarkdown is goldmark as internal/markdown sets it up (see
// markdown.New), with the worksheet extension the builder adds.
func floorMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table, extension.Strikethrough, extension.Linkify, extension.Footnote, extension.Typographer,
			worksheet.New(),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
}

// editedPage is the page the rebuild benchmarks change: an article in the
// middle of its section, off the guided path, with worksheets of its own in
// a large site.
func editedPage(n int) string {
	articles := (n + len(corpus.Sections) - 1) / len(corpus.Sections)
	return fmt.Sprintf("content/articles/page-%d.md", max(corpus.Steps+1, articles/2))
}

// stepPage is the page the rebuild benchmarks change for a step's title
// edit: a step in the middle of the guided path.
const stepPage = "content/articles/page-5.md"

// editPage returns src with one change: a sentence added at the end of the
// body, or words added to the title. Each i gives another change.
func editPage(src []byte, what string, i int) []byte {
	switch what {
	case "body":
		return fmt.Appendf(bytes.Clone(src), "\nEdit number %d of this page.\n", i)
	case "title", "step-title":
		line, _, _ := bytes.Cut(src[bytes.Index(src, []byte("\ntitle: "))+1:], []byte("\n"))
		return bytes.Replace(src, line, fmt.Appendf(bytes.Clone(line), ", revision %d", i), 1)
	}
	panic("unknown edit " + what)
}

// BenchmarkIncremental is a rebuild after one page changed: its body, which
// changes that page and the files that list its text (search index, feed),
// or its title, which every page that lists or links to it shows, or the
// title of a step of the guided path, which the pages that show the path show.
func BenchmarkIncremental(b *testing.B) {
	for _, n := range benchSizes {
		for _, what := range []string{"body", "title", "step-title"} {
			b.Run(fmt.Sprintf("pages=%d/edit=%s", n, what), func(b *testing.B) {
				s := site(n)
				fsys := maps.Clone(s.fsys) // edited here, so other benchmarks keep the original
				name := editedPage(n)
				if what == "step-title" {
					name = stepPage
				}
				// Two versions, alternating, so every build sees a real change.
				versions := [2]*fstest.MapFile{fsys[name], {Data: editPage(fsys[name].Data, what, 1), Mode: 0o644}}
				builder := NewBuilder(fsys, Options{})
				checkBuilt(b, builder.Build(nil))
				var r Result
				i := 0
				cpu := spentNow()
				for b.Loop() {
					i++
					fsys[name] = versions[i%2] // a map assignment: nothing to time
					r = builder.Build([]string{name})
				}
				reportCPU(b, cpu)
				checkBuilt(b, r)
			})
		}
	}
}
