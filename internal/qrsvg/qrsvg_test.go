package qrsvg

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"rsc.io/qr"
)

// svg is the part of the drawing the tests read.
type svg struct {
	ViewBox string `xml:"viewBox,attr"`
	Role    string `xml:"role,attr"`
	Label   string `xml:"aria-label,attr"`
	Hidden  string `xml:"aria-hidden,attr"`
	Path    struct {
		D string `xml:"d,attr"`
	} `xml:"path"`
}

func TestEncode(t *testing.T) {
	const text = "https://example.org/w/name-it"
	const title = `QR code for "Name it" & <more>`
	out, err := Encode(text, title)
	if err != nil {
		t.Fatal(err)
	}
	var s svg
	if err := xml.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	if s.Role != "img" || s.Label != title {
		t.Errorf("role=%q aria-label=%q, want img and %q", s.Role, s.Label, title)
	}

	code, err := qr.Encode(text, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	size := code.Size + 2*4 // and a quiet zone of four modules on each side
	if want := fmt.Sprintf("0 0 %d %d", size, size); s.ViewBox != want {
		t.Errorf("viewBox = %q, want %q", s.ViewBox, want)
	}
	dark := darkModules(t, s.Path.D)
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) != dark[[2]int{x + 4, y + 4}] {
				t.Fatalf("module %d,%d: drawn %v, want %v", x, y, !code.Black(x, y), code.Black(x, y))
			}
			delete(dark, [2]int{x + 4, y + 4})
		}
	}
	if len(dark) > 0 {
		t.Errorf("%d modules drawn in the quiet zone", len(dark))
	}
}

func TestEncodeTooLong(t *testing.T) {
	if _, err := Encode(strings.Repeat("a", 2000), "long"); err != nil {
		t.Errorf("2000 characters: %v", err)
	}
	if out, err := Encode(strings.Repeat("a", 5000), "too long"); err == nil {
		t.Errorf("5000 characters: no error, %d bytes of SVG", len(out))
	}
}

// darkModules reads a path of "Mx yhNv1h-Nz" rectangles, one module high,
// back into the set of dark modules.
func darkModules(t *testing.T, d string) map[[2]int]bool {
	t.Helper()
	dark := map[[2]int]bool{}
	for _, rect := range strings.Split(strings.TrimSuffix(d, "z"), "z") {
		var x, y, run, back int
		if _, err := fmt.Sscanf(rect, "M%d %dh%dv1h-%d", &x, &y, &run, &back); err != nil || run != back {
			t.Fatalf("path part %q: not a one-module-high rectangle (%v)", rect, err)
		}
		for i := range run {
			dark[[2]int{x + i, y}] = true
		}
	}
	return dark
}

// TestEncodeUnlabelled: a QR code the page labels itself, in its own
// language, is hidden from screen readers, so it is not announced twice.
func TestEncodeUnlabelled(t *testing.T) {
	out, err := Encode("https://example.org/w/x", "")
	if err != nil {
		t.Fatal(err)
	}
	var s svg
	if err := xml.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Role != "" || s.Label != "" || s.Hidden != "true" {
		t.Errorf("role=%q aria-label=%q aria-hidden=%q, want no role or label and hidden", s.Role, s.Label, s.Hidden)
	}
}
