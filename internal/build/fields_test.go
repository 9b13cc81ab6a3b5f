package build

import (
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/translation"
)

// A translated worksheet keeps its English page's fields, or answers kept
// in one language would not open in the other: a field with another id,
// another kind or other scale bounds is an error at the translation's
// field, in a clean build and in the rebuild after the edit.
func TestTranslatedWorksheetKeepsItsFields(t *testing.T) {
	fsys := frenchSite(t, nil)
	hash := translation.Hash(fsys["content/worksheets/name-it.md"].Data)
	page := func(fields string) string {
		return "---\ntitle: Le nommer\ndescription: d\nshort: nommer\nsource: " + hash + "\n---\nRemplir.\n\n" + fields
	}
	good := "? Qu'ai-je fait, en mots simples? {#what-did-i-do-in-plain-words}\n" +
		"? Une chose que je ferai autrement : ___ {#one-thing-i-will-do-differently}\n" +
		"? Quel espoir ai-je? [0-10: aucun | beaucoup] {#how-hopeful-do-i-feel}\n" +
		"- [ ] Je l'ai dit à voix haute. {#i-said-it-out-loud}\n"
	set(fsys, "content/fr/worksheets/name-it.md", page(good))
	b := NewBuilder(fsys, Options{})
	if r := b.Build(nil); r.Problems.HasErrors() {
		t.Fatalf("a translation with the same fields: %s", r.Problems.Error())
	}
	for _, c := range []struct{ from, to, at, want string }{
		{"{#how-hopeful-do-i-feel}", "{#espoir}", "content/fr/worksheets/name-it.md:11:1", "how-hopeful-do-i-feel"},
		{"[0-10:", "[1-5:", "content/fr/worksheets/name-it.md:11:1", "0-10"},
		{": ___ {#one", "? {#one", "content/fr/worksheets/name-it.md:10:1", "one-thing-i-will-do-differently"},
	} {
		set(fsys, "content/fr/worksheets/name-it.md", page(strings.Replace(good, c.from, c.to, 1)))
		wantOnly(t, Site(fsys, Options{}).Problems, c.at, c.want)
		wantOnly(t, b.Build([]string{"content/fr/worksheets/name-it.md"}).Problems, c.at, c.want)
		set(fsys, "content/fr/worksheets/name-it.md", page(good))
		if r := b.Build([]string{"content/fr/worksheets/name-it.md"}); r.Problems.HasErrors() {
			t.Fatalf("after mending %s: %s", c.to, r.Problems.Error())
		}
	}
}

// What a scale's ends mean is said in the page's language, from the
// strings files: no English words from Go in a French page.
func TestScaleEndsInThePagesLanguage(t *testing.T) {
	fsys := frenchSite(t, nil)
	hash := translation.Hash(fsys["content/worksheets/name-it.md"].Data)
	set(fsys, "content/fr/worksheets/name-it.md", "---\ntitle: Le nommer\ndescription: d\nshort: nommer\nsource: "+hash+"\n---\nRemplir.\n\n"+
		"? Qu'ai-je fait? {#what-did-i-do-in-plain-words}\n? Une chose : ___ {#one-thing-i-will-do-differently}\n"+
		"? Quel espoir? [0-10: aucun | beaucoup] {#how-hopeful-do-i-feel}\n- [ ] Dit. {#i-said-it-out-loud}\n")
	b := NewBuilder(fsys, Options{})
	r := b.Build(nil)
	wantIn(t, r, "fr/worksheets/name-it/index.html", `<span class="worksheet-scale-ends">0 veut dire aucun, 10 veut dire beaucoup</span>`)
	wantIn(t, r, "worksheets/name-it/index.html", `<span class="worksheet-scale-ends">0 means not at all, 10 means very</span>`)
	if strings.Contains(string(r.Files["fr/worksheets/name-it/index.html"]), " means ") {
		t.Error("the French worksheet says what its scale's ends mean in English")
	}
	fr := string(fsys["templates/i18n/fr.yaml"].Data)
	set(fsys, "templates/i18n/fr.yaml", strings.Replace(fr, "{low} veut dire", "{low} signifie", 1))
	r = b.Build([]string{"templates/i18n/fr.yaml"})
	wantIn(t, r, "fr/worksheets/name-it/index.html", `0 signifie aucun, 10 veut dire beaucoup`)
	if diff := compareResults(r, Site(fsys, Options{})); diff != "" {
		t.Errorf("after the French strings changed, the incremental build differs from a clean one: %s", diff)
	}
}
