//go:build unix

package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.md"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	site, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()

	if data, err := fs.ReadFile(site, "page.md"); err != nil || string(data) != "text" {
		t.Errorf("a regular file: %q, %v", data, err)
	}
	if _, err := fs.ReadDir(site, "."); err != nil {
		t.Errorf("the folder: %v", err)
	}
	// Reading a named pipe would block for ever; it must fail at once.
	_, err = fs.ReadFile(site, "pipe.md")
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("a named pipe: err = %v, want ErrNotRegular", err)
	}
	if want := "pipe.md: not a regular file: it is a named pipe (FIFO)"; err.Error()[:len("open ")+len(want)] != "open "+want {
		t.Errorf("error %q does not say what the file is", err)
	}
}

func TestOpenStaysInside(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("x"), 0o644)
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "link.md")); err != nil {
		t.Skip(err)
	}
	site, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	if _, err := fs.ReadFile(site, "link.md"); err == nil {
		t.Error("a symlink out of the site folder was followed")
	}
	if _, err := site.Open("../x"); err == nil {
		t.Error("a path out of the site folder was opened")
	}
}
