package i18n

import (
	"fmt"
	"html/template"
)

// Funcs returns the template functions of one language:
//
//	t "key" "name" value ...  the string for key, its placeholders filled
//	scriptStrings "js/x.js" ...  the strings those scripts ask for, to be
//	                             written into the page as JSON (see the package doc)
//
// The same names must be given when the templates are parsed; Funcs of any
// language will do for that.
func (s *Strings) Funcs(uses Uses) template.FuncMap {
	return template.FuncMap{
		FuncName:        s.templateString,
		"scriptStrings": func(assets ...string) map[string]any { return s.ScriptStrings(uses, assets...) },
	}
}

func (s *Strings) templateString(key string, pairs ...any) (string, error) {
	if len(pairs)%2 != 0 {
		return "", fmt.Errorf("t %q: give names and values in pairs", key)
	}
	args := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			return "", fmt.Errorf("t %q: value names must be strings", key)
		}
		args[name] = pairs[i+1]
	}
	return s.String(key, args)
}

// ScriptStrings returns, for the scripts named by their asset names, each
// key they ask for with its text, or its plural forms by name: the value a
// page carries in <script type="application/json" id="strings">, from
// which the scripts read their strings.
func (s *Strings) ScriptStrings(uses Uses, assets ...string) map[string]any {
	out := map[string]any{}
	for _, asset := range assets {
		for _, key := range uses.ScriptKeys(asset) {
			m, ok := s.Messages[key]
			switch {
			case !ok:
				continue // reported by Check
			case m.Plural():
				out[key] = m.Forms
			default:
				out[key] = m.Text
			}
		}
	}
	return out
}
