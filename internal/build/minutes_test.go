package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWorksheetTimeIsNeverZero: with the real templates, a worksheet that
// gives no minutes shows no time at all (never "About 0 minutes"), and one
// minute is singular.
func TestWorksheetTimeIsNeverZero(t *testing.T) {
	site := realSite(t)
	site["content/worksheets/quick.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Quick\ndescription: d\nshort: quick\nminutes: 1\n---\n? What went well?\n")}
	site["content/worksheets/untimed.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Untimed\ndescription: d\nshort: untimed\n---\n? What went well?\n")}
	r := Site(site, Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	for _, file := range []string{"worksheets/index.html", "worksheets/untimed/index.html", "worksheets/quick/index.html"} {
		page := string(r.Files[file])
		if page == "" {
			t.Fatalf("%s was not built", file)
		}
		if strings.Contains(page, "About 0 minute") {
			t.Errorf("%s says \"About 0 minutes\" for a worksheet that gives no time", file)
		}
	}
	if page := string(r.Files["worksheets/quick/index.html"]); !strings.Contains(page, "About 1 minute<") {
		t.Error("a one-minute worksheet does not say \"About 1 minute\"")
	}
}

// realSite is the repository's site (content, templates, static files) in
// memory, for a test to add its own pages to.
func realSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := filepath.Join("..", "..")
	site := fstest.MapFS{}
	for _, dir := range []string{"content", "templates", "static"} {
		err := fs.WalkDir(os.DirFS(root), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(filepath.Join(root, p))
			site[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// TestReadingMinutesCountsWords: a word is a run of anything but spaces,
// line breaks and tabs, 200 words a minute, rounded, at least one minute.
func TestReadingMinutesCountsWords(t *testing.T) {
	words := func(n int, sep string) string { return strings.Repeat("word"+sep, n) }
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 1}, {" \n\t", 1}, {words(299, " "), 1}, {words(300, "\n"), 2},
		{"  " + words(500, "\t \n") + "end", 3}, {words(700, "\u00a0"), 1}, // a no-break space joins words
	} {
		if got := readingMinutes(c.text); got != c.want {
			t.Errorf("readingMinutes(%.20q…) = %d, want %d", c.text, got, c.want)
		}
	}
}
