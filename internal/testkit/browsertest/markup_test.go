package browsertest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// These read the built pages as text: what the templates must put on every
// page of a kind, checked without a browser.

var (
	asideRE = regexp.MustCompile(`(?s)<aside class="worksheet-safety[^"]*".*?</aside>`)
	hrefRE  = regexp.MustCompile(`href="?([^" >]+)`)
	footRE  = regexp.MustCompile(`(?s)<footer class="site-footer">.*?</footer>`)
)

// TestEveryWorksheetLinksToSafety: the template gives every worksheet page
// a safety line linking to Safety first or the private check; a worksheet
// for one person alone gets the privacy note instead of the line for
// couples.
func TestEveryWorksheetLinksToSafety(t *testing.T) {
	files := builtSite(t)
	n := 0
	for _, name := range files.Paths() {
		if !strings.HasPrefix(name, "worksheets/") || !strings.HasSuffix(name, "/index.html") || name == "worksheets/index.html" {
			continue
		}
		n++
		page := string(files[name])
		aside := asideRE.FindString(page)
		if aside == "" {
			t.Errorf("%s has no safety line", urlPath(name))
			continue
		}
		if !strings.Contains(aside, `href=/safety/`) && !strings.Contains(aside, `href="/safety/"`) &&
			!strings.Contains(aside, "/worksheets/private-self-check/") {
			t.Errorf("%s: the safety line links to neither Safety first nor the private check:\n%s", urlPath(name), aside)
		}
		alone := strings.Contains(aside, "worksheet-safety alone")
		if want := forAlone(t, name); alone != want {
			t.Errorf("%s: the private note shown is %v, want %v", urlPath(name), alone, want)
		}
	}
	if n < 10 {
		t.Errorf("only %d worksheet pages", n)
	}
}

// TestFooterLinksOnce: the footer links to no page twice.
func TestFooterLinksOnce(t *testing.T) {
	page := string(builtSite(t)["index.html"])
	seen := map[string]bool{}
	for _, m := range hrefRE.FindAllStringSubmatch(footRE.FindString(page), -1) {
		if seen[m[1]] {
			t.Errorf("the footer links to %s twice", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) < 3 {
		t.Errorf("the footer has %d links: %v", len(seen), seen)
	}
}

// forAlone says whether the worksheet built as name (worksheets/<slug>/index.html)
// is written for one partner alone, from its front matter.
func forAlone(t *testing.T, name string) bool {
	t.Helper()
	slug := strings.TrimSuffix(strings.TrimPrefix(name, "worksheets/"), "/index.html")
	src, err := os.ReadFile(filepath.Join(repo, "content", "worksheets", slug+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(strings.ReplaceAll(string(src), "\r\n", "\n"), "\nfor: alone\n")
}
