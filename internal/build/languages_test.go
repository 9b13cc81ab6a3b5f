package build

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/translation"
)

// frenchSite is the small site with a French edition: settings, strings, a
// home page, a translation of the first article (current), and a
// worksheet with its own short link.
func frenchSite(t *testing.T, changes map[string]string) fstest.MapFS {
	t.Helper()
	fsys := smallSite(t, nil)
	first, home := translation.Hash(fsys["content/articles/first.md"].Data), translation.Hash(fsys["content/_index.md"].Data)
	for name, text := range map[string]string{
		"content/fr/site.yaml": "title: Petit\nlanguage: fr-CA\ndescription: Un petit site.\nquick_exit: https://www.example.com/\n" +
			"crisis:\n  - name: Urgence\n    href: tel:911\nmenu:\n  - title: Début\n    url: /fr/articles/first/\n",
		"templates/i18n/fr.yaml":         "nav.skip: Aller au contenu\n" + builderFR,
		"content/fr/_index.md":           "---\ntitle: Accueil\ndescription: d\nsource: " + home + "\n---\nBonjour.\n",
		"content/fr/articles/first.md":   "---\ntitle: Le premier pas\ndescription: d\nstep: 1\ndate: 2026-11-02\nsource: " + first + "\n---\nIl a dit \"Oui\". Voir [la suite](second.md).\n",
		"content/fr/worksheets/fiche.md": "---\ntitle: Fiche\ndescription: d\nshort: fiche\narticle: ../articles/first.md\n---\nRemplir.\n",
	} {
		set(fsys, name, text)
	}
	for name, text := range changes {
		set(fsys, name, text)
	}
	return fsys
}

func buildClean(t *testing.T, fsys fstest.MapFS) Result {
	t.Helper()
	r := Site(fsys, Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems.Error())
	}
	return r
}

func wantIn(t *testing.T, r Result, file string, parts ...string) {
	t.Helper()
	page, ok := r.Files[file]
	if !ok {
		t.Errorf("no %s", file)
		return
	}
	for _, p := range parts {
		if !strings.Contains(string(page), p) {
			t.Errorf("%s lacks %s:\n%s", file, p, page)
		}
	}
}

// Both languages come out of one build, French under /fr/ with its own
// home, 404 page, print view, feed, search index and not-found rule.
func TestTwoLanguagesInOneBuild(t *testing.T) {
	r := buildClean(t, frenchSite(t, nil))
	wantIn(t, r, "fr/index.html", `<html lang="fr-CA">`, "<title>Accueil · Petit</title>", `<a href="/fr/articles/first/">Début</a>`)
	wantIn(t, r, "fr/articles/first/index.html", `<html lang="fr-CA">`,
		`<ol><li><a href="/fr/">Accueil</a></li><li><a href="/fr/articles/">Articles</a></li></ol>`,
		"Il a dit «\u202fOui\u202f».")
	wantIn(t, r, "fr/worksheets/fiche/index.html", `<title>Fiche · Petit</title>`)
	wantIn(t, r, "fr/404.html", `<html lang="fr-CA">`, "<title>Page introuvable · Petit</title>")
	wantIn(t, r, "404.html", "<title>Page not found · Small</title>")
	wantIn(t, r, "fr/print/index.html", "Le premier pas")
	wantIn(t, r, "fr/feed.xml", `xml:lang="fr-CA"`, "<title>Petit</title>", `<link rel="self" href="https://example.org/fr/feed.xml"/>`, "/fr/articles/first/")
	wantIn(t, r, "fr/search.json", `["/fr/search/0.json"]`)
	wantIn(t, r, "fr/manifest.webmanifest", `"start_url": "/fr/"`, `"lang": "fr-CA"`)
	wantIn(t, r, "manifest.webmanifest", `"start_url": "/"`)
	wantIn(t, r, "fr/search/0.json", `"u":"/fr/articles/first/"`, `"k":"fiche"`, `"k":"liste des fiches"`)
	wantIn(t, r, "search/0.json", `"k":"worksheet"`, `"k":"list of worksheets"`)
	wantIn(t, r, "articles/first/index.html", `<html lang="en">`, "It&rsquo;s a &ldquo;first&rdquo; step")
	if strings.Contains(string(r.Files["search/0.json"]), "/fr/") || strings.Contains(string(r.Files["feed.xml"]), "/fr/") {
		t.Error("the English search index or feed lists French pages")
	}
	if !strings.HasSuffix(string(r.Files["_redirects"]), "/w/name-it /worksheets/name-it/ 301\n/fr/* /fr/404.html 404\n") {
		t.Errorf("_redirects does not end with the French not-found rule:\n%s", r.Files["_redirects"])
	}
	wantIn(t, r, "_redirects", "/w/fiche /fr/worksheets/fiche/ 301\n")
}

