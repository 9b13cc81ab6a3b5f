package corpus

import (
	"strings"
	"testing/fstest"
)

// Hugo turns a generated site into a Hugo project with layouts like the
// site's templates (a base with the section menu, breadcrumbs and the
// crisis links, a table of contents, section lists), so that both tools
// build the same pages for a comparison of speed. Hugo keeps the links to
// .md files as they are written and skips the worksheet fields; what it
// does is close to a build's work, not the same.
func Hugo(site fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for name, f := range site {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") {
			out[name] = f
		}
	}
	var menu strings.Builder
	for i, s := range Sections {
		menu.WriteString("[[menu.main]]\nname = \"" + sectionTitle(s) + "\"\nurl = \"/" + s + "/\"\nweight = " + itoa(i+1) + "\n")
	}
	out["hugo.toml"] = file("baseURL = \"https://example.org/\"\ntitle = \"Corpus\"\nlanguageCode = \"en\"\n" +
		"disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n[markup.goldmark.renderer]\nunsafe = false\n" +
		"[markup.tableOfContents]\nstartLevel = 2\nendLevel = 3\n" + menu.String())
	for name, text := range hugoLayouts {
		out["layouts/"+name] = file(text)
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · {{site.Title}}</title>
<meta name="description" content="{{or .Description site.Params.description}}">
<link rel="canonical" href="{{.Permalink}}">
</head>
<body class="kind-{{.Kind}}">
<a class="skip" href="#main">Skip to the content</a>
<a class="quick-exit" href="https://www.example.com/" rel="noreferrer">Leave this site</a>
<header>
<a class="site-title" href="/">{{site.Title}}</a>
<nav aria-label="Sections"><ul>
{{- $here := . }}{{range site.Menus.main}}
<li><a href="{{.URL}}"{{if $here.IsMenuCurrent "main" .}} aria-current="page"{{end}}>{{.Name}}</a></li>
{{- end}}
</ul></nav>
</header>
<main id="main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{{range .Ancestors.Reverse}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ol></nav>
<h1>{{.Title}}</h1>
{{block "main" .}}{{end}}
</main>
<footer><h2 id="help-now">Need help now?</h2><ul><li><a href="tel:911">Emergency</a>: Call 911</li><li><a href="sms:741741">Crisis line</a>: Text 741741</li></ul></footer>
</body>
</html>
`,
	"_default/single.html": `{{define "main"}}
<p class="lead">{{.Description}}</p>
<p class="meta">About {{.ReadingTime}} min to read{{with .Date}} · {{.Format "2006-01-02"}}{{end}}</p>
{{if ge (len .Fragments.Headings) 1}}<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2>{{.TableOfContents}}</nav>{{end}}
<div class="body">{{.Content}}</div>
{{end}}`,
	"_default/list.html": `{{define "main"}}
<div class="body">{{.Content}}</div>
<ul class="page-list">
{{- range .Pages}}
<li><a href="{{.RelPermalink}}">{{.Title}}</a>{{with .Description}} <span>{{.}}</span>{{end}}</li>
{{- end}}
</ul>
{{end}}`,
	"index.html": `{{define "main"}}<div class="body">{{.Content}}</div>{{end}}`,
}
