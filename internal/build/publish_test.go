package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/output"
)

// Publish, which writes each page as soon as it is drawn and lets it go,
// publishes byte for byte the site Site makes in memory — the service
// worker's cache name too, made from the pages' sums — and its Result
// holds no page it wrote.
func TestPublishWritesWhatSiteMakes(t *testing.T) {
	guide := os.DirFS(filepath.Join("..", ".."))
	want := Site(guide, Options{})
	dir := filepath.Join(t.TempDir(), "public")
	folder, err := output.Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Publish(guide, Options{}, folder)
	if err != nil {
		t.Fatal(err)
	}
	for file := range r.Sources {
		if _, held := r.Files[file]; held {
			t.Errorf("the result still holds the page %s", file)
		}
	}
	if err := folder.Finish(r.Files); err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && name != output.Mark {
			got[name], err = os.ReadFile(filepath.Join(dir, name))
		}
		return err
	})
	if len(got) != len(want.Files) {
		t.Errorf("published %d files, Site made %d", len(got), len(want.Files))
	}
	for name, data := range want.Files {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from Site's", name)
		}
	}
	if r.Summary()[:30] != want.Summary()[:30] || len(r.Problems) != len(want.Problems) {
		t.Errorf("Publish: %s, %d problems; Site: %s, %d problems", r.Summary(), len(r.Problems), want.Summary(), len(want.Problems))
	}
}

// A page that cannot be written (here the new folder is gone, a file in
// its place) makes Publish fail, saying why, rather than publish a site
// without it.
func TestPublishSaysWhenAPageCannotBeWritten(t *testing.T) {
	parent := t.TempDir()
	folder, err := output.Begin(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	stages, _ := filepath.Glob(filepath.Join(parent, ".public.new-*"))
	if len(stages) != 1 {
		t.Fatalf("found %d new folders beside public/", len(stages))
	}
	os.RemoveAll(stages[0])
	os.WriteFile(stages[0], []byte("in the way"), 0o644)
	_, err = Publish(os.DirFS(filepath.Join("..", "..")), Options{}, folder)
	if err == nil {
		t.Fatal("Publish wrote into a folder that is not there")
	}
	if !strings.Contains(err.Error(), "index.html") {
		t.Errorf("the error does not name a page: %v", err)
	}
	folder.Discard()
}
