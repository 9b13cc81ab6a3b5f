package build

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// FuzzPage puts any text in one page of the small site and builds it, from
// scratch and incrementally after the page was an ordinary one: the two
// agree, every problem points inside the file, and a site that builds
// holds no script a reader's browser would run but the site's own files.
func FuzzPage(f *testing.F) {
	base := smallSite(f, nil)
	for _, seed := range []string{
		string(base[first].Data),
		article("[x](javascript:alert(1)) [y](<java\tscript:alert(1)>) ![z](data:text/html,hi)"),
		article("<script>alert(1)</script><img src=x onerror=alert(1)>"),
		article("[a](JaVaScRiPt:alert(1)) [b](vbscript:x) [c](//evil.example/) [d](/w/name-it)"),
		article("? Question <script>x</script> {#\"><script>}\n? Scale [1-5]\n- [ ] <b onclick=x>"),
		"---\ntitle: \"</title><script>alert(1)</script>\"\ndescription: \"\\\" onload=\\\"x\"\nstep: 1\naliases: [/old-first/]\n---\n",
		"---\ntitle: T\ndescription: d\nstep: 1\ndate: 2024-05-01T10:00:00Z\naliases: [/old-first/, \"/*\"]\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(data)()
		fsys := smallSite(t, nil)
		b := NewBuilder(fsys, Options{})
		b.Build(nil)
		set(fsys, first, string(data))
		got := b.Build([]string{first})
		want := Site(fsys, Options{})
		if diff := compareResults(got, want); diff != "" {
			t.Fatalf("incremental build differs from a clean build: %s", diff)
		}
		lines := bytes.Split(bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), []byte("\n"))
		for _, d := range want.Problems {
			if d.Path == first && (d.Line > len(lines) || d.Line > 0 && d.Col > len(lines[d.Line-1])+1) {
				t.Fatalf("%v is outside the file (%d lines)", d, len(lines))
			}
		}
		if want.Problems.HasErrors() {
			return
		}
		for name, page := range want.Files {
			if strings.HasSuffix(name, ".html") {
				if script := liveScript(page); script != "" {
					t.Fatalf("%s runs a script: %s", name, script)
				}
			}
		}
	})
}

// watchdog crashes the test if the builds take far longer than they should,
// so that the fuzzer keeps an input that would hang an author's build. It
// returns the function that calls it off.
func watchdog(data []byte) func() {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			panic(fmt.Sprintf("building this page took over 20 s: %q", data))
		}
	}()
	return func() { close(done) }
}

// liveScript returns the first thing in an HTML page that would run a
// script other than the site's own files: an inline script, an event
// handler attribute, or a link to a script URL.
func liveScript(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" {
				src := ""
				for _, a := range tok.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if !strings.HasPrefix(src, "/js/") {
					return tok.String()
				}
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || scriptURL(a.Val) && (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction") {
					return tok.String()
				}
			}
		}
	}
}

// scriptURL reports a URL a browser would run, reading it as browsers do:
// case and white space inside the scheme do not matter.
func scriptURL(u string) bool {
	u = strings.ToLower(strings.Join(strings.Fields(u), ""))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:text/html")
}
