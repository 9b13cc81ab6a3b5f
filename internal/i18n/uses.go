package i18n

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/trustguide/guide/internal/diag"
)

// Where the strings are used: the templates and the site's scripts.
const (
	TemplatesGlob = "templates/*.html"
	StaticDir     = "static"
)

// Use is one place where a template or script asks for a string.
type Use struct {
	Key    string
	At     Position
	Script string   // the script's asset name ("js/worksheet.js"); "" in a template
	Args   []string // the argument names a template gives, sorted; nil when not known (scripts)
}

// Uses is every string the templates and scripts ask for, found before
// anything is drawn.
type Uses struct {
	List []Use
	// Complete is false when a template could not be parsed: the keys it
	// uses are unknown, so no key can be called unused. (The template's
	// own problem is reported by the templates' loader.)
	Complete bool
}

// Scan finds every use of a string in templates/*.html and in the scripts
// under static/. A use whose key is not a quoted constant is a problem: its
// key could not be checked before pages are drawn.
func Scan(fsys fs.FS, problems *diag.List) Uses {
	uses := Uses{Complete: true}
	names, _ := fs.Glob(fsys, TemplatesGlob)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			uses.Complete = false
			continue
		}
		found, ok := templateUses(name, string(data), problems)
		uses.List = append(uses.List, found...)
		uses.Complete = uses.Complete && ok
	}
	_ = fs.WalkDir(fsys, StaticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".js" {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			uses.Complete = false
			return nil
		}
		uses.List = append(uses.List, scriptUses(name, string(data), problems)...)
		return nil
	})
	sortUses(uses.List)
	return uses
}

// ScriptKeys returns the keys the script asks for, sorted, each once: what
// a page that loads the script must carry.
func (u Uses) ScriptKeys(asset string) []string {
	var keys []string
	for _, use := range u.List {
		if use.Script == asset && (len(keys) == 0 || !contains(keys, use.Key)) {
			keys = append(keys, use.Key)
		}
	}
	sort.Strings(keys)
	return keys
}

func sortUses(list []Use) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].At, list[j].At
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// positionOf turns a byte offset of text into a 1-based line and a column
// counted in characters.
func positionOf(file, text string, offset int) Position {
	before := text[:offset]
	line := 1 + strings.Count(before, "\n")
	start := strings.LastIndexByte(before, '\n') + 1
	return Position{file, line, 1 + utf8.RuneCountInString(before[start:])}
}
