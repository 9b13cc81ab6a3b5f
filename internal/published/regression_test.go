package published

// Regression test: this was a bug found by a test before it was fixed.

import (
	"strings"
	"testing"
)

// Update rewrites the file from scratch: a comment an author added (why a
// URL is kept, who asked for it) is dropped at the next build.
func TestUpdateDropsComments(t *testing.T) {
	old := []byte(header + "/\n# printed on the 2024 leaflet\n/w/name-it\n")
	got, changed := Update(old, []string{"/", "/w/name-it"})
	if changed || !strings.Contains(string(got), "# printed on the 2024 leaflet") {
		t.Errorf("changed = %v, manifest:\n%s", changed, got)
	}
}

// A byte order mark, which some editors write at the start of a file, made
// the first line a URL no page has: "\uFEFF/" failed the build.
func TestByteOrderMarkIsNotAURL(t *testing.T) {
	entries := Parse([]byte("\uFEFF/\n/w/name-it\n"))
	if len(entries) != 2 || entries[0].URL != "/" || entries[0].Line != 1 {
		t.Errorf("Parse = %+v, want / on line 1, then /w/name-it", entries)
	}
	got, changed := Update([]byte("\uFEFF/\n"), []string{"/"})
	if changed || string(got) != "\uFEFF/\n" {
		t.Errorf("Update added / again: %q", got)
	}
}
