package translation

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
)

// ContentDir is the folder of the pages; a language's translations are in
// its folder under it: content/fr/.
const ContentDir = "content"

// State is how current a translation is.
type State int

const (
	Missing   State = iota // no file at the English page's path under the language's folder
	Unmarked               // a translation that records no source
	OutOfDate              // the English page changed since the translation's source
	UpToDate               // made from the English page as it is
)

// Entry is one English page and its translation in one language.
type Entry struct {
	English          string // "content/articles/acknowledge.md"
	Translation      string // "content/fr/articles/acknowledge.md"
	State            State
	Draft            bool   // the English page is a draft
	TranslationDraft bool   // the translation is a draft (as "guide new" starts it)
	Updated          string // the English page's updated: (else date:) day, as its author gave it; "" if neither
	Since            string // for an out-of-date translation, since when, where the caller can tell (version control): "2026-11-05"; "" if not
	source           string // the hash the translation records
	sourceLine       int    // the file line of its "source:", 0 when none
}

// TranslationOf returns where the translation of an English page is.
func TranslationOf(english, lang string) string {
	return ContentDir + "/" + lang + strings.TrimPrefix(english, ContentDir)
}

// EnglishOf returns the English page a translation translates.
func EnglishOf(translation, lang string) string {
	return ContentDir + strings.TrimPrefix(translation, ContentDir+"/"+lang)
}

// Status pairs every English page with its translation in lang, in path
// order. langs are the folders of all the site's other languages, whose
// pages are not English pages. Unreadable files are left to the build to
// report.
func Status(fsys fs.FS, lang string, langs []string) []Entry {
	var entries []Entry
	_ = fs.WalkDir(fsys, ContentDir, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && name != ContentDir && (content.Ignored(d.Name()) || isLangDir(name, langs)):
			return fs.SkipDir
		case d.IsDir() || !content.IsPage(name):
			return nil
		}
		if e, ok := entry(fsys, name, lang); ok {
			entries = append(entries, e)
		}
		return nil
	})
	return entries
}

func isLangDir(dir string, langs []string) bool {
	for _, l := range langs {
		if dir == ContentDir+"/"+l {
			return true
		}
	}
	return false
}

func entry(fsys fs.FS, english, lang string) (Entry, bool) {
	data, err := fs.ReadFile(fsys, english)
	if err != nil {
		return Entry{}, false
	}
	e := fromEnglish(data) // Missing
	if translated, err := fs.ReadFile(fsys, TranslationOf(english, lang)); err == nil {
		e = Compare(data, translated)
	}
	e.English, e.Translation = english, TranslationOf(english, lang)
	return e, true
}

// Compare tells how current a translation is, from the bytes of the
// English page and of its translation, for a build that holds both
// already. The entry's paths are the caller's to fill in; so is a missing
// translation (State Missing, from the English page alone).
func Compare(english, translation []byte) Entry {
	e := fromEnglish(english)
	e.State = Unmarked
	p, err := splitPage(translation)
	if err != nil {
		return e
	}
	m := p.meta()
	e.TranslationDraft = m.Draft
	e.source = strings.TrimSpace(m.Source)
	e.sourceLine = p.keyLine("source") + 1
	switch {
	case e.source == "":
		e.State = Unmarked
	case e.source == Hash(english):
		e.State = UpToDate
	default:
		e.State = OutOfDate
	}
	return e
}

// Source is the hash the translation records in source:, "" if none.
func (e Entry) Source() string { return e.source }

// fromEnglish is what an entry says of the English page alone: whether it
// is a draft, and its updated: (else date:) day.
func fromEnglish(english []byte) Entry {
	var e Entry
	if p, err := splitPage(english); err == nil {
		m := p.meta()
		e.Draft, e.Updated = m.Draft, day(m.Updated, m.Date)
	}
	return e
}

// day returns the day of the first date given ("2026-03-02" of
// "2026-03-02T10:00:00Z").
func day(dates ...string) string {
	for _, d := range dates {
		if d != "" {
			return strings.SplitN(d, "T", 2)[0]
		}
	}
	return ""
}

// Problems are what build and check say about translations: a warning at
// the first line of each translation that is out of date or records no
// source, and an error at a "source:" that is not a hash at all.
func Problems(entries []Entry) diag.List {
	var l diag.List
	for _, e := range entries {
		switch {
		case e.State == OutOfDate && !hashPattern.MatchString(e.source):
			l.Add(e.Translation, e.sourceLine, 1, "source: must be the %d-digit hash of %s that \"guide translations -mark %s\" writes; run it once the translation matches the English page", HashLen, e.English, e.Translation)
		case e.State == OutOfDate:
			l.Warn(e.Translation, 1, 1, "%s", OutOfDateMessage(e.English, e.Translation))
		case e.State == Unmarked:
			l.Warn(e.Translation, 1, 1, "%s", UnmarkedMessage(e.English, e.Translation))
		}
	}
	return l
}

// The messages about a translation, the same from build, check, serve and
// guide translations: one wording, one place.

// OutOfDateMessage says that english changed since translation was made.
func OutOfDateMessage(english, translation string) string {
	return fmt.Sprintf("%s has changed since this translation was made: update the translation, then run \"guide translations -mark %s\"", english, translation)
}

// UnmarkedMessage says that translation records no source.
func UnmarkedMessage(english, translation string) string {
	return fmt.Sprintf("this translation does not say which version of %s it translates: once it matches the English page, run \"guide translations -mark %s\"", english, translation)
}

// OrphanMessage says that the English page a translation names is gone;
// dir is the language's folder.
func OrphanMessage(english, dir string) string {
	return fmt.Sprintf("this translates %s, which does not exist: move this file to the English page's new path under %s/, or remove source: if the page is its own", english, dir)
}

// Orphans reports each translation in lang whose front matter names a
// source but whose English page does not exist: a page moved or renamed
// in English, not in the translation. A page of lang with no source is a
// page of that language alone, which is allowed.
func Orphans(fsys fs.FS, lang string) diag.List {
	var l diag.List
	root := path.Join(ContentDir, lang)
	_ = fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !content.IsPage(name) {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil
		}
		p, err := splitPage(data)
		if err != nil || p.meta().Source == "" {
			return nil
		}
		english := EnglishOf(name, lang)
		if _, err := fs.Stat(fsys, english); err != nil {
			l.Add(name, p.keyLine("source")+1, 1, "%s", OrphanMessage(english, root))
		}
		return nil
	})
	return l
}
