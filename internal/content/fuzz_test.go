package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
)

// inside fails unless every problem points at a place in the file: a real
// line, and a column no further than one past the end of that line.
func inside(t *testing.T, data []byte, problems diag.List) {
	t.Helper()
	// Line breaks as YAML and CommonMark count them: \n, \r\n or a lone \r.
	lines := bytes.Split(bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n")), []byte("\n"))
	for _, d := range problems {
		if d.Line < 0 || d.Line > len(lines) {
			t.Fatalf("%v: line %d, but the file has %d lines", d, d.Line, len(lines))
		}
		if d.Line > 0 && d.Col > len(lines[d.Line-1])+1 {
			t.Fatalf("%v: column %d, but line %d has %d bytes", d, d.Col, d.Line, len(lines[d.Line-1]))
		}
	}
}

// FuzzFrontMatter reads any bytes as a page: never a panic, every problem
// inside the file, and a page that is accepted has a URL of plain path
// segments and aliases that are site paths.
func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		page("title: A\ndescription: d", "text"),
		page("title: A\ndescription: d\ndate: 2024-05-01T10:00:00Z\naliases: [/old/, /w/x]", ""),
		page("title: A\ntitle: B\ndescription: d", ""),
		page("titel: A\ndescription: d", ""),
		page("title: [unclosed", ""),
		page("title: &a A\ndescription: *a\nslug: ..", ""),
		"\uFEFF---\r\ntitle: A\r\ndescription: d\r\n---\r\nCRLF\r\n",
		"---\n---\n", "", "---", "no front matter",
	} {
		f.Add("content/articles/a.md", []byte(seed))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !IsPage(name) {
			name = "content/articles/a.md"
		}
		var problems diag.List
		p := ParsePage(layout.English, name, data, &problems)
		inside(t, data, problems)
		if p == nil {
			if !problems.HasErrors() {
				t.Fatal("a page was refused without a reason")
			}
			return
		}
		if problem := SitePathProblem(p.URL); problem != "" && p.URL != "/" {
			t.Fatalf("accepted page URL %q: %s", p.URL, problem)
		}
		for i, a := range p.Meta.Aliases {
			line, col := p.Meta.AliasPosition(i)
			if line < 1 || col < 1 {
				t.Fatalf("alias %q has no position", a)
			}
		}
	})
}

// FuzzSiteSettings reads any bytes as site.yaml: never a panic, every
// problem inside the file, and settings without problems hold only links a
// reader can safely follow.
func FuzzSiteSettings(f *testing.F) {
	for _, seed := range []string{
		siteYAML,
		siteYAML + "menu:\n  - title: A\n    url: javascript:alert(1)\n",
		siteYAML + "crisis:\n  - name: Call\n    href: tel:911\n  - name: Text\n    href: sms:988\n",
		"title: T\ntitle: U\nquick_exit: http://x/\n",
		"- a list\n", "", ":", "menu: 3\n", "crisis:\n  - [a, b]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var problems diag.List
		c := parseConfig(ConfigPath, data, &problems)
		inside(t, data, problems)
		if problems.HasErrors() {
			return
		}
		if !strings.HasPrefix(c.QuickExit, "https://") {
			t.Fatalf("accepted quick_exit %q", c.QuickExit)
		}
		for _, m := range c.Menu {
			if linkProblem(m.URL) != "" || unsafeScheme(m.URL) {
				t.Fatalf("accepted menu link %q", m.URL)
			}
		}
		for _, x := range c.Crisis {
			if linkProblem(x.Href) != "" || unsafeScheme(x.Href) {
				t.Fatalf("accepted crisis link %q", x.Href)
			}
		}
	})
}

// unsafeScheme reports a link a browser would run or send elsewhere.
func unsafeScheme(href string) bool {
	h := strings.ToLower(strings.Map(func(r rune) rune {
		if isSpaceOrControl(r) {
			return -1 // browsers drop these inside a scheme
		}
		return r
	}, href))
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "//", "/\\", "http:"} {
		if strings.HasPrefix(h, bad) {
			return true
		}
	}
	return false
}

// FuzzSitePath checks what an accepted alias can do in _redirects and in
// a browser: one field of one line, one path on this site.
func FuzzSitePath(f *testing.F) {
	for _, seed := range []string{"/old/", "/*", "/a\nb", "//evil", "/:x", "/a/../b", "/\\x", "/é/", "/a\u2028b", "/%2e%2e/"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if SitePathProblem(p) != "" {
			return
		}
		if len(strings.Fields(p)) != 1 || strings.Fields(p)[0] != p {
			t.Fatalf("accepted %q is not one field of _redirects", p)
		}
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || unsafeScheme(p) {
			t.Fatalf("accepted %q may lead off the site", p)
		}
		for _, bad := range []string{"*", ":", "?", "#", "%", "\\", "/../", "/./"} {
			if strings.Contains(p, bad) && !(bad == ":" && !strings.Contains(p, "/:")) {
				t.Fatalf("accepted %q holds %q", p, bad)
			}
		}
	})
}
