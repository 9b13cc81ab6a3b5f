package linkcheck

// Regression tests: each was a bug found by a test before it was fixed.

import (
	"testing"

	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
)

// The minifier turns &quot; in text back into ", so prose or code that shows
// an href (`<a href="/x/">` in a code span) is taken for a link.
func TestHrefInText(t *testing.T) {
	html, err := minifier.New().Bytes("text/html", []byte(`<p>Write <code>&lt;a href=&quot;/nowhere/&quot;&gt;</code>.</p>`))
	if err != nil {
		t.Fatal(err)
	}
	if refs, _ := Attrs(html); len(refs) != 0 {
		t.Errorf("Attrs(%s) found refs %q in text", html, refs)
	}
}

// A redirect written "/old/" answers "/old" too (Lookup and Netlify treat
// them alike), but a link to "/old" is reported broken.
func TestRedirectWithoutSlash(t *testing.T) {
	files := output.Files{"index.html": []byte(`<a href="/old">old</a>`)}
	if got := Check(files, map[string]bool{"/old/": true}); len(got) != 0 {
		t.Errorf("broken %q, want none", got)
	}
}
