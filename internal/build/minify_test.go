package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/minifier"
)

// TestPagesNeedNoMinifying: a page is drawn from minified templates and
// compacted once (minifier.Compact), with no pass of the HTML minifier over
// it. Minifying it fully must change next to nothing, and must not find
// anything to change inside <pre> or <textarea>.
func TestPagesNeedNoMinifying(t *testing.T) {
	for _, name := range []string{"small", "real"} {
		t.Run(name, func(t *testing.T) {
			var r Result
			if name == "small" {
				r = Site(smallSite(t, map[string]string{"content/articles/code.md": "---\ntitle: Code\ndescription: d\n---\n```\nline one\n\n  indented   line\n```\n\nText.\n"}), Options{})
			} else {
				r = Site(os.DirFS(filepath.Join("..", "..")), Options{})
			}
			if r.Problems.HasErrors() {
				t.Fatal(r.Problems)
			}
			full := minifier.ForPages()
			var drawn, minified int
			for file, page := range r.Files {
				if !strings.HasSuffix(file, ".html") {
					continue
				}
				small, err := minifier.Bytes(full, "text/html", page)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				drawn, minified = drawn+len(page), minified+len(small)
				if d := len(page) - len(small); d > 16+len(small)/200 {
					t.Errorf("%s: %d bytes drawn, %d once minified: the minifier finds %d bytes to drop", file, len(page), len(small), d)
				}
				for _, re := range verbatim {
					if a, b := re.FindAll(page, -1), re.FindAll(small, -1); !equalAll(a, b) {
						t.Errorf("%s: the content of <pre> or <textarea> is not as the minifier keeps it:\n%q\n%q", file, a, b)
					}
				}
			}
			t.Logf("%d bytes drawn, %d fully minified (%+.2f%%)", drawn, minified, 100*float64(drawn-minified)/float64(minified))
			if drawn > minified+minified/100 {
				t.Errorf("pages are %d bytes, more than 1%% over %d minified", drawn, minified)
			}
		})
	}
}

var verbatim = []*regexp.Regexp{regexp.MustCompile(`(?s)<pre[ >].*?</pre>`), regexp.MustCompile(`(?s)<textarea[ >].*?</textarea>`)}

func equalAll(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}
