package manifest

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
