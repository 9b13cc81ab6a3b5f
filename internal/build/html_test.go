package build

import (
	"os"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/audit"
)

// TestPagesAreValid parses every page of the test site as HTML5 and checks
// the structure readers rely on, and that no page makes a request to
// another host.
func TestPagesAreValid(t *testing.T) {
	r := Site(os.DirFS("testdata/small"), Options{})
	pages := 0
	for _, name := range r.Files.Paths() {
		if strings.HasSuffix(name, ".html") {
			pages++
			for _, p := range audit.Page(name, r.Files[name]) {
				t.Error(p)
			}
		}
	}
	if pages < 6 {
		t.Errorf("only %d pages", pages)
	}
}
