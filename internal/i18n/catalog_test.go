package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
)

const enYAML = `nav.skip: Skip to the main content
packet.count:
  one: One worksheet
  other: "{n} worksheets"
search.none: Nothing found for “{query}”.
`

const frYAML = `nav.skip: Aller au contenu principal
packet.count:
  one: "{n} fiche"
  other: "{n} fiches"
search.none: Rien trouvé pour « {query} ».
`

func load(t *testing.T, files map[string]string, langs ...string) (*Catalog, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var problems diag.List
	return Load(fsys, langs, &problems), problems
}

func TestPluralFormsComeFromCLDR(t *testing.T) {
	c, problems := load(t, map[string]string{Dir + "/en.yaml": enYAML, Dir + "/fr.yaml": frYAML}, "en", "fr")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 worksheets"}, {"en", 1, "One worksheet"}, {"en", 2, "2 worksheets"},
		{"fr", 0, "0 fiche"}, {"fr", 1, "1 fiche"}, {"fr", 2, "2 fiches"}, // French: 0 and 1 are singular
		{"en", 1500, "1,500 worksheets"}, {"fr", 1500, "1\u00a0500 fiches"},
	} {
		s, _ := c.Lang(tc.lang)
		got, err := s.String("packet.count", map[string]any{"n": tc.n})
		if err != nil || got != tc.want {
			t.Errorf("%s, n=%d: got %q, %v; want %q", tc.lang, tc.n, got, err, tc.want)
		}
	}
}

func TestLangByTag(t *testing.T) {
	c, _ := load(t, map[string]string{Dir + "/en.yaml": enYAML, Dir + "/fr.yaml": frYAML}, "en", "fr")
	s, ok := c.Lang("fr-CA")
	if !ok || s.Lang != "fr" {
		t.Fatalf("Lang(fr-CA) = %v, %v; want the fr strings", s, ok)
	}
	got, _ := s.String("search.none", map[string]any{"query": "confiance"})
	if got != "Rien trouvé pour « confiance »." {
		t.Errorf("got %q", got)
	}
	if _, ok := c.Lang("de"); ok {
		t.Error("Lang(de) found strings the site does not have")
	}
}

func TestStringRefusesWhatTheCheckWouldCatch(t *testing.T) {
	c, _ := load(t, map[string]string{Dir + "/en.yaml": enYAML}, "en")
	s := c.Langs[0]
	if _, err := s.String("nope", nil); err == nil {
		t.Error("a missing key gave no error")
	}
	if _, err := s.String("packet.count", map[string]any{"n": "two"}); err == nil {
		t.Error("a plural string without a whole-number n gave no error")
	}
}

func TestFileProblemsAtTheirPlace(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"duplicate", "a: x\nb: y\na: z\n", `templates/i18n/en.yaml:3:1: "a" is set twice (first on line 1)`},
		{"empty", "a: x\nb:\n", `templates/i18n/en.yaml:2:3: "b" is empty`},
		{"empty quoted", "b: \"\"\n", `templates/i18n/en.yaml:1:4: "b" is empty`},
		{"stray brace", "a: Hello { name}\n", `templates/i18n/en.yaml:1:4: "a" has a brace that starts no placeholder`},
		{"unknown form", "a:\n  one: x\n  few: y\n  other: z\n", `templates/i18n/en.yaml:3:3: "a": "few" is not a plural form of en, whose forms are one and other`},
		{"missing form", "a:\n  other: \"{n} things\"\n", `templates/i18n/en.yaml:2:3: "a" has no "one" form: en needs one and other`},
		{"bad key", "Nav Skip: x\n", `templates/i18n/en.yaml:1:1: "Nav Skip" is not a usable key`},
		{"list", "a: [x, y]\n", `templates/i18n/en.yaml:1:4: "a" must be a string, or one string per plural form`},
		{"not a mapping", "- a\n- b\n", `templates/i18n/en.yaml:1:1: the file must map keys to strings`},
		{"form twice", "a:\n  one: x\n  one: y\n  other: z\n", `templates/i18n/en.yaml:3:3: "a": the form "one" is set twice`},
		{"syntax", "a: x\n  b: y\n", `templates/i18n/en.yaml:2:1: the YAML cannot be read`},
		{"bracket never closed", "a: x\nb: [y\nc: z\n", `templates/i18n/en.yaml:2:1: the YAML cannot be read`}, // the YAML package says line 1
	} {
		_, problems := load(t, map[string]string{Dir + "/en.yaml": tc.text}, "en")
		if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tc.want) {
			t.Errorf("%s: got %v\nwant one problem starting %q", tc.name, problems, tc.want)
		}
	}
}

func TestMissingFileSaysWhatToDo(t *testing.T) {
	_, problems := load(t, map[string]string{Dir + "/en.yaml": enYAML}, "en", "fr")
	if len(problems) != 1 || problems[0].Path != Dir+"/fr.yaml" || !strings.Contains(problems[0].Message, "copy templates/i18n/en.yaml here") {
		t.Errorf("got %v", problems)
	}
}
