package i18n

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

func checked(t *testing.T, en, fr string, templates map[string]string) []string {
	t.Helper()
	files := map[string]string{Dir + "/en.yaml": en, Dir + "/fr.yaml": fr}
	c, problems := load(t, files, "en", "fr")
	if len(problems) > 0 {
		t.Fatalf("files: %v", problems)
	}
	uses, problems := scan(t, templates)
	if len(problems) > 0 {
		t.Fatalf("scan: %v", problems)
	}
	var out []string
	for _, d := range Check(c, uses).Sort() {
		out = append(out, d.String())
	}
	return out
}

func expect(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d problems:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

var allUsed = map[string]string{
	"templates/base.html": `{{t "nav.skip"}} {{t "search.none" "query" .Q}}`,
	"static/js/packet.js": `say(t("packet.count", {n: list.length}));`,
}

func TestMatchingFilesPass(t *testing.T) {
	expect(t, checked(t, enYAML, frYAML, allUsed))
}

func TestMissingKeyOnceAtItsFirstUse(t *testing.T) {
	templates := map[string]string{
		"templates/a.html":    "\n  {{t \"nav.skip\"}} {{t \"nav.skip\"}}",
		"templates/b.html":    `{{t "nav.skip"}} {{t "search.none" "query" .Q}}`,
		"static/js/packet.js": `t("packet.count")`,
	}
	fr := strings.Replace(frYAML, "nav.skip: Aller au contenu principal\n", "", 1)
	expect(t, checked(t, enYAML, fr, templates),
		`templates/a.html:2:7: there is no string "nav.skip" in templates/i18n/fr.yaml: add it there`)
}

// A key mistyped in a template is one slip: the missing key is reported
// with the one it was meant to be, which is not reported unused too.
func TestMistypedKeyIsOneProblem(t *testing.T) {
	templates := map[string]string{
		"templates/base.html": `{{t "nav.skipp"}} {{t "search.none" "query" .Q}}`,
		"static/js/packet.js": `say(t("packet.count", {n: list.length}));`,
	}
	expect(t, checked(t, enYAML, frYAML, templates),
		`templates/base.html:1:5: there is no string "nav.skipp" in templates/i18n/en.yaml or templates/i18n/fr.yaml: did you mean "nav.skip"?`)
}

// A value reported unusable (a stray brace, a plural form missing) is one
// problem, at the value: its key is not missing at its uses too.
func TestUnusableValueIsOneProblem(t *testing.T) {
	en := strings.Replace(enYAML, "nav.skip: Skip to the main content", "nav.skip: Skip { to", 1)
	c, problems := load(t, map[string]string{Dir + "/en.yaml": en, Dir + "/fr.yaml": frYAML}, "en", "fr")
	uses, _ := scan(t, allUsed)
	problems.Append(Check(c, uses))
	if len(problems) != 1 || problems[0].Path != Dir+"/en.yaml" {
		t.Errorf("want one problem, in en.yaml; got %v", problems)
	}
}

func TestUnusedKeyInEachFile(t *testing.T) {
	expect(t, checked(t, enYAML+"old: Old\n", frYAML+"old: Vieux\n", allUsed),
		`templates/i18n/en.yaml:6:1: no template or script uses "old"`,
		`templates/i18n/fr.yaml:6:1: no template or script uses "old"`)
}

func TestLanguagesDiffer(t *testing.T) {
	fr := strings.Replace(frYAML, "« {query} »", "« {requete} »", 1)
	fr = strings.Replace(fr, "nav.skip: Aller au contenu principal", "nav.skip:\n  one: Aller\n  other: Aller", 1)
	expect(t, checked(t, enYAML, fr, allUsed),
		`templates/i18n/fr.yaml:1:1: "nav.skip" has plural forms here but is one string in the reference (templates/i18n/en.yaml:1)`,
		`templates/i18n/fr.yaml:7:1: "search.none" takes {requete} here but {query} in the reference (templates/i18n/en.yaml:5)`)
}

func TestTemplateGivesOtherValues(t *testing.T) {
	templates := map[string]string{
		"templates/base.html": `{{t "nav.skip" "n" 1}} {{t "search.none"}}`,
		"static/js/packet.js": `t("packet.count")`,
	}
	expect(t, checked(t, enYAML, frYAML, templates),
		`templates/base.html:1:5: string "nav.skip" is given {n} but takes no values`,
		`templates/base.html:1:28: string "search.none" is given no values but takes {query}`)
}

func TestNoKeyIsUnusedWhenATemplateCannotBeRead(t *testing.T) {
	templates := map[string]string{"templates/base.html": `{{t "nav.skip"}}`, "templates/bad.html": `{{end}}`}
	expect(t, checked(t, enYAML, frYAML, templates))
}

func TestTemplateFunctions(t *testing.T) {
	c, _ := load(t, map[string]string{Dir + "/en.yaml": enYAML, Dir + "/fr.yaml": frYAML}, "en", "fr")
	uses, _ := scan(t, allUsed)
	fr, _ := c.Lang("fr")
	page := template.Must(template.New("p").Funcs(fr.Funcs(uses)).Parse(
		`<p>{{t "packet.count" "n" .N}}</p><script type="application/json" id="strings">{{scriptStrings "js/packet.js"}}</script>`))
	var b bytes.Buffer
	if err := page.Execute(&b, map[string]int{"N": 0}); err != nil {
		t.Fatal(err)
	}
	want := `<p>0 fiche</p><script type="application/json" id="strings">{"packet.count":{"one":"{n} fiche","other":"{n} fiches"}}</script>`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A language whose file is missing, or cannot be read as YAML, is one
// problem, said by Load: not one more for every key the templates use.
func TestUnreadFileIsOneProblem(t *testing.T) {
	for name, fr := range map[string]*string{"missing": nil, "broken": new("nav.skip: [\n")} {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{Dir + "/en.yaml": enYAML}
			if fr != nil {
				files[Dir+"/fr.yaml"] = *fr
			}
			c, problems := load(t, files, "en", "fr")
			uses, _ := scan(t, allUsed)
			problems.Append(Check(c, uses))
			if len(problems) != 1 || problems[0].Path != Dir+"/fr.yaml" {
				t.Errorf("want one problem, in fr.yaml; got %v", problems)
			}
		})
	}
}
