package content

import (
	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
)

// CheckCrisisLines checks that another language's settings (src, its
// site.yaml, read as data) list every crisis line of the English settings:
// a reader of any language must find every line that could keep them safe.
// The other language may add lines. Each missing href is one error, at the
// other file's crisis list, naming the English line it lacks.
func CheckCrisisLines(english Config, src string, data []byte, problems *diag.List) {
	root, ok := parseYAML(src, data, 0, problems)
	if !ok || root == nil || root.Kind != yaml.MappingNode {
		return // unreadable settings are that language's build's to report
	}
	line, col, hrefs := 1, 1, map[string]bool{}
	if key, list := keyAndValue(root, "crisis"); key != nil {
		line, col = key.Line, key.Column
		for _, item := range list.Content {
			if href := valueOf(item, "href"); href != nil {
				hrefs[href.Value] = true
			}
		}
	}
	for _, c := range english.Crisis {
		at, _, usable := english.LinkPosition(c.Href)
		if usable && !hrefs[c.Href] { // an unusable one is reported in English, where it is mended
			problems.Add(src, line, col, "the crisis line %q (%s, %s:%d) is missing: every crisis line of %s must be here too; add it under crisis:, with its name and detail in this language",
				c.Href, c.Name, ConfigPath, at, ConfigPath)
		}
	}
}

// keyAndValue finds key in a mapping: its key node and its value.
func keyAndValue(mapping *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return mapping.Content[i], mapping.Content[i+1]
		}
	}
	return nil, nil
}
