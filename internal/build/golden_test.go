package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden output of testdata sites")

// TestGolden builds each site under testdata/ and compares every output file
// with testdata/<site>.golden/. Run with -update after a deliberate change,
// then read the diff: the golden files are the review.
func TestGolden(t *testing.T) {
	sites, _ := filepath.Glob("testdata/*/content")
	if len(sites) == 0 {
		t.Fatal("no test sites")
	}
	for _, c := range sites {
		dir := filepath.Dir(c)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := Site(os.DirFS(dir), Options{})
			if r.Problems.HasErrors() {
				t.Fatalf("build failed:\n%v", r.Problems)
			}
			golden := dir + ".golden"
			if *update {
				if err := r.Files.Write(golden); err != nil {
					t.Fatal(err)
				}
				return
			}
			compareTree(t, r.Files, golden)
		})
	}
}

// compareTree reports every file that is missing, extra or different, and
// for a difference the first line and column where it starts.
func compareTree(t *testing.T, got output.Files, dir string) {
	t.Helper()
	want := output.Files{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		return nil
	})
	for _, name := range want.Paths() {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: missing from the output", name)
			continue
		}
		if !bytes.Equal(g, want[name]) {
			line, col := firstDifference(g, want[name])
			t.Errorf("%s:%d:%d: output differs from the golden file (run go test -update and read the diff)", name, line, col)
		}
	}
	for _, name := range got.Paths() {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: in the output but not in %s", name, dir)
		}
	}
}

func firstDifference(a, b []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(a) && i < len(b) && a[i] == b[i]; i++ {
		if a[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func TestSameInputSameBytes(t *testing.T) {
	first := Site(os.DirFS("testdata/small"), Options{})
	for range 3 {
		again := Site(os.DirFS("testdata/small"), Options{})
		if len(again.Files) != len(first.Files) {
			t.Fatalf("%d files, then %d", len(first.Files), len(again.Files))
		}
		for name, data := range first.Files {
			if !bytes.Equal(again.Files[name], data) {
				t.Errorf("%s differs between two builds of the same sources", name)
			}
		}
	}
	if !strings.Contains(string(first.Manifest), "/worksheets/name-it/") {
		t.Errorf("the manifest does not list the new URLs:\n%s", first.Manifest)
	}
}
