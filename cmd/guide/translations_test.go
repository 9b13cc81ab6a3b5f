package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/translation"
)

// frenchSite is the small test site with a French folder: _index.md up to
// date, first.md out of date, second.md not marked, name-it.md missing,
// and a page of French alone.
func frenchSite(t *testing.T) string {
	t.Helper()
	site := copySite(t)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(site, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	current, _ := translation.Mark([]byte("---\ntitle: Accueil\ndescription: D.\n---\nBonjour.\n"), read("content/_index.md"))
	write(t, site, "content/fr/site.yaml", "title: Petit\nlanguage: fr-CA\n")
	write(t, site, "content/fr/_index.md", string(current))
	write(t, site, "content/fr/articles/first.md", "---\ntitle: Le premier pas\ndescription: D.\nsource: 0123456789ab # traduit en mars\n---\r\nTexte.\n")
	write(t, site, "content/fr/articles/second.md", "---\ntitle: Le deuxième\ndescription: D.\n---\nTexte.\n")
	write(t, site, "content/fr/seulement.md", "---\ntitle: Seulement en français\ndescription: D.\n---\n")
	write(t, site, "content/fr/ancien.md", "---\ntitle: Ancien\ndescription: D.\nsource: 0123456789ab\n---\n")
	return site
}

func write(t *testing.T, site, name, text string) {
	t.Helper()
	name = filepath.Join(site, name)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTranslationsReport(t *testing.T) {
	site := frenchSite(t)
	for _, args := range [][]string{{"translations", "-root", site}, {"translations", "-root", site, "-lang", "fr"}, {"translations", "-lang", "fr", "-root", site}} {
		code, stdout, stderr := guide(t, args...)
		if code != 0 || stderr != "" {
			t.Fatalf("guide %v: exit %d, stderr %q; want 0: it is a report", args, code, stderr)
		}
		for _, want := range []string{
			"content/fr/_index.md              up to date\n",
			"content/fr/articles/first.md      out of date (English page updated 2026-11-01)\n",
			"content/fr/articles/second.md     not marked: run guide translations -mark content/fr/articles/second.md\n",
			"content/fr/worksheets/name-it.md  missing\n",
			"4 pages: 1 up to date, 1 out of date, 1 not marked, 1 missing\n",
			"content/fr/ancien.md:4:1: this translates content/ancien.md, which does not exist",
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("guide %v lacks %q:\n%s", args, want, stdout)
			}
		}
		if strings.Contains(stdout, "seulement") {
			t.Errorf("a page of French alone is listed as a translation:\n%s", stdout)
		}
	}
	for _, lang := range []string{"en", "es"} {
		code, stdout, stderr := guide(t, "translations", "-root", site, "-lang", lang)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "guide translations: -lang "+lang+": ") || !strings.Contains(stderr, "its translations are in: fr") {
			t.Errorf("-lang %s: exit %d, stdout %q, stderr %q; want 2 and the site's languages", lang, code, stdout, stderr)
		}
	}
}

// TestTranslationsOfTheRealSite: every page of content/ is listed once, in
// each language, and counted.
func TestTranslationsOfTheRealSite(t *testing.T) {
	root := "../.."
	site := os.DirFS(root)
	var english []string
	fs.WalkDir(site, "content", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			t.Fatal(err)
		case d.IsDir() && layout.InOtherLanguage(site, name):
			return fs.SkipDir
		case !d.IsDir() && content.IsPage(name):
			english = append(english, name)
		}
		return nil
	})
	code, stdout, stderr := guide(t, "translations", "-root", root)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	langs := layout.Languages(site)[1:]
	if len(langs) == 0 || len(english) < 40 {
		t.Fatalf("the real site has %d languages besides English and %d English pages", len(langs), len(english))
	}
	lines := strings.Split(stdout, "\n")
	for _, l := range langs {
		for _, page := range english {
			if n := countPrefix(lines, translation.TranslationOf(page, l.Code)+" "); n != 1 {
				t.Errorf("%s is listed %d times for %s", page, n, l.Code)
			}
		}
	}
	if n := strings.Count(stdout, "\n"+strconv.Itoa(len(english))+" pages: "); n != len(langs) {
		t.Errorf("want one summary of %d pages per language:\n%s", len(english), stdout)
	}
}

func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, line := range lines {
		if strings.HasPrefix(line, prefix) {
			n++
		}
	}
	return n
}

