package output

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// wantRefusal fails unless err is a Refusal whose reason contains text.
func wantRefusal(t *testing.T, err error, text string) {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Reason, text) {
		t.Errorf("got %v, want a refusal saying %q", err, text)
	}
}

// TestWriteRefusesAFolderItDidNotMake: before the mark, any folder given
// was replaced whole, whatever it held.
func TestWriteRefusesAFolderItDidNotMake(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(mine, []byte("an author's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Files{"index.html": []byte("site")}.Write(dir)
	wantRefusal(t, err, "no "+Mark)
	wantRefusal(t, err, "delete it and build again")
	if data, _ := os.ReadFile(mine); string(data) != "an author's file" {
		t.Error("the author's file is gone")
	}
	checkNoStaging(t, mine)
}

func TestWriteTakesAnEmptyFolderAndMarksIt(t *testing.T) {
	dir := t.TempDir()
	f := Files{"index.html": []byte("site"), "a/b.css": []byte("x")}
	if err := f.Write(dir); err != nil {
		t.Fatal(err)
	}
	mark, err := os.ReadFile(filepath.Join(dir, Mark))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := readMark(mark)
	if want := map[string]bool{"index.html": true, "a/b.css": true}; !reflect.DeepEqual(files, want) {
		t.Errorf("the mark lists %v, want %v", files, want)
	}
	if err := f.Write(dir); err != nil {
		t.Errorf("a second write to the folder the first made: %v", err)
	}
}

// TestWriteKeepsWhatSomeoneAdded: a file put in the output after a build
// is not the builder's to remove.
func TestWriteKeepsWhatSomeoneAdded(t *testing.T) {
	for _, added := range []string{"notes.txt", "a/notes.txt", "empty-folder/"} {
		t.Run(added, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			if err := (Files{"index.html": []byte("one"), "a/b.css": nil}).Write(dir); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.FromSlash(added))
			if strings.HasSuffix(added, "/") {
				os.Mkdir(p, 0o755)
			} else if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := Files{"index.html": []byte("two")}.Write(dir)
			wantRefusal(t, err, strings.TrimSuffix(added, "/")+", which guide build did not write")
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s is gone", added)
			}
		})
	}
}

func TestWriteRefusesAFileOrSymlink(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	wantRefusal(t, Files{"index.html": nil}.Write(file), "a file, not a folder")
	link := filepath.Join(dir, "link")
	os.Symlink(t.TempDir(), link)
	wantRefusal(t, Files{"index.html": nil}.Write(link), "a symlink")
}

// TestDestination: the site's folder, a folder that holds it, and its
// sources are never an output, however they are named.
func TestDestination(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content/articles", "static", "templates", ".git", "elsewhere"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "words"))
	sources := []string{filepath.Join(root, "content"), filepath.Join(root, "static"), filepath.Join(root, "templates"), filepath.Join(root, ".git")}
	for dir, want := range map[string]string{
		root:                           "the site's own folder",
		root + "/public/..":            "the site's own folder",
		filepath.Dir(root):             "holds the site's folder",
		root + "/content":              "inside content",
		root + "/content/articles":     "inside content",
		root + "/static":               "inside static",
		root + "/static/new/x":         "inside static",
		root + "/templates":            "inside templates",
		root + "/.git":                 "inside .git",
		root + "/words/new":            "inside content",
		root + "/elsewhere/../content": "inside content",
	} {
		_, err := Destination(dir, root, sources...)
		wantRefusal(t, err, want)
	}
	for _, ok := range []string{root + "/public", root + "/elsewhere", t.TempDir() + "/site"} {
		if _, err := Destination(ok, root, sources...); err != nil {
			t.Errorf("Destination(%s): %v", ok, err)
		}
	}
	elsewhere := t.TempDir()
	os.Symlink(elsewhere, filepath.Join(root, "out"))
	for dir, want := range map[string]string{root + "/new": root + "/new", root + "/out": elsewhere, root + "/out/x/y": elsewhere + "/x/y"} {
		if got, err := Destination(dir, root, sources...); got != want || err != nil {
			t.Errorf("Destination(%s) = %s, %v; want %s", dir, got, err, want)
		}
	}
}
