package netlify

import (
	"slices"
	"strings"
	"testing"
)

const sample = `
[build]
  command = "go run ./cmd/guide build"
  publish = "public"

[[headers]]
  for = "/*"
  [headers.values]
    X-Frame-Options = "DENY"
    permissions-policy = """
      camera=(),
      usb=()"""

[[headers]]
  for = "/css/*"
  [headers.values]
    Cache-Control = "public, max-age=31536000, immutable"

[[headers]]
  for = "/w/:short"
  [headers.values]
    X-Frame-Options = "SAMEORIGIN"
`

func TestHeadersFor(t *testing.T) {
	c, err := ParseConfig([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, header, want string
	}{
		{"/", "X-Frame-Options", "DENY"},
		{"/", "Permissions-Policy", "camera=(), usb=()"},
		{"/", "Cache-Control", "public, max-age=0, must-revalidate"},
		{"/articles/x/", "Cache-Control", "public, max-age=0, must-revalidate"},
		{"/css/site.0123abcd.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/CSS/site.0123abcd.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/css", "Cache-Control", "public, max-age=31536000, immutable"},
		// Netlify's own parser makes the slash before a lone * optional.
		{"/cssx/a.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/w/apology", "X-Frame-Options", "SAMEORIGIN"},
		{"/w/apology/", "X-Frame-Options", "SAMEORIGIN"},
		{"/w/apology/more", "X-Frame-Options", "DENY"},
	}
	for _, tt := range tests {
		if got := c.HeadersFor(tt.path).Get(tt.header); got != tt.want {
			t.Errorf("HeadersFor(%q) %s = %q, want %q", tt.path, tt.header, got, tt.want)
		}
	}
	if got := c.Overlaps("/w/apology"); len(got) != 1 {
		t.Errorf("Overlaps(/w/apology) = %q, want X-Frame-Options", got)
	}
	if got := c.Overlaps("/css/a.css"); len(got) != 0 {
		t.Errorf("Overlaps(/css/a.css) = %q, want none", got)
	}
}

func TestParseError(t *testing.T) {
	_, err := ParseConfig([]byte("[build]\ncommand = \n"))
	if err == nil || err.Error()[:15] != "netlify.toml:2:" {
		t.Errorf("ParseConfig of bad TOML: %v, want netlify.toml:2:col: ...", err)
	}
}

func TestPolicy(t *testing.T) {
	p, err := ParsePolicy("default-src 'self'; img-src 'self' data:; connect-src 'none'; frame-src https://*.example.org; object-src *")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		directive, ref string
		want           bool
	}{
		{"script-src", "/js/site.js", true},
		{"script-src", "js/site.js", true},
		{"script-src", "https://cdn.example.org/x.js", false},
		{"script-src", "//cdn.example.org/x.js", false},
		{"script-src", "data:text/javascript,1", false},
		{"img-src", "data:image/png;base64,AA==", true},
		{"img-src", "/a.png", true},
		{"connect-src", "/search.json", false},
		{"frame-src", "https://maps.example.org/", true},
		{"frame-src", "https://example.org/", false},
		{"frame-src", "http://maps.example.org/", false},
		{"object-src", "https://any.example/", true},
		{"object-src", "data:x", false},
		{"form-action", "https://elsewhere.example/", true}, // not governed
	}
	for _, tt := range tests {
		if got := p.Allows(tt.directive, tt.ref); got != tt.want {
			t.Errorf("Allows(%s, %q) = %v, want %v", tt.directive, tt.ref, got, tt.want)
		}
	}
	if s, _ := p.Sources("style-src"); !slices.Equal(s, []string{"'self'"}) {
		t.Errorf("style-src falls back to %q, want default-src's 'self'", s)
	}
	if _, err := ParsePolicy("img-src 'self'; IMG-SRC data:"); err == nil {
		t.Error("a directive given twice is not an error")
	}
}

// Each header rule is checked where it is written: a header no response
// can carry, or a rule for no path, would reach Netlify silently.
func TestHeaderRuleProblemsAtTheirLine(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"line break", "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Frame-Options = \"\"\"\nDENY\nSAMEORIGIN\"\"\"\n",
			"netlify.toml:4:5: the value of X-Frame-Options holds a line break"},
		{"for without a slash", "[[headers]]\n  for = \"/*\"\n[[headers]]\n  for = \"css/*\"\n  [headers.values]\n    X-A = \"b\"\n",
			`netlify.toml:4:3: for "css/*" is not a path of the site`},
		{"no for", "[build]\n[[headers]]\n  [headers.values]\n    X-A = \"b\"\n",
			`netlify.toml:2:1: this [[headers]] has no "for"`},
		{"bad name", "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    \"X Frame\" = \"DENY\"\n",
			`netlify.toml:4:5: "X Frame" cannot be a header's name`},
	}
	for _, tt := range tests {
		_, err := ParseConfig([]byte(tt.toml))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %s…", tt.name, err, tt.want)
		}
	}
}
