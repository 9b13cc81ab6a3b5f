package output

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWrite writes a site of 10,000 pages of 11 KB, each in its own
// folder as pages are, over the one it wrote before, as guide build does.
// It writes to tmpfs where there is one, as the README's figures do.
func BenchmarkWrite(b *testing.B) {
	site := Files{}
	page := make([]byte, 11<<10)
	for i := range 10000 {
		site[fmt.Sprintf("section-%d/page-%d/index.html", i%20, i)] = page
	}
	parent := ""
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		parent = "/dev/shm"
	}
	tmp, err := os.MkdirTemp(parent, "output-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(tmp) })
	dir := filepath.Join(tmp, "public")
	for b.Loop() {
		if err := site.Write(dir); err != nil {
			b.Fatal(err)
		}
	}
}
