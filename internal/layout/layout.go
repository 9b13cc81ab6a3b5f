// Package layout decides where a site's languages live: the one place that
// knows that a folder of content/ holding its own site.yaml is a language
// (content/fr/ is French, served at /fr/), and not a section.
package layout

import (
	"io/fs"
	"path"
	"strings"
)

// Root is the folder every language's pages are under.
const Root = "content"

// Settings is the name of a language's settings file, in its folder.
const Settings = "site.yaml"

// Lang is one edition of the site.
type Lang struct {
	Code   string // "fr"; English: "en"
	Dir    string // "content/fr"; English: "content"
	Prefix string // "/fr"; English: "" (its URLs are the site's, as always)
}

// English is the default language: content/ itself, served at /.
var English = Lang{Code: "en", Dir: Root}

// Languages lists the site's languages: English, then each folder of
// content/ that holds a site.yaml, in name order.
func Languages(fsys fs.FS) []Lang {
	langs := []Lang{English}
	entries, _ := fs.ReadDir(fsys, Root) // a missing content/ is reported by the scan
	for _, e := range entries {
		if e.IsDir() && IsLanguageDir(fsys, path.Join(Root, e.Name())) {
			langs = append(langs, Lang{Code: e.Name(), Dir: path.Join(Root, e.Name()), Prefix: "/" + e.Name()})
		}
	}
	return langs
}

// IsLanguageDir reports whether dir, a folder right under content/, is
// another language's: it holds its own site.yaml.
func IsLanguageDir(fsys fs.FS, dir string) bool {
	if path.Dir(dir) != Root {
		return false
	}
	info, err := fs.Stat(fsys, path.Join(dir, Settings))
	return err == nil && info.Mode().IsRegular()
}

// InOtherLanguage reports whether a root-relative path is inside another
// language's folder (content/fr/…), or is that folder.
func InOtherLanguage(fsys fs.FS, name string) bool {
	rest, ok := strings.CutPrefix(name, Root+"/")
	if !ok {
		return false
	}
	first, _, _ := strings.Cut(rest, "/")
	return IsLanguageDir(fsys, Root+"/"+first)
}
