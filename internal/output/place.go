package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Destination returns the folder to give Write for dir, with every symlink
// in it followed, once it is sure the folder may be replaced: it is not
// root and does not hold it, it is not one of sources nor inside one, and
// Claim accepts it. Folders are compared as the system sees them (os.SameFile),
// so another spelling, a symlink or a case-insensitive disk cannot hide one.
func Destination(dir, root string, sources ...string) (string, error) {
	real, err := resolve(dir)
	if err != nil {
		return "", err
	}
	if root, err = resolve(root); err != nil {
		return "", err
	}
	rootInfo, err := os.Stat(root)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(real); err == nil {
		for up := root; ; up = filepath.Dir(up) {
			if upInfo, err := os.Stat(up); err == nil && os.SameFile(upInfo, info) {
				if os.SameFile(upInfo, rootInfo) {
					return "", &Refusal{dir, "it is the site's own folder, which holds its sources: give a folder inside it, like public"}
				}
				return "", &Refusal{dir, "it holds the site's folder and its sources: give a folder inside the site, like public"}
			}
			if filepath.Dir(up) == up {
				break
			}
		}
	}
	for _, src := range sources {
		if srcInfo, err := os.Stat(src); err == nil && within(real, srcInfo) {
			return "", &Refusal{dir, "it is or is inside " + filepath.Base(src) + ", which holds the site's sources: give a folder of its own, like public"}
		}
	}
	return real, Claim(real)
}

// within reports whether p, or the nearest folder above it that exists, is
// the folder src or inside it.
func within(p string, src fs.FileInfo) bool {
	for ; ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && os.SameFile(info, src) {
			return true
		}
		if filepath.Dir(p) == p {
			return false
		}
	}
}

// resolve makes dir absolute and follows the symlinks in the part of it
// that exists. ".." is read as written, before any symlink is followed.
func resolve(dir string) (string, error) {
	p, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(p)
		if !errors.Is(err, fs.ErrNotExist) || parent == p {
			return "", err
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}
