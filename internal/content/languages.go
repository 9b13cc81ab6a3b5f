package content

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
)

// CheckLanguageTag checks that another language's settings (src, its
// site.yaml, read as data) do not name the default language's tag: a
// site.yaml copied from content/ and not changed would tag every page of
// the folder, and its hreflang alternates, with the other language.
func CheckLanguageTag(defaultTag, src string, data []byte, problems *diag.List) {
	root, ok := parseYAML(src, data, 0, new(diag.List))
	if !ok || root == nil || root.Kind != yaml.MappingNode {
		return // unreadable settings are that language's build's to report
	}
	key, value := keyAndValue(root, "language")
	if key == nil || !strings.EqualFold(strings.TrimSpace(value.Value), defaultTag) {
		return
	}
	problems.Add(src, value.Line, value.Column, "language %q is the language of %s too: each language has its own; "+
		"correct this one, or %s's if that is the one that is wrong", value.Value, ConfigPath, ConfigPath)
}
