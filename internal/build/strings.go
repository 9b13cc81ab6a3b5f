package build

import (
	"html/template"
	"io/fs"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/i18n"
	"github.com/trustguide/guide/internal/layout"
)

// siteStrings reads the strings files of the site's languages and checks
// them against what the templates and scripts use. It returns the template
// functions of each language, by code, and whether the strings are
// sound: when they are not, no page is drawn, so that each problem is
// reported once, at its place, and not again by every page that meets it.
// A site whose templates and scripts use no strings needs no strings files.
func siteStrings(fsys fs.FS, langs []string, problems *diag.List) (map[string]template.FuncMap, map[string]*i18n.Strings, bool) {
	before := len(*problems)
	uses := i18n.Scan(fsys, problems)
	uses.Complete = uses.Complete && pageTemplatesExist(fsys)
	funcs, strs := make(map[string]template.FuncMap, len(langs)), make(map[string]*i18n.Strings, len(langs))
	if len(uses.List) == 0 && !exists(fsys, i18n.Dir) {
		for _, code := range langs {
			strs[code] = &i18n.Strings{}
			funcs[code] = strs[code].Funcs(uses)
		}
		return funcs, strs, len(*problems) == before
	}
	uses.List = append(uses.List, builderUses...)
	cat := i18n.Load(fsys, langs, problems)
	problems.Append(i18n.Check(cat, uses))
	for _, code := range langs {
		s, ok := cat.Lang(code)
		if !ok {
			s = &i18n.Strings{} // reported by Load
		}
		strs[code], funcs[code] = s, s.Funcs(uses)
	}
	return funcs, strs, len(*problems) == before
}

// The strings the builder writes into pages itself, beside the templates':
// the note after a link to a page not translated, what a scale's ends
// mean, what search results call each kind of page, and for whom a
// worksheet is.
const (
	inEnglish = "link.in-english"
	scaleEnds = "worksheet.scale-ends"
)

var builderKeys = []string{inEnglish, scaleEnds,
	"kind.home", "kind.section", "kind.worksheets", "kind.worksheet", "kind.page",
	"made.notfound.title", "made.notfound.description", "made.print.title", "made.print.description",
	"audience.both", "audience.hurt-partner", "audience.partner-who-broke-trust", "audience.alone"}

// builderUses are the builder's strings as uses, for i18n.Check: a
// language that lacks one is told so at the default language's file.
var builderUses = func() []i18n.Use {
	keys := append(builderKeys, dateKeys...)
	uses := make([]i18n.Use, len(keys))
	for i, key := range keys {
		uses[i] = i18n.Use{Key: key, At: i18n.Position{Path: i18n.Dir + "/en.yaml", Line: 1, Col: 1}}
		if key == scaleEnds {
			uses[i].Args = []string{"high", "high_label", "low", "low_label"} // what scaleEnds fills
		}
	}
	return uses
}()

// text is a builder's string in a language, or "" when the site has none.
func (in *inputs) text(lang, key string) string { return in.format(lang, key, nil) }

// raw is a string of lang as written, placeholders and all: what a body
// that shows it read, to know when it changed.
func (in *inputs) raw(lang, key string) string {
	if strs := in.strings[lang]; strs != nil && strs.Messages[key] != nil {
		return strs.Messages[key].Text
	}
	return ""
}

// format is a string of lang with its placeholders filled; "" on a site
// without strings files, or when args do not fill it (the strings check
// reports that).
func (in *inputs) format(lang, key string, args map[string]any) string {
	strs := in.strings[lang]
	if strs == nil || strs.Messages[key] == nil {
		return "" // a site without strings files
	}
	s, err := strs.String(key, args)
	if err != nil {
		return ""
	}
	return s
}

// languageCodes names the site's languages, English first: the strings
// files each needs.
func languageCodes(langs []layout.Lang) []string {
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.Code)
	}
	return codes
}

// pageTemplatesExist reports whether every kind of page has its template.
// One missing is reported by the templates; the strings that only it used
// cannot be told from strings nothing uses, so none is said unused.
func pageTemplatesExist(fsys fs.FS) bool {
	for _, kind := range content.Kinds {
		if !kind.Optional() && !exists(fsys, draw.Dir+"/"+string(kind)+".html") {
			return false
		}
	}
	return exists(fsys, draw.Dir+"/base.html")
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
