package build

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The small site's base template writes {{t "nav.skip"}} on line 11, and
// templates/i18n/en.yaml has that one string.
func TestStringsAreDrawn(t *testing.T) {
	r := Site(smallSite(t, nil), Options{})
	if errs := r.Problems.Errors(); len(errs) > 0 {
		t.Fatal(errs.Error())
	}
	if page := string(r.Files["index.html"]); !strings.Contains(page, `<a href="#main">Skip</a>`) {
		t.Errorf("the home page does not show the string:\n%s", page)
	}
}

func TestStringsProblemsFailTheBuildAtTheirPlace(t *testing.T) {
	french := map[string]string{"content/fr/site.yaml": "", "templates/i18n/fr.yaml": "nav.skip: Aller au contenu\n" + builderFR}
	for _, c := range []struct {
		name     string
		changes  map[string]string
		at, text string
	}{
		{"a key missing from the file", map[string]string{"templates/i18n/en.yaml": "other: x\n" + builderEN, "templates/_x.html": "{{t \"other\"}}"},
			"templates/base.html:11:21", `there is no string "nav.skip" in templates/i18n/en.yaml`},
		{"a key no template uses", map[string]string{"templates/i18n/en.yaml": "nav.skip: Skip\nnav.gone: Gone\n" + builderEN},
			"templates/i18n/en.yaml:2:1", `no template or script uses "nav.gone"`},
		{"a template giving other values", map[string]string{"templates/i18n/en.yaml": "nav.skip: Skip\nmin: About {n} minutes\n" + builderEN,
			"templates/_x.html": "\n  {{t \"min\" \"count\" 3}}"},
			"templates/_x.html:2:7", `string "min" is given {count} but takes {n}`},
		{"a translation with other placeholders", with(french, "templates/i18n/en.yaml", "nav.skip: Skip\nmin: About {n} minutes\n"+builderEN,
			"templates/i18n/fr.yaml", "nav.skip: Aller\nmin: Environ {m} minutes\n"+builderFR, "templates/_x.html", `{{t "min" "n" 3}}`),
			"templates/i18n/fr.yaml:2:1", `"min" takes {m} here but {n} in the reference`},
		{"a language without its strings", with(french, "templates/i18n/fr.yaml", ""),
			"templates/i18n/fr.yaml:1:1", "missing"},
		{"a key used by a script only", map[string]string{"static/js/x.js": "\nsay(t(\"js.only\"));"},
			"static/js/x.js:2:7", `there is no string "js.only"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := smallSite(t, c.changes)
			if _, ok := c.changes["content/fr/site.yaml"]; ok {
				set(fsys, "content/fr/site.yaml", frenchSettings(fsys))
			}
			r := Site(fsys, Options{})
			wantOnly(t, r.Problems, c.at, c.text)
			if _, drawn := r.Files["index.html"]; drawn {
				t.Error("pages were drawn with broken strings")
			}
		})
	}
}

// builderEN and builderFR are the strings the builder itself shows
// (builderKeys), for test sites that write their own strings files.
const (
	builderEN = "date.format: \"{month} {day}, {year}\"\ndate.day.first: \"1\"\ndate.month.1: M1\ndate.month.2: M2\ndate.month.3: M3\ndate.month.4: M4\ndate.month.5: M5\ndate.month.6: M6\ndate.month.7: M7\ndate.month.8: M8\ndate.month.9: M9\ndate.month.10: M10\ndate.month.11: M11\ndate.month.12: M12\nlink.in-english: (in English)\nworksheet.scale-ends: \"{low} means {low_label}, {high} means {high_label}\"\nkind.home: home\nkind.section: section\nkind.worksheets: list of worksheets\nkind.worksheet: worksheet\nkind.page: page\naudience.both: Both\naudience.hurt-partner: Hurt\naudience.partner-who-broke-trust: Broke\naudience.alone: Alone\nmade.notfound.title: Page not found\nmade.notfound.description: There is no page at this address.\nmade.print.title: The whole guide\nmade.print.description: Every article of the guide on one page, in order, to print.\n"
	builderFR = "date.format: \"{day} {month} {year}\"\ndate.day.first: 1er\ndate.month.1: janvier\ndate.month.2: février\ndate.month.3: mars\ndate.month.4: avril\ndate.month.5: mai\ndate.month.6: juin\ndate.month.7: juillet\ndate.month.8: août\ndate.month.9: septembre\ndate.month.10: octobre\ndate.month.11: novembre\ndate.month.12: décembre\nlink.in-english: (en anglais)\nworksheet.scale-ends: \"{low} veut dire {low_label}, {high} veut dire {high_label}\"\nkind.home: accueil\nkind.section: section\nkind.worksheets: liste des fiches\nkind.worksheet: fiche\nkind.page: page\naudience.both: Both\naudience.hurt-partner: Hurt\naudience.partner-who-broke-trust: Broke\naudience.alone: Alone\nmade.notfound.title: Page introuvable\nmade.notfound.description: d\nmade.print.title: Le guide\nmade.print.description: d\n"
)

// frenchSettings is the small site's settings as a French edition of it
// would hold them: a copy, with its own language.
func frenchSettings(fsys fstest.MapFS) string {
	return strings.Replace(string(fsys["content/site.yaml"].Data), "language: en\n", "language: fr-CA\n", 1)
}

// with returns a copy of changes with more name, text pairs.
func with(changes map[string]string, pairs ...string) map[string]string {
	out := map[string]string{}
	for k, v := range changes {
		out[k] = v
	}
	for i := 0; i < len(pairs); i += 2 {
		out[pairs[i]] = pairs[i+1]
	}
	return out
}

// A strings file or script changed in a watched build is checked again.
func TestStringsCheckedAgainOnChange(t *testing.T) {
	fsys := smallSite(t, nil)
	b := NewBuilder(fsys, Options{})
	if r := b.Build(nil); r.Problems.HasErrors() {
		t.Fatal(r.Problems.Error())
	}
	set(fsys, "templates/i18n/en.yaml", "nav.skip: Skip\nnav.gone: Gone\n"+builderEN)
	wantOnly(t, b.Build([]string{"templates/i18n/en.yaml"}).Problems, "templates/i18n/en.yaml:2:1", "nav.gone")
	set(fsys, "static/js/x.js", `t("nav.gone")`)
	if r := b.Build([]string{"static/js/x.js"}); r.Problems.HasErrors() {
		t.Errorf("the script's use was not seen: %s", r.Problems.Error())
	}
	set(fsys, "content/fr/site.yaml", frenchSettings(fsys))
	wantOnly(t, b.Build([]string{"content/fr/site.yaml"}).Problems, "templates/i18n/fr.yaml:1:1", "missing")
}
