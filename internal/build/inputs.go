package build

import (
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/trustguide/guide/internal/assets"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// inputs are the source files of a build, read and parsed. A build takes
// over from the last one every input that did not change.
type inputs struct {
	config     content.Config
	configDiag diag.List
	langDiag   diag.List          // other languages' settings checked against the English
	sources    map[string]*source // markdown files by path
	scanDiag   diag.List
	resources  output.Files // files beside the pages, by output path
	resDiag    diag.List
	assets     *assets.Set
	assetDiag  diag.List
	templates  *render.Templates // nil when they have problems
	tmplDiag   diag.List
	look       uint64   // names this parse of the templates, with the static files they link to
	langs      []string // the languages whose strings the templates were checked with
}

// source is one markdown file as last read.
type source struct {
	sum      uint64        // digest of its bytes
	page     *content.Page // nil when the file has errors
	problems diag.List
}

// plan is what a change touched.
type plan struct {
	everything, config, scan, manifest, assets, templates bool
	pages                                                 []string // markdown files to read again
}

func (p plan) summary() string {
	if p.everything {
		return "everything"
	}
	var parts []string
	for _, x := range []struct {
		on   bool
		name string
	}{{p.config, "settings"}, {p.templates, "templates"}, {p.assets, "static files"}, {p.scan, "content files"}} {
		if x.on {
			parts = append(parts, x.name)
		}
	}
	if len(parts) == 0 {
		parts = p.pages
	}
	return strings.Join(parts, ", ")
}

// planFor sorts changed paths into what must be read again.
func planFor(fsys fs.FS, last *inputs, first bool, changed []string) plan {
	if changed == nil || first {
		return plan{everything: true, config: true, scan: true, manifest: true, assets: true, templates: true}
	}
	var p plan
	for _, c := range changed {
		switch {
		case layout.InOtherLanguage(fsys, c) && path.Base(c) != layout.Settings:
			// another language's page: not part of this site
		case c == content.ConfigPath:
			p.config = true
		case c == content.ManifestPath:
			p.manifest = true
		case strings.HasPrefix(c, render.Dir+"/") || c == render.Dir:
			p.templates = true
		case strings.HasPrefix(c, assets.Dir+"/") || c == assets.Dir:
			p.assets = true
		case isPageEdit(fsys, last, c):
			p.pages = append(p.pages, c)
		case strings.HasPrefix(c, "content/") || c == "content":
			p.scan = true // an image, a folder, a page that came or went as a folder
		}
	}
	return p
}

// isPageEdit reports whether a changed path is a page file saved again or
// deleted, or a new page file: then reading that one file is enough. A
// path that is now a folder, or was one (a folder named x.md), or anything
// else, needs the content folder scanned again.
func isPageEdit(fsys fs.FS, last *inputs, name string) bool {
	if !content.IsPage(name) {
		return false
	}
	info, err := fs.Stat(fsys, name)
	_, known := last.sources[name]
	switch {
	case err == nil && info.Mode().IsRegular():
		return true
	case errors.Is(err, fs.ErrNotExist):
		return known // a folder named x.md that went away held pages
	}
	return false
}

// readInputs reads again what the plan names, taking the rest over from
// the last build.
func (j *job) readInputs() {
	in := *j.last.in // a copy: the last build's inputs stay as they were
	in.sources = maps.Clone(in.sources)
	if j.plan.config {
		in.configDiag = nil
		in.config = content.ReadConfig(j.fsys, &in.configDiag)
	}
	if j.plan.scan {
		j.scan(&in)
	}
	if j.plan.config || j.plan.scan { // another language's site.yaml changed: a scan
		in.langDiag = checkLanguages(j.fsys, in.config)
	}
	if j.plan.assets {
		in.assetDiag = nil
		in.assets = assets.Build(j.fsys, j.tools.files, &in.assetDiag)
	}
	langs := in.langs
	if j.plan.scan || j.plan.everything {
		langs = languageCodes(j.fsys)
	}
	if j.plan.templates || j.plan.assets || j.plan.config || !slices.Equal(langs, in.langs) {
		j.loadTemplates(&in, langs)
	}
	j.readSources(&in, j.plan.pages)
	j.next.in = &in
}

// loadTemplates parses the templates with the static files' URLs, the
// site's address and the strings that their functions give, and checks
// the strings of every language against the templates and scripts.
func (j *job) loadTemplates(in *inputs, langs []string) {
	in.tmplDiag, in.langs = nil, langs
	strs, ok := siteStrings(j.fsys, langs, &in.tmplDiag)
	funcs := j.templateFuncs(in.assets, j.baseURL(in.config))
	maps.Copy(funcs, strs)
	in.templates = render.LoadTemplates(j.fsys, funcs, j.tools.templates, &in.tmplDiag)
	if !ok {
		in.templates = nil
	}
	in.look = j.tools.version()
}

// checkLanguages checks each other language's settings against the
// English ones: every crisis line must be in each.
func checkLanguages(fsys fs.FS, english content.Config) diag.List {
	var problems diag.List
	for _, lang := range layout.Languages(fsys)[1:] {
		src := path.Join(lang.Dir, layout.Settings)
		data, err := fs.ReadFile(fsys, src)
		if err != nil {
			problems.Add(src, 0, 0, "cannot read: %v", content.ReadError(err))
			continue
		}
		content.CheckCrisisLines(english, src, data, &problems)
	}
	return problems
}

// scan lists the content folder again: markdown files that came are read,
// those that went are forgotten, and the files beside the pages are read.
func (j *job) scan(in *inputs) {
	in.scanDiag = nil
	markdown, resources := content.Scan(j.fsys, &in.scanDiag)
	kept := make(map[string]*source, len(markdown))
	var fresh []string
	for _, m := range markdown {
		if s, ok := in.sources[m]; ok && !j.plan.everything {
			kept[m] = s
		} else {
			fresh = append(fresh, m)
		}
	}
	in.sources = kept
	j.plan.pages = append(j.plan.pages, fresh...)
	in.resources, in.resDiag = j.readResources(resources)
}

// readResources reads the files beside the pages, to be published at the
// same place.
func (j *job) readResources(names []string) (output.Files, diag.List) {
	files, problems := output.Files{}, diag.List{}
	for _, src := range names {
		data, err := fs.ReadFile(j.fsys, src)
		if err != nil {
			problems.Add(src, 0, 0, "cannot read: %v", content.ReadError(err))
			continue
		}
		name := strings.TrimPrefix(src, "content/")
		if small, err := minifier.Bytes(j.tools.files, minifier.TypeOf(name), data); err == nil {
			data = small
		}
		files[name] = data
	}
	return files, problems
}

// readSources reads the given markdown files again, in parallel; a file
// that is gone is forgotten, and one whose bytes are the same keeps its
// parse.
func (j *job) readSources(in *inputs, names []string) {
	slices.Sort(names)
	names = slices.Compact(names)
	read := make([]*source, len(names))
	parallel(len(names), func(_, i int) { read[i] = readSource(j.fsys, names[i], in.sources[names[i]]) })
	for i, name := range names {
		if read[i] == nil {
			delete(in.sources, name)
		} else {
			in.sources[name] = read[i]
		}
	}
}

// readSource reads one markdown file; it returns nil when there is no such
// file, and last when the bytes are the same as last time.
func readSource(fsys fs.FS, name string, last *source) *source {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	s := &source{}
	if err != nil {
		s.problems.Add(name, 0, 0, "cannot read the file: %v", content.ReadError(err))
		return s
	}
	s.sum = digest.Bytes(data)
	if last != nil && last.sum == s.sum {
		return last // the same bytes parse the same
	}
	s.page = content.ParsePage(name, data, &s.problems)
	return s
}

// templateFuncs are the functions templates may call: asset gives a static
// file's fingerprinted URL, absURL a full URL on the published site.
func (j *job) templateFuncs(set *assets.Set, baseURL string) template.FuncMap {
	return template.FuncMap{
		"asset":  func(name string) (string, error) { return set.URL(name) },
		"absURL": func(p string) string { return render.Absolute(baseURL, p) },
	}
}

// baseURL is where the site is published: -base-url, else site.yaml's.
func (j *job) baseURL(c content.Config) string {
	if j.opt.BaseURL != "" {
		return render.Absolute(j.opt.BaseURL, "")
	}
	return c.BaseURL
}
