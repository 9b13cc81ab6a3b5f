package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/testkit/golden"
)

var update = flag.Bool("update", false, "rewrite the golden output of testdata sites")

// TestGolden builds each site under testdata/ and compares every output file
// with testdata/<site>.golden/, which holds each in the form golden.Layout
// gives it: pages and XML one element to a line, JSON indented. That form
// still pins every byte of the output. Run with -update after a deliberate
// change, then read the diff: the golden files are the review.
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
			files := layOut(t, r.Files)
			golden := dir + ".golden"
			if *update {
				// The golden folder holds the output alone, without the
				// mark Write leaves: it is made again from nothing.
				os.RemoveAll(golden)
				if err := files.Write(golden); err != nil {
					t.Fatal(err)
				}
				os.Remove(filepath.Join(golden, output.Mark))
				return
			}
			compareTree(t, files, golden)
		})
	}
}

// layOut gives every file its golden form.
func layOut(t *testing.T, files output.Files) output.Files {
	t.Helper()
	out := output.Files{}
	for name, data := range files {
		form, err := golden.Layout(name, data)
		if err != nil {
			t.Errorf("%s:%v", name, err)
			form = data
		}
		out[name] = form
	}
	return out
}

// compareTree reports every file that is missing, extra or different, and
// for a difference the golden file's first line that differs, and that
// line in the build.
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
			t.Errorf("%s: missing from the output", filepath.Join(dir, name))
			continue
		}
		if !bytes.Equal(g, want[name]) {
			line, wantLine, gotLine := firstDifferentLine(want[name], g)
			t.Errorf("%s:%d: the build differs from the golden file (go test -run TestGolden -update, then read the diff)\n\tgolden: %s\n\tbuilt:  %s",
				filepath.Join(dir, name), line, wantLine, gotLine)
		}
	}
	for _, name := range got.Paths() {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: in the output but not in %s", name, dir)
		}
	}
}

// firstDifferentLine finds the first line where a and b differ, and shows
// it from each, around where it starts to differ when it is long.
func firstDifferentLine(a, b []byte) (n int, lineA, lineB string) {
	n, col := firstDifference(a, b)
	return n, excerpt(lineAt(a, n), col-1), excerpt(lineAt(b, n), col-1)
}

// firstDifference is the line and column where a and b start to differ.
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

// lineAt is line n of data, counting from 1.
func lineAt(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// excerpt shows a line, or a long one from a little before the byte at col
// to a little after.
func excerpt(line string, col int) string {
	const around = 60
	from, to := max(0, col-around), min(len(line), max(col, 0)+around)
	return ellipsis(from > 0) + line[from:to] + ellipsis(to < len(line))
}

func ellipsis(cut bool) string {
	if cut {
		return "…"
	}
	return ""
}

// TestSiteFilesAreMinified: the golden files show the output laid out, so
// whether it is minified is checked apart: minifying a style sheet, the
// sitemap, the feed or the search index of the small site again changes
// nothing. Pages are drawn from minified templates and checked by
// TestPagesNeedNoMinifying; the offline files are written to be read
// (internal/offline).
func TestSiteFilesAreMinified(t *testing.T) {
	r := Site(os.DirFS("testdata/small"), Options{})
	m := minifier.New()
	for _, name := range r.Files.Paths() {
		mediaType := minifier.TypeOf(name)
		if mediaType == "" || mediaType == "text/html" || name == offline.WorkerPath || name == offline.ManifestPath {
			continue
		}
		data := r.Files[name]
		if again, err := minifier.Bytes(m, mediaType, data); err != nil || !bytes.Equal(again, data) {
			t.Errorf("%s is not minified: %d bytes, %d once minified (%v)", name, len(data), len(again), err)
		}
	}
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
