package build

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestMain gives the fuzzer 100 tries to minimize an input, unless the
// command line says otherwise. Minimizing a new input tries thousands of
// smaller ones, each three builds, and go test's default of 60 s an input
// stopped FuzzPage after a dozen inputs: it reported 0 a second to the end
// of a 60 s run, and its worker went on minimizing after the run ended.
func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		flag.Set("test.fuzzminimizetime", "100x")
	}
	os.Exit(m.Run())
}

// FuzzPage puts any text in one page of the small site and builds it, from
// scratch and incrementally after the page was an ordinary one: the two
// agree, every problem points inside the file, and a site that builds
// holds no script a reader's browser would run but the site's own files.
//
// Each input is built by a Builder sharing one set of tools (minifiers,
// converters: they hold nothing of any one build) and reads the site from
// memory, not the disk. (Starting each input from one build of the ordinary
// site, whose state no later build may change, made incremental differ from
// clean after some 40 inputs: a later build changes an earlier one's state.)
func FuzzPage(f *testing.F) {
	base := smallSite(f, nil)
	shared := NewBuilder(base, Options{}).tools
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
	for _, shape := range slowShapes {
		f.Add([]byte(article(shape.page(shape.n / 1000))))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(data)()
		fsys := maps.Clone(base)
		b := &Builder{fsys: fsys, tools: shared}
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
// returns the function that calls it off. The builds of the small site
// take some 10 ms, and time linear in the page: 3 s and 20 µs a byte is a
// hundred times that under coverage, yet an input that once took minutes,
// or even one taking 20 s in a run of minutes, is caught and saved.
//
// A plain `go test` runs the seeds beside every other package's tests, on a
// machine that may be busy with a browser: there it only catches a hang.
func watchdog(data []byte) func() {
	limit := 3*time.Second + time.Duration(len(data))*20*time.Microsecond
	if f := flag.Lookup("test.fuzz"); f == nil || f.Value.String() == "" {
		limit = time.Minute
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(limit):
			panic(fmt.Sprintf("building this page took over %v: %.2000q", limit, data))
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

// slowShapes are the pages that once got no answer in 20 s, at the size
// they were found: two were the builder's own slow paths (heading ids,
// positions of links), now linear; three were goldmark's, now refused by
// internal/mdlimits before goldmark reads them.
var slowShapes = []struct {
	name    string
	n       int
	page    func(n int) string
	refused string // the limit's message, or "" for a page that builds
}{
	{"unclosed links", 100_000, func(n int) string { return strings.Repeat("[a](", n) }, "destination does not end"},
	{"emphasis runs", 150_000, func(n int) string { return strings.Repeat("*a_", n) }, "runs of * _ ~"},
	{"reference definitions", 200_000, func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[r%d]: /u\n", i)
		}
		return b.String()
	}, "more than 500 lines"},
	{"identical headings", 30_000, func(n int) string { return strings.Repeat("# A\n\n", n) }, ""},
	{"links on one line", 80_000, func(n int) string { return strings.Repeat("[a](articles/second.md) ", n) }, ""},
}

// TestSlowPages builds each slow shape at half, once and twice its size: it
// builds within seconds, or is refused with the limit's message at the page.
func TestSlowPages(t *testing.T) {
	for _, shape := range slowShapes {
		for _, n := range []int{shape.n / 2, shape.n, shape.n * 2} {
			t.Run(fmt.Sprintf("%s/%d", shape.name, n), func(t *testing.T) {
				page := "---\ntitle: Slow\ndescription: d\n---\n" + shape.page(n)
				r := buildWithin(t, time.Minute, page)
				errs := r.Problems.Errors()
				switch {
				case shape.refused == "" && len(errs) > 0:
					t.Errorf("want a site that builds; got %d errors, the first: %v", len(errs), errs[0])
				case shape.refused != "" && (len(errs) != 1 || errs[0].Path != slow || !strings.Contains(errs[0].Message, shape.refused)):
					t.Errorf("want one error at %s saying %q; got:\n%s", slow, shape.refused, errs.Error())
				}
			})
		}
	}
}

const slow = "content/slow.md"

// buildWithin builds the small site with page added as content/slow.md,
// and fails the test if no result comes before the deadline.
func buildWithin(t *testing.T, deadline time.Duration, page string) Result {
	t.Helper()
	fsys := smallSite(t, map[string]string{slow: page})
	done := make(chan Result, 1)
	go func() { done <- Site(fsys, Options{}) }()
	select {
	case r := <-done:
		return r
	case <-time.After(deadline):
		t.Fatalf("no answer in %v", deadline)
		return Result{}
	}
}
