package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// worstPages are pages made of one shape repeated up to a size: ordinary
// text, and for each limit of internal/mdlimits the costliest page it lets
// through. Time per byte must stay flat from 100 KB to 10 MB.
var worstPages = []struct {
	name string
	unit func(i int) string
}{
	{"prose", func(int) string {
		return "A *calm* paragraph with a [link](other.md#why) and **strong** words, “quotes” -- dashes.\n\n"
	}},
	{"emphasis-runs-at-limit", func(int) string { return strings.Repeat("*a_", 100) + "\n\n" }},
	{"link-reach-at-limit", func(int) string { return strings.Repeat("[a](", 16) + " " }},
	{"paragraph-lines-at-limit", func(int) string { return strings.Repeat("[a]\n", 500) + "\n" }},
	{"definitions-at-limit", func(i int) string {
		var b strings.Builder
		for j := range 500 {
			fmt.Fprintf(&b, "[r%d-%d]: /u\n", i, j)
		}
		return b.String() + "\n"
	}},
	{"brackets-at-limit", func(int) string { return strings.Repeat("[", 32) + "a" + strings.Repeat("]", 32) + " " }},
	{"nesting-at-limit", func(int) string { return strings.Repeat(">", 40) + " a\n\n" }},
	{"identical-headings", func(int) string { return "# A\n\n" }},
	{"links-on-one-line", func(int) string { return "[a](x.md) " }},
}

func pageOf(unit func(int) string, size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	return b.Bytes()
}

// BenchmarkWorstPages parses, positions every link of, and renders each
// worst page at 100 KB, 1 MB and 10 MB; ns/byte is the figure to compare.
//
//	go test ./internal/markdown -run '^$' -bench WorstPages -benchtime 1x
func BenchmarkWorstPages(b *testing.B) {
	for _, page := range worstPages {
		for _, size := range []int{100 << 10, 1 << 20, 10 << 20} {
			src := pageOf(page.unit, size)
			b.Run(fmt.Sprintf("%s/%dKB", page.name, size>>10), func(b *testing.B) {
				c := New()
				for b.Loop() {
					d := c.Parse(src)
					if d.Limit != nil {
						b.Fatalf("refused: %s", d.Limit.Message)
					}
					p := NewPositions(src)
					for _, r := range d.Refs() {
						p.At(r.Offset)
					}
					c.Render(d)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(src)), "ns/byte")
			})
		}
	}
}

// BenchmarkOurQuadraticPaths measures the two paths that were quadratic
// against their old way, in the same run: unique heading ids, and the
// line:col of each link.
//
//	go test ./internal/markdown -run '^$' -bench OurQuadraticPaths -benchtime 1x
func BenchmarkOurQuadraticPaths(b *testing.B) {
	for _, n := range []int{3_000, 30_000} {
		b.Run(fmt.Sprintf("ids/headings=%d/old", n), func(b *testing.B) {
			for b.Loop() {
				ids := oldIDs{}
				for range n {
					ids.generate("A")
				}
			}
		})
		b.Run(fmt.Sprintf("ids/headings=%d/new", n), func(b *testing.B) {
			for b.Loop() {
				ids := newIDs()
				for range n {
					ids.Generate([]byte("A"), 0)
				}
			}
		})
		src := []byte(strings.Repeat("[a](x.md) ", n))
		b.Run(fmt.Sprintf("positions/links=%d/old", n), func(b *testing.B) {
			for b.Loop() {
				for i := range n {
					oldPosition(src, 10*i)
				}
			}
		})
		b.Run(fmt.Sprintf("positions/links=%d/new", n), func(b *testing.B) {
			for b.Loop() {
				p := NewPositions(src)
				for i := range n {
					p.At(10 * i)
				}
			}
		})
	}
}

// oldIDs and oldPosition are the old ways, kept as the benchmark's baseline.
type oldIDs map[string]bool

func (s oldIDs) generate(base string) string {
	id := base
	for n := 2; s[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s[id] = true
	return id
}

func oldPosition(src []byte, offset int) (line, col int) {
	line = 1 + bytes.Count(src[:offset], []byte("\n"))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:offset])
}
