package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestQRCodesSayTheirLanguage: a screen reader on a French page hears what
// a QR code is in French. The label was once made in Go, in English, for
// every page.
func TestQRCodesSayTheirLanguage(t *testing.T) {
	r := Site(os.DirFS(filepath.Join("..", "..")), Options{})
	if r.Problems.HasErrors() {
		t.Fatal(r.Problems)
	}
	label := regexp.MustCompile(`aria-label="([^"]*)"><svg[^>]*class="qr"`)
	want := map[string]string{"en": "QR code for https://", "fr": "Code QR du lien https://"}
	seen := map[string]int{}
	for file, page := range r.Files {
		if !strings.HasSuffix(file, ".html") || !strings.Contains(string(page), `class="qr"`) {
			continue
		}
		lang := "en"
		if strings.HasPrefix(file, "fr/") {
			lang = "fr"
		}
		labels := label.FindAllStringSubmatch(string(page), -1)
		if len(labels) != strings.Count(string(page), `class="qr"`) {
			t.Errorf("%s: %d QR codes, %d of them labelled around", file, strings.Count(string(page), `class="qr"`), len(labels))
		}
		for _, m := range labels {
			if !strings.HasPrefix(m[1], want[lang]) {
				t.Errorf("%s: a QR code is labelled %q, want %q…", file, m[1], want[lang])
			}
			seen[lang]++
		}
	}
	if seen["en"] == 0 || seen["fr"] == 0 {
		t.Errorf("QR codes seen by language: %v, want some in each", seen)
	}
}
