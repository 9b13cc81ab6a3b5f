// Package assets turns static/ into output files: everything is copied,
// text formats are minified, and CSS and JS are fingerprinted
// (css/site.css becomes css/site.3f9c2a1b.css) so browsers and Netlify can
// cache them for a year without ever serving a stale copy.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/tdewolff/minify/v2"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
)

// Dir is the folder, under the site root, whose files are copied.
const Dir = "static"

// Set is the output of static/.
type Set struct {
	Files   output.Files      // output path → bytes
	Sources map[string]string // output path → the file of static/ it is made from
	urls    map[string]string // "css/site.css" → "/css/site.3f9c2a1b.css"
}

// Build reads every file under static/.
func Build(fsys fs.FS, m *minify.M, problems *diag.List) *Set {
	s := &Set{Files: output.Files{}, Sources: map[string]string{}, urls: map[string]string{}}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir // a site without static files is fine
			}
			problems.Add(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		if p != Dir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			problems.Add(p, 0, 0, "cannot read (a symlink that leaves the site or loops?): %v", err)
			return nil
		}
		s.add(m, strings.TrimPrefix(p, Dir+"/"), data, problems)
		return nil
	})
	if err != nil {
		problems.Add(Dir, 0, 0, "cannot read the static folder: %v", err)
	}
	return s
}

func (s *Set) add(m *minify.M, name string, data []byte, problems *diag.List) {
	mediaType := minifier.TypeOf(name)
	small, err := minifier.Bytes(m, mediaType, data)
	if err != nil {
		problems.Add(Dir+"/"+name, 0, 0, "cannot minify this file, it may not be valid: %v", err)
	}
	out := name
	if ext := path.Ext(name); ext == ".css" || ext == ".js" || ext == ".mjs" {
		sum := sha256.Sum256(small)
		out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	}
	if long := len(path.Base(out)); long > content.MaxName {
		problems.Add(Dir+"/"+name, 1, 1, "the published name %s, with its fingerprint, is %d bytes long, but a file's name holds %d at most: shorten this file's name by %d bytes",
			path.Base(out), long, content.MaxName, long-content.MaxName)
		return
	}
	if other, taken := s.Sources[out]; taken {
		problems.Add(Dir+"/"+name, 1, 1, "this file is published as /%s, as %s is: rename one of them", out, other)
		return
	}
	s.Files[out] = small
	s.Sources[out] = Dir + "/" + name
	s.urls[name] = "/" + out
}

// URL returns the published URL of a static file, by its name under static/.
func (s *Set) URL(name string) (string, error) {
	if u, ok := s.urls[strings.TrimPrefix(name, "/")]; ok {
		return u, nil
	}
	return "", fmt.Errorf("there is no static/%s: check the name or add the file", name)
}
