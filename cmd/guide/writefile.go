package main

import (
	"errors"
	"os"
	"path/filepath"
)

// replaceFile writes data to an author's file in one step: to a new file
// in the same folder, then renamed over it, so that the file is never seen
// half written, even if guide stops midway. It keeps the file's
// permissions.
func replaceFile(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(name, data, info.Mode().Perm())
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(name))
	return nil
}

// createFile writes data to a new file in one step, and fails with an
// error wrapping fs.ErrExist if name exists: the file is linked into place
// whole, or not at all, and never replaces another.
func createFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(name, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, name); err != nil {
		return err
	}
	syncDir(filepath.Dir(name))
	return nil
}

// syncDir asks the disk to keep a folder's new entry, so that a power cut
// leaves the old file or the new one. Where folders cannot be synced, the
// rename stands all the same.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// writeTemp writes data to a hidden new file beside name, which the
// builder ignores (its name starts with a dot), and returns its path.
func writeTemp(name string, data []byte, perm os.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	err = errors.Join(err, f.Chmod(perm), f.Sync(), f.Close())
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
