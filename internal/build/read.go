package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/trustguide/guide/internal/assets"
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/digest"
	"github.com/trustguide/guide/internal/draw"
	"github.com/trustguide/guide/internal/i18n"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/minifier"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/translation"
)

// The read stage: the source files, read and parsed. Its value, inputs,
// is every setting, markdown file (its front matter parsed, its body kept
// for the draw stage), file beside the pages, static file, template and
// strings file of the site.
//
// Its part of the rebuild rule: a file is read again when the watcher names
// it (or a folder above it), and parsed again when its bytes changed; the
// rest is taken over from the last build's inputs (plan says what was read
// again, for the stages after).

// inputs are the source files of a build, read and parsed. A build takes
// over from the last one every input that did not change.
type inputs struct {
	languages []layout.Lang             // the default first
	configs   map[string]content.Config // each language's settings, by code
	sources   map[string]*source        // markdown files by path
	resources output.Files              // files beside the pages, by output path
	assets    *assets.Set
	templates *draw.Templates            // the default language's; nil when they have problems
	byLang    map[string]*draw.Templates // each language's: the same, with its strings
	strings   map[string]*i18n.Strings   // each language's strings, by code
	look      uint64                     // names this parse of the templates, with the static files they link to
	langs     []string                   // the languages whose strings the templates were checked with
	partDiag  [inputParts]diag.List      // each part's problems, kept with it
	problems  diag.List                  // every part's, and the markdown files'
}

// inputPart is a part of the inputs read again on its own.
type inputPart int

const (
	settingsPart  inputPart = iota // each language's site.yaml
	languagesPart                  // other languages' settings, checked against the English ones
	scanPart                       // the listing of content/
	resourcesPart                  // the files beside the pages
	assetsPart                     // static/
	templatesPart                  // templates/ and the strings files
	inputParts
)

// source is one markdown file as last read.
type source struct {
	sum      uint64        // digest of its bytes
	lang     layout.Lang   // the language it was parsed in
	page     *content.Page // nil when the file has errors
	problems diag.List
	hash     string // a default-language page's translation.Hash, when the site has translations
}

// plan is what a change touched.
type plan struct {
	everything, config, scan, manifest, assets, templates bool
	pages                                                 []string // markdown files to read again
}

// empty reports a plan that reads nothing again: a change no input
// depends on.
func (p plan) empty() bool {
	return reflect.ValueOf(p).IsZero()
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
func planFor(fsys fs.FS, last *inputs, changed []string) plan {
	if changed == nil {
		return plan{everything: true, config: true, scan: true, manifest: true, assets: true, templates: true}
	}
	var p plan
	for _, c := range changed {
		switch {
		case isSettings(c):
			p.config, p.scan = true, true // a language may have come or gone
		case c == content.ConfigPath:
			p.config = true
		case c == content.ManifestPath:
			p.manifest = true
		case strings.HasPrefix(c, draw.Dir+"/") || c == draw.Dir:
			p.templates = true
		case strings.HasPrefix(c, assets.Dir+"/") || c == assets.Dir:
			p.assets = true
		case isPageEdit(fsys, last, c):
			p.pages = append(p.pages, c)
		case strings.HasPrefix(c, layout.Root+"/") || c == layout.Root:
			p.scan = true // an image, a folder, a page that came or went as a folder
		}
	}
	return p
}

// isSettings reports whether a path names a language's site.yaml.
func isSettings(name string) bool {
	dir := path.Dir(name)
	return path.Base(name) == layout.Settings && (dir == layout.Root || path.Dir(dir) == layout.Root)
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

// read reads again what changed names (everything when nil), taking the
// rest over from the last build's inputs, and notes the problems of what it
// read.
func (j *job) read(last *inputs, changed []string) *inputs {
	j.plan = planFor(j.fsys, last, changed)
	if j.plan.empty() {
		return last // nothing to read again
	}
	in := *last // a copy: the last build's inputs stay as they were
	in.sources = maps.Clone(in.sources)
	if j.plan.config || j.plan.scan {
		in.languages = layout.Languages(j.fsys)
	}
	if j.plan.config {
		in.partDiag[settingsPart] = nil
		in.configs = map[string]content.Config{}
		for _, lang := range in.languages {
			in.configs[lang.Code] = content.ReadConfig(j.fsys, lang, &in.partDiag[settingsPart])
		}
	}
	if j.plan.scan {
		j.scan(&in)
	}
	if j.plan.config || j.plan.scan {
		in.partDiag[languagesPart] = checkLanguages(j.fsys, in.languages, in.english())
	}
	if j.plan.assets {
		in.partDiag[assetsPart] = nil
		in.assets = assets.Build(j.fsys, j.tools.files, &in.partDiag[assetsPart])
	}
	langs := in.langs
	if j.plan.scan || j.plan.everything {
		langs = languageCodes(in.languages)
	}
	if j.plan.templates || j.plan.assets || j.plan.config || !slices.Equal(langs, in.langs) {
		j.loadTemplates(&in, langs)
	}
	j.readSources(&in, j.plan.pages)
	in.problems = nil // the last build's are its own
	for _, d := range in.partDiag {
		in.problems.Append(d)
	}
	for _, s := range in.sources {
		in.problems.Append(s.problems) // in any order: problems are sorted in the end
	}
	return &in
}

// scan lists the content folder again: markdown files that came are read,
// those that went are forgotten, and the files beside the pages are read.
func (j *job) scan(in *inputs) {
	in.partDiag[scanPart] = nil
	var markdown, resources []string
	for _, lang := range in.languages {
		m, r := content.Scan(j.fsys, lang, &in.partDiag[scanPart])
		markdown, resources = append(markdown, m...), append(resources, r...)
	}
	kept := make(map[string]*source, len(markdown))
	var fresh []string
	for _, m := range markdown {
		if s, ok := in.sources[m]; ok && !j.plan.everything && s.lang == layout.Of(in.languages, m) {
			kept[m] = s
		} else {
			fresh = append(fresh, m)
		}
	}
	in.sources = kept
	j.plan.pages = append(j.plan.pages, fresh...)
	in.resources, in.partDiag[resourcesPart] = j.readResources(resources)
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
		name := layout.FileOf(src)
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
	translated := len(in.languages) > 1
	parallel(len(names), func(_, i int) {
		read[i] = readSource(j.fsys, layout.Of(in.languages, names[i]), names[i], in.sources[names[i]], translated)
	})
	for i, name := range names {
		if read[i] == nil {
			delete(in.sources, name)
		} else {
			in.sources[name] = read[i]
		}
	}
}

// readSource reads one markdown file of a language; it returns nil when
// there is no such file, and last when the bytes are the same as last time
// in the same language. When the site has translations, an English page's
// hash is kept, for the translations to be checked against.
func readSource(fsys fs.FS, lang layout.Lang, name string, last *source, translated bool) *source {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	s := &source{lang: lang}
	if err != nil {
		s.problems.Add(name, 0, 0, "cannot read the file: %v", content.ReadError(err))
		return s
	}
	s.sum = digest.Bytes(data)
	if last != nil && last.sum == s.sum && last.lang == lang && (last.hash != "") == (translated && lang.IsDefault()) {
		return last // the same bytes parse the same
	}
	if translated && lang.IsDefault() {
		s.hash = translation.Hash(data)
	}
	s.page = content.ParsePage(lang, name, data, &s.problems)
	return s
}