// A page and its translation name each other, in the head and in the
// sitemap, with the English page as x-default; a page not translated
// leads the switcher to the other language's home page.
func TestPagesNameTheirTranslations(t *testing.T) {
	r := buildClean(t, frenchSite(t, nil))
	wantIn(t, r, "articles/first/index.html",
		`<link rel="alternate" hreflang="en" href="/articles/first/" data-translated="true">`,
		`<link rel="alternate" hreflang="fr-CA" href="/fr/articles/first/" data-translated="true">`)
	wantIn(t, r, "articles/second/index.html", `<link rel="alternate" hreflang="fr-CA" href="/fr/" data-translated="false">`)
	wantIn(t, r, "fr/404.html", `<link rel="alternate" hreflang="en" href="/" data-translated="false">`)
	wantIn(t, r, "sitemap.xml", `xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
		`<url><loc>https://example.org/articles/first/</loc><lastmod>2026-11-01</lastmod>`+
			`<xhtml:link rel="alternate" hreflang="en" href="https://example.org/articles/first/"/>`+
			`<xhtml:link rel="alternate" hreflang="fr-CA" href="https://example.org/fr/articles/first/"/>`+
			`<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/articles/first/"/></url>`,
		`<url><loc>https://example.org/fr/articles/first/</loc><lastmod>2026-11-02</lastmod><xhtml:link rel="alternate" hreflang="en"`)
	one := buildClean(t, smallSite(t, nil))
	if strings.Contains(string(one.Files["sitemap.xml"]), "xhtml") || strings.Contains(string(one.Files["index.html"]), "hreflang") {
		t.Error("a one-language site names other languages")
	}
}

// A translation's link to a page not translated leads to the English page,
// marked as English, with the note from the French strings; a link to no
// page at all is still an error at its place.
func TestTranslationLinksToEnglishPages(t *testing.T) {
	r := buildClean(t, frenchSite(t, nil))
	wantIn(t, r, "fr/articles/first/index.html", `<a href="/articles/second/" hreflang="en">la suite</a> <span class="lang-note">(en anglais)</span>`)
	fsys := frenchSite(t, map[string]string{"content/fr/articles/second.md": "---\ntitle: Deuxième\ndescription: d\nstep: 2\n---\nTexte.\n"})
	r = buildClean(t, fsys)
	wantIn(t, r, "fr/articles/first/index.html", `<a href="/fr/articles/second/">la suite</a>`)
	set(fsys, "content/fr/about.md", "---\ntitle: À propos\ndescription: d\n---\nVoir [rien](articles/nowhere.md).\n")
	wantOnly(t, Site(fsys, Options{}).Problems, "content/fr/about.md:5:6", "link to articles/nowhere.md, but there is no such page")
}

// Short links are one namespace over every language.
func TestShortLinksAreOneNamespace(t *testing.T) {
	fsys := frenchSite(t, map[string]string{"content/fr/worksheets/fiche.md": "---\ntitle: Fiche\ndescription: d\nshort: name-it\n---\nRemplir.\n"})
	wantOnly(t, Site(fsys, Options{}).Problems, "content/fr/worksheets/fiche.md:4:1", "short link /w/name-it is already the short link of content/worksheets/name-it.md")
}

