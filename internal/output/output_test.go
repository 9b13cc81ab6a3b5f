package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestLookup(t *testing.T) {
	f := Files{
		"index.html":            nil,
		"articles/x/index.html": nil,
		"css/site.css":          nil,
	}
	for url, want := range map[string]string{
		"/":                      "index.html",
		"":                       "index.html",
		"/articles/x/":           "articles/x/index.html",
		"/articles/x":            "articles/x/index.html",
		"/articles/x/index.html": "articles/x/index.html",
		"/css/site.css":          "css/site.css",
		"/articles/y/":           "",
		"/articles/":             "",
	} {
		got, ok := f.Lookup(url)
		if got != want || ok != (want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", url, got, ok, want, want != "")
		}
	}
}

func TestWriteReplacesTheWholeTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := Files{"index.html": []byte("one"), "old/index.html": []byte("gone soon")}
	second := Files{"index.html": []byte("two"), "css/site.css": []byte("body{}")}
	for _, f := range []Files{first, second} {
		if err := f.Write(dir); err != nil {
			t.Fatal(err)
		}
		if got := readTree(t, dir); !reflect.DeepEqual(got, f) {
			t.Errorf("after Write: %s holds\n%q\nwant\n%q", dir, got, f)
		}
	}
	checkNoStaging(t, dir)
}

func TestWriteRefusesUnsafePaths(t *testing.T) {
	for _, bad := range []string{"../x", "/abs", "a/../../x", "./x", "a//b", ".."} {
		t.Run(bad, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			before := Files{"index.html": []byte("the published site")}
			if err := before.Write(dir); err != nil {
				t.Fatal(err)
			}
			err := Files{"index.html": []byte("new"), bad: []byte("x")}.Write(dir)
			if err == nil {
				t.Fatalf("Write with %q succeeded", bad)
			}
			if got := readTree(t, dir); !reflect.DeepEqual(got, before) {
				t.Errorf("a refused Write changed the output: %q", got)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "x")); err == nil {
				t.Errorf("a file was written outside the output folder")
			}
			checkNoStaging(t, dir)
		})
	}
}

func TestPathsAndSize(t *testing.T) {
	f := Files{"b": []byte("12"), "a/c": []byte("345"), "a": nil}
	if got, want := f.Paths(), []string{"a", "a/c", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths = %q, want %q", got, want)
	}
	if got := f.Size(); got != 5 {
		t.Errorf("Size = %d, want 5", got)
	}
}

// readTree reads every file under dir.
func readTree(t *testing.T, dir string) Files {
	t.Helper()
	got := Files{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == Mark {
			return nil // the mark is checked on its own
		}
		got[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkNoStaging fails if anything but dir is left beside it.
func checkNoStaging(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}
