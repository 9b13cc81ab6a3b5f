package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// copySite copies the builder's small test site to a temp folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../internal/build/testdata/small")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func guide(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = string(data)
		}
		return err
	})
	return files
}

func TestBuildTwiceIsIdentical(t *testing.T) {
	site := copySite(t)
	code, stdout, stderr := guide(t, "build", "-root", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	summary, urls, _ := strings.Cut(stdout, "\n")
	if !strings.HasPrefix(summary, "built 4 pages (1 worksheet)") || !strings.HasPrefix(urls, "content/urls.txt: 7 new URLs recorded") {
		t.Errorf("want a summary line and the URLs recorded, got %q", stdout)
	}
	first := readTree(t, filepath.Join(site, "public"))
	if first["articles/first/index.html"] == "" || first["404.html"] == "" || first["_redirects"] == "" {
		t.Fatalf("missing files in public/: %d files", len(first))
	}
	guide(t, "build", "-root", site)
	second := readTree(t, filepath.Join(site, "public"))
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, data := range first {
		if second[name] != data {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestBrokenLinkKeepsThePreviousSite(t *testing.T) {
	site := copySite(t)
	if code, _, stderr := guide(t, "build", "-root", site); code != 0 {
		t.Fatal(stderr)
	}
	before := readTree(t, filepath.Join(site, "public"))

	page := filepath.Join(site, "content/articles/second.md")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, bytes.Replace(data, []byte("(first.md#"), []byte("(firts.md#"), 1), 0o644)
	code, stdout, stderr := guide(t, "build", "-root", site)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "content/articles/second.md:10:9: link to firts.md") {
		t.Errorf("stderr lacks the file:line:col of the broken link:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("a failed build printed a summary: %q", stdout)
	}
	after := readTree(t, filepath.Join(site, "public"))
	if len(after) != len(before) {
		t.Fatalf("public/ changed: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("public/%s changed after a failed build", name)
		}
	}
	// The pages it wrote as it drew them are gone with the folder it was
	// filling.
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("a failed build left %s beside public/", e.Name())
		}
	}
}

// TestBuildSaysWhatUrlsTxtGained: an author who publishes a new page is
// told content/urls.txt grew and is to be committed: a URL missing from it
// is one the build cannot keep working after a rename.
func TestBuildSaysWhatUrlsTxtGained(t *testing.T) {
	site := copySite(t)
	guide(t, "build", "-root", site) // records the site's URLs
	if code, stdout, stderr := guide(t, "build", "-root", site); code != 0 || strings.Contains(stdout, "urls.txt") {
		t.Fatalf("exit %d, and urls.txt said to grow with nothing new:\n%s%s", code, stdout, stderr)
	}
	page := "---\ntitle: Third\ndescription: d\n---\nWords.\n"
	if err := os.WriteFile(filepath.Join(site, "content/articles/third.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := guide(t, "build", "-root", site)
	if code != 0 || !strings.Contains(stdout, "content/urls.txt: 1 new URL recorded; commit it") {
		t.Errorf("exit %d, want the new URL said:\n%s%s", code, stdout, stderr)
	}
}

func TestDeletedPagesDoNotLinger(t *testing.T) {
	site := copySite(t)
	guide(t, "build", "-root", site)
	os.Remove(filepath.Join(site, "content/worksheets/name-it.md"))
	os.WriteFile(filepath.Join(site, "content/urls.txt"), []byte("/articles/first/\n"), 0o644)
	if code, _, stderr := guide(t, "build", "-root", site); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "public/worksheets/name-it/index.html")); err == nil {
		t.Error("the deleted worksheet's page is still in public/")
	}
}

func TestCheck(t *testing.T) {
	site := copySite(t)
	code, stdout, stderr := guide(t, "check", "-root", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "content/articles/first.md") || !strings.Contains(stdout, "grade") {
		t.Errorf("check does not report reading grades:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("check wrote files")
	}
}

// TestCheckBrokenNetlifyToml: guide serve shows a netlify.toml Netlify
// would refuse as an error at its line; check says the same.
func TestCheckBrokenNetlifyToml(t *testing.T) {
	site := copySite(t)
	if err := os.WriteFile(filepath.Join(site, "netlify.toml"), []byte("[build]\n  publish = \"public\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := guide(t, "check", "-root", site)
	if code != 1 || !strings.Contains("\n"+stderr, "\nnetlify.toml:2:20: ") {
		t.Errorf("exit %d, want 1 and the error at netlify.toml:2:\n%s", code, stderr)
	}
}

// TestBuildBrokenNetlifyToml: Netlify runs guide build before it deploys
// with netlify.toml; a file it would refuse stops the build at its line,
// and the last good site stays.
func TestBuildBrokenNetlifyToml(t *testing.T) {
	site := copySite(t)
	if code, _, stderr := guide(t, "build", "-root", site); code != 0 {
		t.Fatalf("the first build: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(site, "netlify.toml"), []byte("[build]\n  publish = \"public\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(site, "content/articles/first.md")
	if data, err := os.ReadFile(page); err != nil || os.WriteFile(page, append(data, "\nNew words.\n"...), 0o644) != nil {
		t.Fatal("cannot change the page", err)
	}
	code, _, stderr := guide(t, "build", "-root", site)
	if code != 1 || !strings.Contains("\n"+stderr, "\nnetlify.toml:2:20: ") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("exit %d, want 1, the error at netlify.toml:2 and nothing written:\n%s", code, stderr)
	}
	if page, err := os.ReadFile(filepath.Join(site, "public/articles/first/index.html")); err != nil || bytes.Contains(page, []byte("New words")) {
		t.Errorf("the last good site was not kept whole (%v)", err)
	}
}

// TestCheckTemplateProblemOnce: a problem the built pages share comes from
// a template they share, and is said once, not once a page.
func TestCheckTemplateProblemOnce(t *testing.T) {
	site := copySite(t)
	base := filepath.Join(site, "templates/base.html")
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(base, bytes.Replace(data, []byte("<main"), []byte(`<p style="color:red">x</p><main`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := guide(t, "check", "-root", site)
	if code != 1 || strings.Count(stderr, "style attribute") != 1 || !strings.Contains(stderr, "other pages") {
		t.Errorf("exit %d, want 1 and the style attribute said once, with the number of other pages:\n%s", code, stderr)
	}
}

// TestCheckDrafts: deploy previews build drafts, so check must be able to
// check them too; without -drafts, drafts are left out as build leaves them.
func TestCheckDrafts(t *testing.T) {
	site := copySite(t)
	draft := "---\ntitle: Coming soon\ndescription: Not yet published.\ndraft: true\n---\n\nSee [the next step](nowhere.md).\n"
	if err := os.WriteFile(filepath.Join(site, "content/articles/coming.md"), []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := guide(t, "check", "-root", site); code != 0 || strings.Contains(stdout+stderr, "coming.md") {
		t.Errorf("check without -drafts: exit %d, want 0 and no word of the draft:\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr := guide(t, "check", "-drafts", "-root", site)
	if code != 1 || !strings.Contains(stderr, "content/articles/coming.md:7:5: link to nowhere.md") {
		t.Errorf("check -drafts: exit %d, want 1 and the draft's broken link at its position:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "checked 5 pages") {
		t.Errorf("check -drafts does not count the draft:\n%s", stdout)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"build", "-nope"}, {"new", "article"}, {"new", "poem", "T"}} {
		if code, _, _ := guide(t, args...); code != 2 {
			t.Errorf("guide %v: exit %d, want 2", args, code)
		}
	}
}

func TestNew(t *testing.T) {
	site := copySite(t)
	code, stdout, stderr := guide(t, "new", "-root", site, "worksheet", "My New Worksheet")
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stdout, "content/worksheets/my-new-worksheet.md") {
		t.Errorf("stdout: %q", stdout)
	}
	if code, _, _ := guide(t, "new", "-root", site, "worksheet", "My New Worksheet"); code != 1 {
		t.Errorf("a second new with the same title: exit %d, want 1 (never overwrite)", code)
	}
	if code, _, stderr := guide(t, "build", "-root", site, "-drafts", "-out", t.TempDir()); code != 0 {
		t.Errorf("the scaffold does not build: %s", stderr)
	}
}

// TestOutNeverDestroys: -out was replaced whole, whatever it was: "-out ."
// replaced the site's folder with the built site, "-out static" the
// static files, and any folder given lost everything in it.
func TestOutNeverDestroys(t *testing.T) {
	documents := t.TempDir()
	os.WriteFile(filepath.Join(documents, "taxes.pdf"), []byte("keep me"), 0o644)
	for out, want := range map[string]string{
		".":                 "the site's own folder",
		"public/..":         "the site's own folder",
		"..":                "holds the site's folder",
		"static":            "inside static",
		"content":           "inside content",
		"templates/x":       "inside templates",
		".git":              "inside .git",
		"words":             "inside content",   // a symlink to content/
		"public":            "no .guide-output", // made by a version without the mark
		documents:           "no .guide-output",
		"content/site.yaml": "inside content",
	} {
		t.Run(out, func(t *testing.T) {
			site := copySite(t)
			os.Mkdir(filepath.Join(site, ".git"), 0o755)
			os.WriteFile(filepath.Join(site, ".git/HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
			os.Symlink("content", filepath.Join(site, "words"))
			os.MkdirAll(filepath.Join(site, "public/articles"), 0o755)
			os.WriteFile(filepath.Join(site, "public/index.html"), []byte("an old build"), 0o644)
			before, beforeDocs := readTree(t, site), readTree(t, documents)
			code, stdout, stderr := guide(t, "build", "-root", site, "-out", out)
			if code != 2 || !strings.HasPrefix(stderr, "guide build: -out "+out+": ") || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, want 2 and a message saying %q:\n%s%s", code, want, stdout, stderr)
			}
			after, afterDocs := readTree(t, site), readTree(t, documents)
			if !reflect.DeepEqual(before, after) || !reflect.DeepEqual(beforeDocs, afterDocs) {
				t.Errorf("a refused build changed files")
			}
		})
	}
}

// TestOutIsReplacedWhenTheBuilderMadeIt: a new folder, then the same
// folder again, and an empty folder are fine, and builds leave the mark.
func TestOutIsReplacedWhenTheBuilderMadeIt(t *testing.T) {
	site := copySite(t)
	empty := t.TempDir()
	for _, out := range []string{"public", "public", "../" + filepath.Base(site) + "/public", empty, "nested/new/out"} {
		if code, _, stderr := guide(t, "build", "-root", site, "-out", out); code != 0 {
			t.Fatalf("-out %s: exit %d: %s", out, code, stderr)
		}
	}
	for _, dir := range []string{filepath.Join(site, "public"), empty, filepath.Join(site, "nested/new/out")} {
		if _, err := os.Stat(filepath.Join(dir, ".guide-output")); err != nil {
			t.Errorf("no mark in %s: %v", dir, err)
		}
	}
}

// TestBaseURLFlag: -base-url is checked as base_url is, and named.
func TestBaseURLFlag(t *testing.T) {
	site := copySite(t)
	for _, bad := range []string{"https://example.org/guide/", "https://example.org/?x=1", "https://example.org/#a", "example.org"} {
		code, _, stderr := guide(t, "build", "-root", site, "-base-url", bad)
		if code != 2 || !strings.HasPrefix(stderr, `guide build: -base-url "`+bad+`" must be the site's full address`) {
			t.Errorf("-base-url %s: exit %d, want 2 and the flag named:\n%s", bad, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("a refused -base-url wrote the site")
	}
	if code, _, stderr := guide(t, "build", "-root", site, "-base-url", "https://deploy-preview-1--x.netlify.app"); code != 0 {
		t.Errorf("a Netlify address: exit %d: %s", code, stderr)
	}
}

// TestHelp: help, -h and --help said "unknown command"; asked for, help
// goes to stdout with exit 0, every command in a line, then each one's
// flags; after a mistake, usage goes to stderr with exit 2.
func TestHelp(t *testing.T) {
	flagsOf := map[string][]string{
		"build":        {"-root DIR", "-out DIR", "-base-url URL", "-drafts"},
		"serve":        {"-root DIR", "-addr HOST:PORT", "-poll INTERVAL"},
		"check":        {"-root DIR", "-drafts", "-grades"},
		"new":          {"-root DIR", "-lang CODE"},
		"translations": {"-root DIR", "-lang CODE", "-mark"},
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"-help"}} {
		code, stdout, stderr := guide(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("guide %v: exit %d, stderr %q; want 0 and nothing", args, code, stderr)
		}
		list := stdout[strings.Index(stdout, "The commands are:"):]
		for name, fl := range flagsOf {
			if !strings.Contains(list, "\t"+name+" ") {
				t.Errorf("guide %v does not list %s on a line of its own", args, name)
			}
			for _, f := range fl {
				if !strings.Contains(stdout, "usage: guide "+name+" ") || !strings.Contains(stdout, "  "+f+"\n") {
					t.Errorf("guide %v does not give %s's flag %s", args, name, f)
				}
			}
		}
	}
	for name, fl := range flagsOf {
		for _, args := range [][]string{{"help", name}, {name, "-h"}, {name, "--help"}} {
			code, stdout, stderr := guide(t, args...)
			if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "usage: guide "+name+" ") {
				t.Errorf("guide %v: exit %d, stderr %q, stdout %q", args, code, stderr, stdout)
			}
			for _, f := range fl {
				if !strings.Contains(stdout, "  "+f+"\n") {
					t.Errorf("guide %v lacks %s", args, f)
				}
			}
		}
	}
	for _, args := range [][]string{{}, {"nope"}, {"help", "nope"}, {"help", "build", "check"}, {"build", "-nope"}} {
		code, stdout, stderr := guide(t, args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "usage") && !strings.Contains(stderr, "Usage") {
			t.Errorf("guide %v: exit %d, stdout %q, stderr %q; want 2 and usage on stderr", args, code, stdout, stderr)
		}
	}
}

// TestStrayArgumentsRefused: build, check and serve take flags only, and
// stopped reading them at the first other word, which they then ignored:
// "guide build -drafts true -out /tmp/x" built into public/ without a
// word, "guide build public" wrote public/ and content/urls.txt, "guide
// check -grades false" printed the grades. Now the word is refused, with
// the usage, and nothing is read or written.
func TestStrayArgumentsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"build", "public"},
		{"build", "-drafts", "true", "-out", "elsewhere"},
		{"check", "-grades", "false"},
		{"check", "content/articles/first.md"},
		{"serve", "-addr", "127.0.0.1:0", "site"},
	} {
		site := copySite(t)
		before := readTree(t, site)
		code, stdout, stderr := guide(t, append(args[:1:1], append([]string{"-root", site}, args[1:]...)...)...)
		stray := args[len(args)-1]
		if args[1] == "-drafts" {
			stray = "true"
		}
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "guide "+args[0]+`: unexpected argument "`+stray+`"`) ||
			!strings.Contains(stderr, "usage: guide "+args[0]+" ") {
			t.Errorf("guide %v: exit %d, stdout %q, stderr %q; want 2, the word named and the usage", args, code, stdout, stderr)
		}
		if !reflect.DeepEqual(before, readTree(t, site)) {
			t.Errorf("guide %v changed files", args)
		}
	}
}

// TestNewAndTranslationsNeedTheSite: run in another folder (content/, a
// home folder), "guide new article X" made content/articles/x.md there and
// said "created", for a page the site never saw; "guide translations" said
// the site had no translations. Both now say where to run them, exit 2,
// and write nothing.
func TestNewAndTranslationsNeedTheSite(t *testing.T) {
	site := copySite(t)
	for _, root := range []string{t.TempDir(), filepath.Join(site, "content")} {
		before := readTree(t, root)
		for _, args := range [][]string{
			{"new", "-root", root, "article", "Hello"},
			{"new", "-root", root, "worksheet", "Hello"},
			{"new", "-root", root, "translation", "content/articles/first.md"},
			{"translations", "-root", root},
			{"translations", "-root", root, "-mark", "content/fr/articles/first.md"},
		} {
			code, stdout, stderr := guide(t, args...)
			want := "guide " + args[0] + ": -root " + root + " holds no content/site.yaml: "
			if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) {
				t.Errorf("guide %v: exit %d, stdout %q, stderr %q; want 2 and %q", args, code, stdout, stderr, want)
			}
		}
		if !reflect.DeepEqual(before, readTree(t, root)) {
			t.Errorf("files were written in %s", root)
		}
	}
}

// TestServeAddrWithoutPort: "-addr 8080", a port alone, said "address
// 8080: missing port in address" with exit 1; it is a mistake on the
// command line, said as one.
func TestServeAddrWithoutPort(t *testing.T) {
	site := copySite(t)
	for _, addr := range []string{"8080", "localhost", "127.0.0.1"} {
		code, _, stderr := guide(t, "serve", "-root", site, "-addr", addr)
		want := "guide serve: -addr " + addr + ": give a host and a port, like 127.0.0.1:1313"
		if code != 2 || !strings.HasPrefix(stderr, want) {
			t.Errorf("-addr %s: exit %d, stderr %q; want 2 and %q", addr, code, stderr, want)
		}
	}
}

// TestServePollWithoutUnit: "-poll 500" said only "parse error".
func TestServePollWithoutUnit(t *testing.T) {
	code, _, stderr := guide(t, "serve", "-root", copySite(t), "-poll", "500")
	if code != 2 || !strings.Contains(stderr, `invalid value "500" for flag -poll: give a time with its unit, like 500ms or 2s`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestCheckNamesUnlistedURLs: a page made and pushed without a local
// `guide build` is published by Netlify's build, whose content/urls.txt is
// thrown away with its machine: check (which CI runs) says which URLs the
// file lacks, until `guide build` adds them; a later rename that lost them
// would otherwise pass without a word.
func TestCheckNamesUnlistedURLs(t *testing.T) {
	site := copySite(t)
	_, _, stderr := guide(t, "check", "-root", site)
	if !strings.Contains(stderr, "content/urls.txt:3:1: warning: ") || !strings.Contains(stderr, "/worksheets/name-it/") || !strings.Contains(stderr, "/w/name-it") {
		t.Errorf("check does not name the URLs content/urls.txt lacks:\n%s", stderr)
	}
	if code, _, stderr := guide(t, "build", "-root", site); code != 0 {
		t.Fatal(stderr)
	}
	if _, _, stderr := guide(t, "check", "-root", site); strings.Contains(stderr, "content/urls.txt") {
		t.Errorf("after guide build, check still says:\n%s", stderr)
	}
}