// source: belongs to translations, and must be a hash.
func TestSourceOnlyInALanguageFolder(t *testing.T) {
	fsys := frenchSite(t, map[string]string{"content/about.md": "---\ntitle: About\ndescription: d\nsource: 0123456789ab\n---\nText.\n"})
	wantOnly(t, Site(fsys, Options{}).Problems, "content/about.md:4:1", "source: is for translations")
	fsys = frenchSite(t, map[string]string{"content/fr/about.md": "---\ntitle: À propos\ndescription: d\nsource: [not, a, hash]\n---\nTexte.\n"})
	wantOnly(t, Site(fsys, Options{}).Problems, "content/fr/about.md:4:9", "source: expected the 12-digit hash")
}

// Editing an English page warns at its translation, in the next rebuild;
// a translation of a page that is gone is warned about at its source:.
func TestTranslationsOutOfDateWarn(t *testing.T) {
	fsys := frenchSite(t, nil)
	b := NewBuilder(fsys, Options{})
	if w := translationWarnings(b.Build(nil)); w != "" {
		t.Fatalf("a current translation is warned about: %s", w)
	}
	const english = "content/articles/first.md"
	set(fsys, english, string(fsys[english].Data)+"\nOne more line.\n")
	want := "content/fr/articles/first.md:1:1: warning: content/articles/first.md has changed since this translation was made"
	if w := translationWarnings(b.Build([]string{english})); !strings.Contains(w, want) {
		t.Errorf("want %q; got %q", want, w)
	}
	if w := translationWarnings(Site(fsys, Options{})); !strings.Contains(w, want) {
		t.Errorf("a clean build: want %q; got %q", want, w)
	}
	set(fsys, "content/fr/old.md", "---\ntitle: Vieux\ndescription: d\nsource: 0123456789ab\n---\nTexte.\n")
	if w := translationWarnings(b.Build([]string{"content/fr/old.md"})); !strings.Contains(w, "content/fr/old.md:4:1: warning: this translates content/old.md, which does not exist") {
		t.Errorf("no warning of a translation whose English page is gone: %s", w)
	}
}

func translationWarnings(r Result) string {
	var out []string
	for _, d := range r.Problems {
		if strings.Contains(d.Message, "translat") {
			out = append(out, d.String())
		}
	}
	return strings.Join(out, "\n")
}

// A section whose folder starts with an accented letter works end to end:
// its made-up title keeps the letter whole, and its URL is %-encoded in
// links and in the sitemap.
func TestAccentedSection(t *testing.T) {
	fsys := smallSite(t, map[string]string{"content/éclairages/lumière.md": "---\ntitle: Lumière\ndescription: d\n---\nTexte.\n"})
	r := buildClean(t, fsys)
	wantIn(t, r, "éclairages/index.html", "<title>Éclairages · Small</title>", `<a href="/%c3%a9clairages/lumi%c3%a8re/">Lumière</a>`)
	wantIn(t, r, "éclairages/lumière/index.html", `<a href="/%c3%a9clairages/">Éclairages</a>`)
	wantIn(t, r, "sitemap.xml", "<loc>https://example.org/%C3%A9clairages/lumi%C3%A8re/</loc>")
}

// Templates write dates as each language does, with month names from its
// strings file: "November 1, 2026" in English, "2 novembre 2026" and
// "1er novembre 2026" in French.
func TestDatesInEachLanguage(t *testing.T) {
	fsys := frenchSite(t, nil)
	set(fsys, "templates/_body.html", string(fsys["templates/_body.html"].Data)+`{{if .Page.Date}}<time>{{date .Page.Date}}</time>{{end}}`)
	set(fsys, "templates/i18n/en.yaml", strings.Replace(string(fsys["templates/i18n/en.yaml"].Data), "date.month.11: M11", "date.month.11: November", 1))
	r := buildClean(t, fsys)
	wantIn(t, r, "articles/first/index.html", "<time>November 1, 2026</time>")
	wantIn(t, r, "fr/articles/first/index.html", "<time>2 novembre 2026</time>")
	set(fsys, "content/fr/articles/first.md", strings.Replace(string(fsys["content/fr/articles/first.md"].Data), "2026-11-02", "2026-11-01", 1))
	wantIn(t, Site(fsys, Options{}), "fr/articles/first/index.html", "<time>1er novembre 2026</time>")
}

