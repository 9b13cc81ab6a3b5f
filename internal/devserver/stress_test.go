package devserver

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/output"
)

var stressSteps = flag.Int("stress.steps", 40, "random edit steps of TestServeAgreesWithCleanBuilds, per seed")

// TestServeAgreesWithCleanBuilds saves random edits into a site served by
// guide serve, through the real watcher, and after each one waits until
// what a browser is served equals a clean build of the folder as it is
// now: every file byte for byte (less the reload script), or, when the
// folder has errors, the same errors in the browser.
func TestServeAgreesWithCleanBuilds(t *testing.T) {
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			st := &stress{site: startSite(t, 0), r: rand.New(rand.NewPCG(seed, 7)), broken: map[string]string{}}
			st.last = st.first
			for step := range *stressSteps {
				what := st.edit(step)
				st.agree(fmt.Sprintf("step %d (%s)", step, what))
			}
			t.Logf("%d steps, %d of them with errors shown", *stressSteps, st.failing)
		})
	}
}

// stress is a site under random edits, and what the test knows of it.
type stress struct {
	*site
	r       *rand.Rand
	added   []string          // pages the test added, which it may delete or move
	broken  map[string]string // files saved broken: their last good text
	last    sse               // the last live-reload event
	agreed  output.Files      // the last clean build served
	failing int               // steps that ended with errors shown
}

// edit makes one random change, as an author or an editor would, and says
// what it was.
func (st *stress) edit(n int) string {
	pages := st.pages()
	page := pages[st.r.IntN(len(pages))]
	switch st.r.IntN(12) {
	case 0:
		name := fmt.Sprintf("content/articles/added-%d.md", n)
		st.write(name, md(fmt.Sprint("Added ", n), "Back to [the first step](first.md). Step "+fmt.Sprint(n)+"."))
		st.added = append(st.added, name)
		return "add " + name
	case 1:
		if len(st.added) == 0 {
			return "nothing"
		}
		i := st.r.IntN(len(st.added))
		name := st.added[i]
		st.added = slices.Delete(st.added, i, i+1)
		st.remove(name)
		return "delete " + name
	case 2:
		if len(st.added) == 0 {
			return "nothing"
		}
		i := st.r.IntN(len(st.added))
		from, to := st.added[i], strings.TrimSuffix(st.added[i], ".md")+"-moved.md"
		st.added[i] = to
		os.Rename(filepath.Join(st.dir, from), filepath.Join(st.dir, to))
		return "move " + from
	case 3:
		if len(st.broken) > 0 {
			return "nothing" // one broken file at a time, so most steps build
		}
		st.broken[page] = st.read(page)
		st.write(page, "---\ntitle: [unclosed\n---\nBroken.\n")
		return "break " + page
	case 4:
		for name, text := range st.broken {
			delete(st.broken, name)
			st.atomicSave(name, text)
			return "mend " + name
		}
		return "nothing"
	case 5:
		text := st.read(page)
		st.atomicSave(page, strings.Replace(text, "title: ", fmt.Sprintf("title: %d ", n), 1))
		return "retitle " + page
	case 6:
		st.write("static/css/site.css", st.read("static/css/site.css")+fmt.Sprintf(".s%d{color:#123}\n", n))
		return "css"
	case 7:
		if _, broken := st.broken["netlify.toml"]; !broken && st.r.IntN(3) == 0 {
			st.broken["netlify.toml"] = fmt.Sprintf("[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Guide-Test = \"mended %d\"\n", n)
			st.write("netlify.toml", "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Guide-Test = broken\n")
			return "break netlify.toml"
		}
		delete(st.broken, "netlify.toml")
		st.write("netlify.toml", fmt.Sprintf("[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-Guide-Test = \"v%d\"\n", n))
		return "netlify.toml"
	case 8:
		st.write(strings.TrimSuffix(page, ".md")+".md~", "an editor's backup")
		return "editor file beside " + page
	case 9:
		st.write("templates/_site-footer.html", st.read("templates/_site-footer.html")+fmt.Sprintf("<p>Footer %d</p>", n))
		return "template"
	case 10:
		st.atomicSave("content/site.yaml", regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(st.read("content/site.yaml"), fmt.Sprint("title: Small ", n)))
		return "site.yaml"
	}
	st.write(page, st.read(page)+fmt.Sprintf("\nA new paragraph, number %d.\n", n))
	return "body " + page
}

