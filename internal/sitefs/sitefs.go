// Package sitefs opens a site's folder for reading, safely.
//
// The folder is read through an os.Root, so no symlink can lead a build out
// of it, and files are opened without blocking: a named pipe, socket or
// device saved where a page should be is refused at once, with an error
// naming it, instead of hanging the build until something writes to it.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// FS is a site folder. Close it when done.
type FS struct {
	root *os.Root
	fs.FS
}

// Open opens the site folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the site folder: %w", err)
	}
	return &FS{root: root, FS: root.FS()}, nil
}

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens a file for reading. A folder opens as usual; anything else
// that is not a regular file is refused with an error that wraps
// ErrNotRegular.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	// O_NONBLOCK: opening a named pipe for reading would otherwise wait for
	// a writer. It changes nothing for regular files and folders.
	file, err := f.root.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: NotRegular(info.Mode())}
	}
	return file, nil
}

// ErrNotRegular is the error for a path that is neither a file nor a folder.
var ErrNotRegular = errors.New("not a regular file")

// NotRegular is the error for a file of the given mode that a site cannot
// hold, saying what it is.
func NotRegular(mode fs.FileMode) error {
	return fmt.Errorf("%w: it is %s; a site holds only files and folders: remove it", ErrNotRegular, Describe(mode))
}

// Describe names a kind of file the way an author would.
func Describe(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symlink"
	case mode&fs.ModeIrregular != 0:
		return "a special file"
	}
	return "not a regular file"
}
