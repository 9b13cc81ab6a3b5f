package browsertest_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var screenshots = flag.String("screenshots", "", "save screenshots of the main pages into this folder (TestScreenshots)")

// TestScreenshots saves full-page screenshots of the pages a reader meets
// first, on a phone and a desktop, light and dark, to be looked at before
// and after a change of the look:
//
//	go test ./internal/testkit/browsertest -run TestScreenshots -screenshots /tmp/shots
//
// Without -screenshots it has nothing to do.
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder") // a tool, not a check: see the doc comment
	}
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{
		"home": "/", "safety": "/safety/", "worksheet": worksheetPage(t),
		"worksheets": "/worksheets/", "print": "/print/",
		"fr-home": "/fr/", "fr-worksheet": "/fr" + worksheetPage(t),
	}
	_, b, srv := serveSite(t)
	tab := b.NewTab(t)
	for name, path := range pages {
		for _, width := range []int64{390, 1280} {
			tab.Viewport(width, 900, width < 600)
			tab.Navigate(srv.Page(path))
			for _, scheme := range []string{"light", "dark"} {
				tab.Media("", map[string]string{"prefers-color-scheme": scheme})
				jpeg := tab.Screenshot(15000)
				file := filepath.Join(*screenshots, fmt.Sprintf("%s-%d-%s.jpg", name, width, scheme))
				if err := os.WriteFile(file, jpeg, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	t.Logf("screenshots in %s: %s", *screenshots, strings.Join(filepathsOf(*screenshots), " "))
}

func filepathsOf(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
	return m
}
