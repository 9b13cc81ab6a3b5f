package layout

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestLanguagesAreFoldersWithSettings(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.yaml":            {Data: []byte("title: x\n")},
		"content/fr/site.yaml":         {Data: []byte("language: fr-CA\n")},
		"content/fr/articles/x.md":     {Data: []byte("---\n")},
		"content/articles/x.md":        {Data: []byte("---\n")},
		"content/éclairages/_index.md": {Data: []byte("---\n")},
		"content/a/b/site.yaml":        {Data: []byte("title: x\n")}, // not right under content/
	}
	want := []Lang{English, {Code: "fr", Tag: "fr-CA", Dir: "content/fr", Prefix: "/fr"}}
	if got := Languages(fsys); !reflect.DeepEqual(got, want) {
		t.Errorf("Languages = %+v, want %+v", got, want)
	}
	for name, want := range map[string]bool{
		"content/fr":                   true,
		"content/fr/articles/x.md":     true,
		"content/fr/site.yaml":         true,
		"content/articles/x.md":        false,
		"content/site.yaml":            false,
		"content/éclairages/_index.md": false,
		"content/a/b/site.yaml":        false,
		"content":                      false,
		"templates/fr/site.yaml":       false,
	} {
		if got := InOtherLanguage(fsys, name); got != want {
			t.Errorf("InOtherLanguage(%q) = %v, want %v", name, got, want)
		}
	}
}