// pages lists the site's markdown pages as they are now.
func (st *stress) pages() []string {
	var out []string
	for _, dir := range []string{"content/articles", "content/worksheets"} {
		names, _ := filepath.Glob(filepath.Join(st.dir, dir, "*.md"))
		for _, n := range names {
			out = append(out, dir+"/"+filepath.Base(n))
		}
	}
	return out
}

func (st *stress) read(name string) string {
	data, err := os.ReadFile(filepath.Join(st.dir, filepath.FromSlash(name)))
	if err != nil {
		st.t.Fatal(err)
	}
	return string(data)
}

// agree waits, event by event, until the server agrees with a clean build.
func (st *stress) agree(step string) {
	st.t.Helper()
	giveUp := time.After(3 * within)
	for {
		problem := st.disagreement()
		if problem == "" {
			if st.last.event == "errors" {
				st.failing++
			}
			return
		}
		select {
		case st.last = <-st.events:
		case <-giveUp:
			st.t.Fatalf("after %s, serve disagrees with a clean build: %s", step, problem)
		}
	}
}

// disagreement says how what is served differs from a clean build now.
func (st *stress) disagreement() string {
	clean := build.Site(os.DirFS(st.dir), st.srv.buildOptions())
	errs := append(clean.Problems.Errors(), st.netlifyProblems()...).Sort()
	if len(errs) > 0 {
		return st.showsErrors(errs)
	}
	if st.last.event != "reload" {
		return "the browser was last told " + st.last.event + ", want reload"
	}
	for name, want := range clean.Files {
		if got := st.served(name); got != string(want) {
			return fmt.Sprintf("%s is served as\n%.300s\nwant\n%.300s", name, got, want)
		}
	}
	for name := range st.agreed {
		if _, ok := clean.Files[name]; !ok && strings.HasSuffix(name, "index.html") {
			if code, _ := st.get(urlOf(name)); code == 200 {
				return name + " is still served, but a clean build has no such file"
			}
		}
	}
	if want := st.wantHeader(); st.header() != want {
		return fmt.Sprintf("X-Guide-Test is %q, want %q", st.header(), want)
	}
	st.agreed = clean.Files
	return ""
}

// showsErrors compares the last event with the errors of a clean build.
func (st *stress) showsErrors(want diag.List) string {
	if st.last.event != "errors" {
		return fmt.Sprintf("the browser was last told %s, want errors: %v", st.last.event, want)
	}
	var got []struct {
		Path      string
		Line, Col int
		Message   string
	}
	if err := json.Unmarshal([]byte(st.last.data), &got); err != nil {
		return "the errors event is not JSON: " + err.Error()
	}
	var gotText []string
	for _, p := range got {
		gotText = append(gotText, diag.Diagnostic{Path: p.Path, Line: p.Line, Col: p.Col, Message: p.Message}.String())
	}
	var wantText []string
	for _, d := range want {
		wantText = append(wantText, d.String())
	}
	if !slices.Equal(gotText, wantText) {
		return fmt.Sprintf("the browser shows\n%s\nwant\n%s", strings.Join(gotText, "\n"), strings.Join(wantText, "\n"))
	}
	return ""
}

// netlifyProblems is what a clean start of serve says of netlify.toml.
func (st *stress) netlifyProblems() diag.List {
	fresh := &Server{root: st.srv.root}
	return fresh.readHeaders()
}

// wantHeader is the test header netlify.toml gives now.
func (st *stress) wantHeader() string {
	data, err := os.ReadFile(filepath.Join(st.dir, "netlify.toml"))
	if err != nil {
		return ""
	}
	m := regexp.MustCompile(`X-Guide-Test = "(.*)"`).FindSubmatch(data)
	if m == nil {
		return ""
	}
	return string(m[1])
}

func (st *stress) header() string {
	st.t.Helper()
	resp, err := http.Head(st.srv.URL)
	if err != nil {
		st.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("X-Guide-Test")
}

// reloadScript is the tag serve adds to every HTML page it sends.
var reloadScript = regexp.MustCompile(`<script src="/_guide/reload\.js" data-build="[^"]*" defer></script>`)

// served returns a file as a browser gets it, less the reload script.
func (st *stress) served(name string) string {
	code, body := st.get("/" + name)
	if code != 200 {
		return fmt.Sprintf("(status %d)", code)
	}
	return reloadScript.ReplaceAllString(body, "")
}

// urlOf is the address of an index.html file: its folder.
func urlOf(name string) string { return "/" + strings.TrimSuffix(name, "index.html") }
