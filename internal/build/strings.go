package build

import (
	"html/template"
	"io/fs"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/i18n"
	"github.com/trustguide/guide/internal/layout"
)

// siteStrings reads the strings files of the site's languages and checks
// them against what the templates and scripts use. It returns the template
// functions of the language drawn (English), and whether the strings are
// sound: when they are not, no page is drawn, so that each problem is
// reported once, at its place, and not again by every page that meets it.
// A site whose templates and scripts use no strings needs no strings files.
func siteStrings(fsys fs.FS, langs []string, problems *diag.List) (template.FuncMap, bool) {
	before := len(*problems)
	uses := i18n.Scan(fsys, problems)
	if len(uses.List) == 0 && !exists(fsys, i18n.Dir) {
		return (&i18n.Strings{}).Funcs(uses), len(*problems) == before
	}
	cat := i18n.Load(fsys, langs, problems)
	problems.Append(i18n.Check(cat, uses))
	english, _ := cat.Lang(layout.English.Code)
	return english.Funcs(uses), len(*problems) == before
}

// languageCodes names the site's languages, English first: the strings
// files each needs.
func languageCodes(fsys fs.FS) []string {
	var codes []string
	for _, l := range layout.Languages(fsys) {
		codes = append(codes, l.Code)
	}
	return codes
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
