package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/trustguide/guide/internal/audit"
	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/published"
	"github.com/trustguide/guide/internal/readability"
	"github.com/trustguide/guide/internal/sitefs"
)

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flags("build", stdout, stderr)
	rootDir := fs.String("root", ".", "read the site from the folder `DIR`")
	out := fs.String("out", "public", "write the site to the folder `DIR`, relative to -root: a new or empty folder, or one guide build made (it replaces it whole)")
	baseURL := fs.String("base-url", "", "the site is published at `URL`, a host alone like https://example.org/ (default: base_url of site.yaml)")
	drafts := fs.Bool("drafts", false, "include draft pages, as deploy previews do")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	if problem := content.BaseURLProblem(*baseURL); *baseURL != "" && problem != "" {
		fmt.Fprintf(stderr, "guide build: -base-url %q must be the site's full address, such as https://example.org/: %s\n", *baseURL, problem)
		return errUsage
	}
	outDir, err := destination(*rootDir, *out)
	if err != nil {
		return refused(stderr, "-out "+*out, err)
	}
	// Netlify reads netlify.toml beside the site: one it would refuse, or
	// headers no response can carry, stop the build as they stop guide check.
	r, err := publish(*rootDir, outDir, build.Options{Drafts: *drafts, BaseURL: *baseURL}, netlifyProblems(*rootDir))
	if err != nil {
		return refused(stderr, "-out "+*out, err)
	}
	printProblems(stderr, r.Problems)
	if r.Problems.HasErrors() {
		fmt.Fprintf(stderr, "%s: nothing was written\n", diag.Count(len(r.Problems.Errors()), "error"))
		return errSite
	}
	added := 0
	if r.Manifest != nil {
		if added, err = updateManifest(*rootDir, r.Manifest); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, r.Summary())
	if added > 0 {
		fmt.Fprintf(stdout, "%s: %s recorded; commit it with your pages, so that the build keeps every published link working\n",
			published.Path, diag.Count(added, "new URL"))
	}
	return nil
}

// publish builds the site in rootDir (read as buildSite reads it) into a
// new folder, each page written as soon as it is drawn, which takes
// outDir's place only when the build has no errors, nor the problems known
// before it (which the result lists first).
func publish(rootDir, outDir string, opt build.Options, known diag.List) (build.Result, error) {
	site, err := sitefs.Open(rootDir)
	if err != nil {
		return build.Result{}, err
	}
	defer site.Close()
	folder, err := output.Begin(outDir)
	if err != nil {
		return build.Result{}, err
	}
	r, err := build.Publish(site, opt, folder)
	r.Problems = append(known, r.Problems...)
	if err == nil && !r.Problems.HasErrors() {
		err = folder.Finish(r.Files)
	} else {
		folder.Discard()
	}
	if err != nil {
		return r, fmt.Errorf("writing %s: %w", outDir, err)
	}
	return r, nil
}

// destination is the folder -out names, relative to the root, once it is
// sure that replacing it loses nothing: output.Destination says the rule.
func destination(rootDir, out string) (string, error) {
	if !filepath.IsAbs(out) {
		out = filepath.Join(rootDir, out)
	}
	var sources []string
	for _, d := range []string{"content", "templates", "static", ".git"} {
		sources = append(sources, filepath.Join(rootDir, d))
	}
	return output.Destination(out, rootDir, sources...)
}

// refused prints why a flag's folder cannot be written, as bad usage, or
// passes any other error on.
func refused(stderr io.Writer, flag string, err error) error {
	var r *output.Refusal
	if !errors.As(err, &r) {
		return err
	}
	fmt.Fprintf(stderr, "guide build: %s: %s\n", flag, r.Reason)
	return errUsage
}

// updateManifest writes content/urls.txt when this build published new
// URLs, and says how many lines it added.
func updateManifest(rootDir string, data []byte) (int, error) {
	name := filepath.Join(rootDir, filepath.FromSlash(published.Path))
	old, _ := os.ReadFile(name)
	if bytes.Equal(old, data) {
		return 0, nil
	}
	tmp := name + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return 0, err
	}
	return len(published.Added(old, data)), os.Rename(tmp, name)
}

func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fs := flags("check", stdout, stderr)
	rootDir := fs.String("root", ".", "read the site from the folder `DIR`")
	showGrades := fs.Bool("grades", true, "print each page's reading grade")
	drafts := fs.Bool("drafts", false, "include draft pages, as deploy previews do")
	if err := fs.parseNone(args); err != nil {
		return err
	}
	r, err := buildSite(*rootDir, build.Options{Grades: true, Drafts: *drafts})
	if err != nil {
		return err
	}
	grades := r.Grades()
	problems := append(r.Problems, gradeWarnings(grades)...)
	problems = append(problems, netlifyProblems(*rootDir)...)
	if !r.Problems.HasErrors() {
		problems = append(problems, unlisted(*rootDir, r.Manifest)...)
		problems = append(problems, auditPages(r)...)
	}
	problems = problems.Sort()
	if *showGrades {
		for _, g := range grades {
			fmt.Fprintf(stdout, "%-55s grade %4.1f  (%d words)\n", g.Source, g.Grade, g.Words)
		}
	}
	printProblems(stderr, problems)
	errs, warns := len(problems.Errors()), len(problems.Warnings())
	fmt.Fprintf(stdout, "checked %d pages: %s, %s\n", r.Pages, diag.Count(errs, "error"), diag.Count(warns, "warning"))
	if errs > 0 {
		return errSite
	}
	return nil
}

// netlifyProblems reports a netlify.toml that Netlify would refuse, or
// whose headers no response can carry, as guide serve does.
func netlifyProblems(rootDir string) diag.List {
	var l diag.List
	site, err := sitefs.Open(rootDir)
	if err != nil {
		return l // buildSite has said why
	}
	defer site.Close()
	if _, e := netlify.Read(site); e != nil {
		l.Add(netlify.Path, e.Line, e.Col, "%s", e.Message)
	}
	return l
}

// gradeWarnings warns about pages harder to read than most adults manage.
func gradeWarnings(grades []build.Grade) diag.List {
	var l diag.List
	for _, g := range grades {
		if g.Grade > readability.Limit {
			l.Warn(g.Source, 1, 1, "reading grade %.1f is above %.0f: use shorter sentences and plainer words", g.Grade, readability.Limit)
		}
	}
	return l
}

// auditPages checks every page's HTML: structure, labels, no request to
// another host, nothing inline that the Content-Security-Policy blocks. A
// problem that many pages share comes from a template they share: it is
// said once, naming the first page and how many others.
func auditPages(r build.Result) diag.List {
	var order []string
	first, others := map[string]string{}, map[string]int{}
	for _, name := range r.Files.Paths() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, problem := range audit.Page(name, r.Files[name]) {
			problem = strings.TrimPrefix(problem, name+": ")
			if _, seen := first[problem]; seen {
				others[problem]++
				continue
			}
			first[problem] = name
			order = append(order, problem)
		}
	}
	var l diag.List
	for _, problem := range order {
		where, advice := "the built page "+first[problem], "check its template"
		if n := others[problem]; n > 0 {
			where, advice = fmt.Sprintf("%s and %d other pages", where, n), "check the templates they share"
		}
		l.Add(layout.SourceFile(r.Sources[first[problem]]), 1, 1, "in %s: %s (%s)", where, problem, advice)
	}
	return l
}

func printProblems(w io.Writer, problems diag.List) {
	for _, d := range problems {
		fmt.Fprintln(w, d.String())
	}
}
