package translation

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

const english = "---\ntitle: Say sorry\ndescription: How.\nupdated: 2026-03-02T10:00:00Z\n---\nSay it plainly.\n"

func TestHashIgnoresLineEndingsAndBOM(t *testing.T) {
	h := Hash([]byte(english))
	crlf := "\ufeff" + strings.ReplaceAll(english, "\n", "\r\n")
	if len(h) != HashLen || Hash([]byte(crlf)) != h || Hash([]byte(strings.ReplaceAll(english, "\n", "\r"))) != h {
		t.Errorf("hashes differ: %s, %s", h, Hash([]byte(crlf)))
	}
	if Hash([]byte(english+"More.\n")) == h {
		t.Error("an edit left the hash as it was")
	}
}

func TestMarkChangesOnlyTheSourceValue(t *testing.T) {
	hash := Hash([]byte(english))
	for _, tc := range []struct{ name, in, want string }{
		{"replace", "---\ntitle: Dire pardon\nsource: 0123456789ab # ok\n---\nBody\n", "---\ntitle: Dire pardon\nsource: " + hash + " # ok\n---\nBody\n"},
		{"empty value", "---\nsource:\ntitle: T\n---\n", "---\nsource: " + hash + "\ntitle: T\n---\n"},
		{"add, CRLF kept", "---\r\ntitle: T\r\n---\r\nCorps\r\n", "---\r\ntitle: T\r\nsource: " + hash + "\r\n---\r\nCorps\r\n"},
		{"no final newline", "---\ntitle: T\n---", "---\ntitle: T\nsource: " + hash + "\n---"},
	} {
		got, err := Mark([]byte(tc.in), []byte(english))
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got %q, %v\nwant %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := Mark([]byte("No front matter\n"), []byte(english)); err == nil {
		t.Error("a file without front matter was marked")
	}
}

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestStatus(t *testing.T) {
	current, _ := Mark([]byte("---\ntitle: À jour\n---\n"), []byte(english))
	fsys := site(map[string]string{
		"content/_index.md":              english,
		"content/articles/sorry.md":      english + "Changed.\n",
		"content/articles/new.md":        "---\ntitle: New\ndraft: true\ndate: 2026-04-01\n---\n",
		"content/éclairages/a.md":        english,
		"content/fr/_index.md":           string(current),
		"content/fr/articles/sorry.md":   string(current),
		"content/fr/éclairages/a.md":     "---\ntitle: A\n---\n",
		"content/fr/seulement-en-fr.md":  "---\ntitle: Ici\n---\n",
		"content/fr/site.yaml":           "language: fr-CA\n",
		"content/articles/.sorry.md.swp": "x",
		"content/articles/notes.txt":     "not a page",
	})
	entries := Status(fsys, "fr", []string{"fr"})
	var table bytes.Buffer
	if err := WriteTable(&table, "fr", entries); err != nil {
		t.Fatal(err)
	}
	want := `fr                            status
content/fr/_index.md          up to date
content/fr/articles/new.md    missing [English draft]
content/fr/articles/sorry.md  out of date (English page updated 2026-03-02)
content/fr/éclairages/a.md    not marked: run guide translations -mark content/fr/éclairages/a.md
4 pages: 1 up to date, 1 out of date, 1 not marked, 1 missing
`
	if table.String() != want {
		t.Errorf("got\n%s\nwant\n%s", table.String(), want)
	}
	var problems []string
	for _, d := range Problems(entries) {
		problems = append(problems, d.String())
	}
	wantProblems := []string{
		`content/fr/articles/sorry.md:1:1: warning: content/articles/sorry.md has changed since this translation was made: update the translation, then run "guide translations -mark content/fr/articles/sorry.md"`,
		`content/fr/éclairages/a.md:1:1: warning: this translation does not say which version of content/éclairages/a.md it translates: once it matches the English page, run "guide translations -mark content/fr/éclairages/a.md"`,
	}
	if strings.Join(problems, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(problems, "\n"), strings.Join(wantProblems, "\n"))
	}
}

func TestMalformedSourceIsAnErrorAtItsLine(t *testing.T) {
	fsys := site(map[string]string{
		"content/a.md":    english,
		"content/fr/a.md": "---\ntitle: A\nsource: abc\n---\n",
	})
	problems := Problems(Status(fsys, "fr", []string{"fr"}))
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "content/fr/a.md:3:1: source: must be the 12-digit hash") {
		t.Errorf("got %v", problems)
	}
}

func TestOrphans(t *testing.T) {
	fsys := site(map[string]string{
		"content/fr/old.md":  "---\ntitle: Ancien\nsource: 0123456789ab\n---\n",
		"content/fr/mine.md": "---\ntitle: À moi\n---\n",
	})
	problems := Orphans(fsys, "fr")
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "content/fr/old.md:3:1: this translates content/old.md, which does not exist") {
		t.Errorf("got %v", problems)
	}
}

func TestStart(t *testing.T) {
	worksheet := "---\ntitle: Plan\naliases:\n  - /old/\n  - /older/\nshort: plan\ndraft: false\n---\n? What will you do?\n"
	got, err := Start([]byte(worksheet), "fr")
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Plan\nshort: plan-fr\ndraft: true\nsource: " + Hash([]byte(worksheet)) + "\n---\n" + StartNote + "\n\n? What will you do?\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	marked, _ := Mark(got, []byte(worksheet))
	if !bytes.Equal(marked, got) {
		t.Error("a started translation is not current")
	}
}

// TestCompareAgreesWithStatus: a build holds both files' bytes; Compare
// gives it what Status reads from the files.
func TestCompareAgreesWithStatus(t *testing.T) {
	current, _ := Mark([]byte("---\ntitle: À jour\ndraft: true\n---\n"), []byte(english))
	for _, translated := range []string{string(current), "---\ntitle: T\n---\n", "no front matter", "---\nsource: 0123456789ab\n---\n", "---\nsource: abc\n---\n"} {
		fsys := site(map[string]string{"content/a.md": english, "content/fr/a.md": translated})
		want := Status(fsys, "fr", []string{"fr"})[0]
		got := Compare([]byte(english), []byte(translated))
		got.English, got.Translation = want.English, want.Translation
		if got != want {
			t.Errorf("%q: Compare = %+v, Status = %+v", translated, got, want)
		}
	}
}

// TestTableSaysWhatIsKnown: a translation still a draft is marked; an out
// of date page without a date says so; a source: that is no hash says how
// to mend it.
func TestTableSaysWhatIsKnown(t *testing.T) {
	started, _ := Start([]byte(english), "fr")
	fsys := site(map[string]string{
		"content/a.md":    english,
		"content/fr/a.md": string(started),
		"content/b.md":    "---\ntitle: B\n---\n",
		"content/fr/b.md": "---\ntitle: B\nsource: 0123456789ab\n---\n",
		"content/c.md":    english,
		"content/fr/c.md": "---\ntitle: C\nsource: c0ffee\n---\n",
	})
	var table bytes.Buffer
	WriteTable(&table, "fr", Status(fsys, "fr", []string{"fr"}))
	for _, want := range []string{
		"content/fr/a.md  up to date [translation draft]\n",
		"content/fr/b.md  out of date (the English page gives no date)\n",
		"content/fr/c.md  source: is not a hash: run guide translations -mark content/fr/c.md once it matches the English page\n",
		"3 pages: 1 up to date, 2 out of date, 0 not marked, 0 missing\n",
	} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, table.String())
		}
	}
}