// A translation started with guide new, shown under guide serve (drafts
// shown), is warned about once at its note, with what is left to do: the
// note is not raw HTML an author wrote by mistake.
func TestStartedTranslationIsWarnedAboutOnce(t *testing.T) {
	english := "---\ntitle: Third\ndescription: d\n---\nPlain words.\n"
	fsys := frenchSite(t, map[string]string{"content/articles/third.md": english})
	started, err := translation.Start([]byte(english), "fr")
	if err != nil {
		t.Fatal(err)
	}
	set(fsys, "content/fr/articles/third.md", string(started))
	r := Site(fsys, Options{Drafts: true})
	var got []string
	for _, p := range r.Problems {
		if p.Path == "content/fr/articles/third.md" {
			got = append(got, p.String())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "this translation is not finished") || strings.Contains(got[0], "raw HTML") {
		t.Errorf("want one warning saying the translation is not finished; got:\n%s", strings.Join(got, "\n"))
	}
}

// An English page's link to a worksheet that was renamed is not answered
// with the French page of the old name: the link would lead English
// readers to French, and the page the author meant is English.
func TestMissingLinkSuggestsItsOwnLanguage(t *testing.T) {
	const third = "content/articles/third.md"
	fsys := frenchSite(t, map[string]string{third: "---\ntitle: Third\ndescription: d\n---\nSee [the sheet](../worksheets/fiche.md).\n"})
	r := Site(fsys, Options{})
	wantOnly(t, r.Problems, third+":5:5", "link to ../worksheets/fiche.md, but there is no such page")
	if errs := r.Problems.Errors(); len(errs) == 1 && strings.Contains(errs[0].Message, "fr/") {
		t.Errorf("the advice leads an English page to a French one: %s", errs[0])
	}
}

// An alias that is an address of the other language's pages is a warning
// at the alias: a French reader's printed /fr/… link would open an English
// page, or an English reader's a French one. Short links (/w/) are one
// namespace and belong to no language.
func TestAliasInTheOtherLanguage(t *testing.T) {
	const fiche = "content/fr/worksheets/fiche.md"
	fsys := frenchSite(t, map[string]string{fiche: "---\ntitle: Fiche\ndescription: d\nshort: fiche\naliases: [/w/old, /fr/worksheets/vieille/, /worksheets/old-sheet/]\n---\nRemplir.\n"})
	r := Site(fsys, Options{})
	if errs := r.Problems.Errors(); len(errs) > 0 {
		t.Fatal(errs.Error())
	}
	var warns diag.List
	for _, d := range r.Problems.Warnings() {
		if strings.HasPrefix(d.String(), fiche) {
			warns = append(warns, d)
		}
	}
	if len(warns) != 1 || !strings.HasPrefix(warns[0].String(), fiche+":5:44: ") || !strings.Contains(warns[0].Message, "/worksheets/old-sheet/") {
		t.Errorf("want one warning, at %s:5:44, naming /worksheets/old-sheet/; got:\n%s", fiche, warns.Error())
	}
}

// The English worksheet's details name its translation's short links, so
// that a packet link made on the French index opens on the English one: a
// rebuild after the translation's short changed names the new one.
func TestWorksheetNamesItsTranslationsShorts(t *testing.T) {
	const fiche = "content/fr/worksheets/name-it.md"
	fsys := frenchSite(t, map[string]string{fiche: "---\ntitle: Nommer\ndescription: d\nshort: nommer\n---\nRemplir.\n"})
	b := NewBuilder(fsys, Options{})
	r := b.Build(nil)
	wantIn(t, r, "worksheets/index.html", "also [nommer]")
	set(fsys, fiche, "---\ntitle: Nommer\ndescription: d\nshort: nommer-2\naliases: [/w/nommer]\n---\nRemplir.\n")
	r = b.Build([]string{fiche})
	wantIn(t, r, "worksheets/index.html", "also [nommer-2 nommer]")
	if diff := compareResults(r, Site(fsys, Options{})); diff != "" {
		t.Error(diff)
	}
}
