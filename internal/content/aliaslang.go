package content

import (
	"strings"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
)

// checkAliasLanguages warns of an alias that is an address of another
// language's pages: whoever kept that link, printed or saved, reads that
// language, and would land on a page in this one. Short links (/w/) are
// one namespace over every language, so they belong to none.
func (s *Site) checkAliasLanguages(problems *diag.List) {
	for _, p := range s.Pages {
		for i, a := range p.Meta.Aliases {
			if strings.HasPrefix(a, layout.ShortPrefix) || SitePathProblem(a) != "" {
				continue
			}
			if lang := urlLang(s.Langs, a); lang.Code != p.Lang.Code {
				line, col := p.Meta.AliasPosition(i)
				problems.Warn(p.Source, line, col, "alias %s is an address of the %s pages (%s/), and this page is %s: "+
					"its readers would land in another language; give it to the page of %s/ that replaces it, "+
					"and keep it here only if there is none", a, lang.Tag, lang.Dir, p.Lang.Tag, lang.Dir)
			}
		}
	}
}

// urlLang is the language whose pages a site path is an address of.
func urlLang(langs []layout.Lang, url string) layout.Lang {
	for _, l := range langs {
		if !l.IsDefault() && (url == l.Prefix || strings.HasPrefix(url, l.Prefix+"/")) {
			return l
		}
	}
	return langs[0]
}
