// Package layout is the one home of the site's layout: where a language, a
// section, a page kind and a URL come from. A folder of content/ holding
// its own site.yaml is a language (content/fr/ is French, served at /fr/),
// not a section; inside each language, pages take their kind from the
// folder names articles/ and worksheets/, the same in every language, so
// that a translation is the file at the same path. Nothing else builds a
// URL or knows a folder name.
package layout

import (
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Root is the folder every language's pages are under.
const Root = "content"

// Settings is the name of a language's settings file, in its folder.
const Settings = "site.yaml"

// Lang is one edition of the site.
type Lang struct {
	Code   string // "fr"; English: "en"
	Tag    string // "fr-CA", from its site.yaml's language:; English: "en-CA"
	Dir    string // "content/fr"; English: "content"
	Prefix string // "/fr"; English: "" (its URLs are the site's, as always)
}

// English is the default language: content/ itself, served at /.
var English = Lang{Code: "en", Tag: "en-CA", Dir: Root}

// IsDefault reports whether the language is the one served at /.
func (l Lang) IsDefault() bool { return l.Prefix == "" }

// Languages lists the site's languages: English, then each folder of
// content/ that holds a site.yaml, in name order. Each takes its tag from
// its site.yaml (language:); the settings' own check reports a bad one.
func Languages(fsys fs.FS) []Lang {
	en := English
	if tag := tagIn(fsys, path.Join(Root, Settings)); tag != "" {
		en.Tag = tag
	}
	langs := []Lang{en}
	entries, _ := fs.ReadDir(fsys, Root) // a missing content/ is reported by the scan
	for _, e := range entries {
		dir := path.Join(Root, e.Name())
		if e.IsDir() && IsLanguageDir(fsys, dir) {
			tag := tagIn(fsys, path.Join(dir, Settings))
			if tag == "" {
				tag = e.Name()
			}
			langs = append(langs, Lang{Code: e.Name(), Tag: tag, Dir: dir, Prefix: "/" + e.Name()})
		}
	}
	return langs
}

// tagIn reads the language: of a settings file, or "".
func tagIn(fsys fs.FS, name string) string {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return ""
	}
	var s struct {
		Language string `yaml:"language"`
	}
	if yaml.Unmarshal(data, &s) != nil || !isTag(s.Language) {
		return ""
	}
	return s.Language
}

// isTag reports a plausible language tag: letters, digits and dashes.
func isTag(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
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

// Of is the language a root-relative path belongs to: the language whose
// folder holds it, English for anything else.
func Of(langs []Lang, name string) Lang {
	for _, l := range langs {
		if !l.IsDefault() && (name == l.Dir || strings.HasPrefix(name, l.Dir+"/")) {
			return l
		}
	}
	if len(langs) > 0 {
		return langs[0]
	}
	return English
}

// ByCode finds a language by its code.
func ByCode(langs []Lang, code string) (Lang, bool) {
	for _, l := range langs {
		if l.Code == code {
			return l, true
		}
	}
	return Lang{}, false
}

// Settings is the path of the language's site.yaml.
func (l Lang) Settings() string { return path.Join(l.Dir, Settings) }

// Rel is a path inside the language's folder, relative to it:
// "content/fr/articles/x.md" → "articles/x.md".
func (l Lang) Rel(name string) string { return strings.TrimPrefix(name, l.Dir+"/") }

// Source is the path of a file given relative to the language's folder.
func (l Lang) Source(rel string) string { return path.Join(l.Dir, rel) }

// Pair is the path of the same file in another language: the translation
// of an English page, or a translation's English page.
func Pair(from, to Lang, name string) string { return to.Source(from.Rel(name)) }

// Key is a page's language-neutral key: its path relative to its
// language's folder, without ".md" ("worksheets/plan-an-apology" in every
// language).
func (l Lang) Key(src string) string { return strings.TrimSuffix(l.Rel(src), ".md") }