// TestTranslationsMark: -mark writes the English page's hash in source:,
// in place of the old value, and changes no other byte; the file is
// replaced whole (the old file is never written into), keeps its
// permissions, and no temporary file is left.
func TestTranslationsMark(t *testing.T) {
	site := frenchSite(t)
	name := filepath.Join(site, "content/fr/articles/first.md")
	before, _ := os.ReadFile(name)
	os.Chmod(name, 0o600)
	old := filepath.Join(t.TempDir(), "old")
	if err := os.Link(name, old); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := guide(t, "translations", "-root", site, "-mark", "content/fr/articles/first.md", filepath.Join(site, "content/fr/articles/second.md"))
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "marked content/fr/articles/first.md as translating content/articles/first.md as it is now\n") {
		t.Errorf("stdout: %q", stdout)
	}
	english, _ := os.ReadFile(filepath.Join(site, "content/articles/first.md"))
	after, _ := os.ReadFile(name)
	want := strings.Replace(string(before), "0123456789ab", translation.Hash(english), 1)
	if string(after) != want {
		t.Errorf("marked:\n%q\nwant\n%q", after, want)
	}
	if kept, _ := os.ReadFile(old); string(kept) != string(before) {
		t.Error("the file was written in place, not replaced whole: a crash could leave it half written")
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v, want 0600 as before", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(name)); len(entries) != 2 {
		t.Errorf("files left in the folder: %v", entries)
	}
	_, report, _ := guide(t, "translations", "-root", site)
	if !strings.Contains(report, "3 up to date, 0 out of date, 0 not marked") {
		t.Errorf("after -mark:\n%s", report)
	}
	if code, stdout, _ := guide(t, "translations", "-root", site, "-mark", "content/fr/articles/first.md"); code != 0 || !strings.Contains(stdout, "already records") {
		t.Errorf("marking again: exit %d, %q", code, stdout)
	}
}

// TestTranslationsMarkRefuses: a file that is not a translation is bad
// usage, named with the reason, and nothing is written, not even the good
// files given with it.
func TestTranslationsMarkRefuses(t *testing.T) {
	site := frenchSite(t)
	before := readTree(t, site)
	for file, why := range map[string]string{
		"content/articles/second.md": "it is an English page, not a translation: mark its translation, content/fr/articles/second.md",
		"content/fr/seulement.md":    "its English page, content/seulement.md, does not exist",
		"content/fr/nope.md":         "no such file",
		"content/fr/site.yaml":       "it is not a page",
		"../outside.md":              "it is not in the site's folder",
	} {
		code, stdout, stderr := guide(t, "translations", "-root", site, "-mark", "content/fr/articles/second.md", file)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "guide translations -mark: "+file+": "+why) {
			t.Errorf("-mark %s: exit %d, stdout %q, stderr %q; want 2 and %q", file, code, stdout, stderr, why)
		}
	}
	write(t, site, "content/fr/articles/second.md", "Pas de front matter.\n")
	before["content/fr/articles/second.md"] = "Pas de front matter.\n"
	code, _, stderr := guide(t, "translations", "-root", site, "-mark", "content/fr/articles/first.md", "content/fr/articles/second.md")
	if code != 1 || !strings.HasPrefix(stderr, "content/fr/articles/second.md:1:1: the file has no front matter") {
		t.Errorf("a translation without front matter: exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{"-mark"}, {"content/fr/_index.md"}} {
		if code, _, _ := guide(t, append([]string{"translations", "-root", site}, args...)...); code != 2 {
			t.Errorf("guide translations %v: exit %d, want 2", args, code)
		}
	}
	after := readTree(t, site)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed though the command was refused", name)
		}
	}
}

func TestNewTranslation(t *testing.T) {
	site := frenchSite(t)
	code, stdout, stderr := guide(t, "new", "translation", "content/worksheets/name-it.md", "-root", site, "-lang", "fr")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	english, _ := os.ReadFile(filepath.Join(site, "content/worksheets/name-it.md"))
	want, _ := translation.Start(english, "fr")
	name := filepath.Join(site, "content/fr/worksheets/name-it.md")
	if got, _ := os.ReadFile(name); string(got) != string(want) {
		t.Errorf("started:\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(stdout, "created content/fr/worksheets/name-it.md") || !strings.Contains(stdout, `run "guide translations -mark content/fr/worksheets/name-it.md"`) {
		t.Errorf("stdout does not say what to do next: %q", stdout)
	}
	write(t, site, "content/fr/worksheets/name-it.md", "mine")
	code, _, stderr = guide(t, "new", "-root", site, "translation", "content/worksheets/name-it.md")
	if got, _ := os.ReadFile(name); code != 1 || string(got) != "mine" || !strings.Contains(stderr, "content/fr/worksheets/name-it.md already exists") {
		t.Errorf("a second start: exit %d, %q, file %q; want 1 and the translator's file untouched", code, stderr, got)
	}
	for why, args := range map[string][]string{
		"content/fr/_index.md: it is a page in content/fr/ already: give the English page to translate, content/_index.md": {"content/fr/_index.md"},
		"-lang es: the site has no folder content/es/":                                                                     {"content/_index.md", "-lang", "es"},
		"content/nope.md: no such file":                                                                                    {"content/nope.md"},
	} {
		code, _, stderr := guide(t, append([]string{"new", "-root", site, "translation"}, args...)...)
		if code != 2 || !strings.HasPrefix(stderr, "guide new translation: "+why) {
			t.Errorf("new translation %v: exit %d, %q; want 2 and %q", args, code, stderr, why)
		}
	}
	bare := copySite(t)
	if code, _, stderr := guide(t, "new", "-root", bare, "translation", "content/_index.md"); code != 2 || !strings.Contains(stderr, "no language to translate into") {
		t.Errorf("a site without languages: exit %d, %q", code, stderr)
	}
}
