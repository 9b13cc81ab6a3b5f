package build

import (
	"html/template"
	"io/fs"
	"maps"

	"github.com/trustguide/guide/internal/assets"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/layout"
)

// The languages of a build: each language's templates, drawn with its own
// strings and links, and each language's settings checked against the
// default language's.

// loadTemplates parses the templates with the static files' URLs, the
// site's address and the strings that their functions give, and checks
// the strings of every language against the templates and scripts.
// Each language's pages are drawn from their own parse of the templates,
// whose t gives that language's strings; the problems of the templates
// are the same in every language, and reported once.
func (j *job) loadTemplates(in *inputs, langs []string) {
	in.partDiag[templatesPart], in.langs = nil, langs
	strs, texts, ok := siteStrings(j.fsys, langs, &in.partDiag[templatesPart])
	in.strings = texts
	in.templates, in.byLang = nil, map[string]*draw.Templates{}
	for i, code := range langs {
		funcs := j.templateFuncs(in.assets, j.baseURL(in.english()))
		maps.Copy(funcs, strs[code])
		lang, _ := layout.ByCode(in.languages, code)
		funcs["href"] = lang.Path
		funcs["date"] = dateFunc(texts[code])
		var problems diag.List
		t := draw.LoadTemplates(j.fsys, funcs, j.tools.templates, &problems)
		if i == 0 {
			in.partDiag[templatesPart].Append(problems)
			in.templates = t
		}
		in.byLang[code] = t
	}
	if !ok || in.templates == nil {
		in.templates, in.byLang = nil, nil
	}
	in.look = j.tools.version()
}

// english is the default language's settings.
func (in *inputs) english() content.Config { return in.configs[in.languages[0].Code] }

// checkLanguages checks each other language's settings against the
// English ones: a language of its own, and every crisis line in each.
func checkLanguages(fsys fs.FS, langs []layout.Lang, english content.Config) diag.List {
	var problems diag.List
	for _, lang := range langs[1:] {
		src := lang.Settings()
		data, err := fs.ReadFile(fsys, src)
		if err != nil {
			problems.Add(src, 0, 0, "cannot read: %v", content.ReadError(err))
			continue
		}
		content.CheckLanguageTag(langs[0].Tag, src, data, &problems)
		content.CheckCrisisLines(english, src, data, &problems)
	}
	return problems
}

// templateFuncs are the functions templates may call: asset gives a static
// file's fingerprinted URL, absURL a full URL on the published site; and
// href (loadTemplates) a site path in the page's language: "/safety/" in
// English, "/fr/safety/" in French; date a day of the front matter as the
// language writes it ("2 mars 2026").
func (j *job) templateFuncs(set *assets.Set, baseURL string) template.FuncMap {
	return template.FuncMap{
		"asset":  func(name string) (string, error) { return set.URL(name) },
		"absURL": func(p string) string { return draw.Absolute(baseURL, p) },
		"href":   func(p string) string { return p },
		"date":   func(day string) string { return day },
	}
}

// baseURL is where the site is published: -base-url, else site.yaml's.
func (j *job) baseURL(c content.Config) string {
	if j.opt.BaseURL != "" {
		return draw.Absolute(j.opt.BaseURL, "")
	}
	return c.BaseURL
}
