package corpus

// templates are a generated site's templates/*.html: simple, like a small
// theme's — a base with a section menu, breadcrumbs and the crisis links
// (the menu and the links as site parts, drawn once per build);
// a table of contents, prev/next on the guided path and worksheet cards on
// articles; section lists; the counsellors' index with QR codes.
var templates = map[string]string{
	"base.html": `<!doctype html>
<html lang="{{.Site.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Page.Title}} · {{.Site.Title}}</title>
<meta name="description" content="{{or .Page.Description .Site.Description}}">
<link rel="canonical" href="{{.Page.Permalink}}">
<link rel="stylesheet" href="{{asset "css/site.css"}}">
</head>
<body class="kind-{{.Page.Kind}}">
<a class="skip" href="#main">Skip to the content</a>
<a class="quick-exit" href="{{.Site.QuickExit}}" rel="noreferrer">Leave this site</a>
{{.Parts.header}}
<main id="main">
{{template "_breadcrumbs.html" .}}
<h1>{{.Page.Title}}</h1>
{{block "main" .}}{{end}}
</main>
{{.Parts.footer}}
</body>
</html>
`,
	"_site-header.html": `<header>
<a class="site-title" href="/">{{.Site.Title}}</a>
<nav aria-label="Sections">
<ul>
{{- range .Page.Menu}}
<li><a href="{{.Href}}"{{with .Current}} aria-current="{{.}}"{{end}}>{{.Title}}</a></li>
{{- end}}
</ul>
</nav>
</header>`,
	"_site-footer.html": `<footer>
<h2 id="help-now">Need help now?</h2>
<ul>
{{- range .Site.Crisis}}
<li><a href="{{.Href}}">{{.Name}}</a>: {{.Detail}}</li>
{{- end}}
</ul>
</footer>`,
	"_body.html": `{{if .Page.IsForm}}<form class="worksheet" id="worksheet" action="#" method="post" autocomplete="off">{{.Page.Body}}</form>{{else}}{{.Page.Body}}{{end}}`,
	"_breadcrumbs.html": `{{- with .Page.Breadcrumbs}}
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
{{- range .}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end -}}
</ol></nav>
{{- end}}`,
	"_toc.html": `{{- if ge (len .Page.TOC) 3}}
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">On this page</h2>
<ol>
{{- range .Page.TOC}}
<li class="toc-{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ol>
</nav>
{{- end}}`,
	"_prevnext.html": `{{- if .Page.Step}}<p class="step">Step {{.Page.Step}} of {{.Page.Steps}}</p>{{end}}
{{- if or .Page.Prev .Page.Next}}
<nav class="prevnext" aria-label="The guided path">
{{- with .Page.Prev}}<a rel="prev" href="{{.URL}}">Previous: {{.Title}}</a>{{end}}
{{- with .Page.Next}}<a rel="next" href="{{.URL}}">Next: {{.Title}}</a>{{end}}
</nav>
{{- end}}`,
	"home.html": `{{define "main"}}
<div class="body">{{template "_body.html" .}}</div>
{{- with .Site.Path}}
<h2 id="the-path">The guided path</h2>
<ol>{{range .}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}</ol>
{{- end}}
{{end}}`,
	"article.html": `{{define "main"}}
<p class="lead">{{.Page.Description}}</p>
<p class="meta">About {{.Page.Minutes}} min to read{{with .Page.Date}} · {{.}}{{end}}</p>
{{template "_toc.html" .}}
<div class="body">{{template "_body.html" .}}</div>
{{- with .Page.Worksheets}}
<h2 id="worksheets-for-this-page">Worksheets for this page</h2>
<ul class="cards">
{{- range .}}
<li><a href="{{.URL}}">{{.Title}}</a> <span>{{.ForLabel}}, about {{.Minutes}} minutes</span></li>
{{- end}}
</ul>
{{- end}}
{{template "_prevnext.html" .}}
{{end}}`,
	"page.html": `{{define "main"}}
{{template "_toc.html" .}}
<div class="body">{{template "_body.html" .}}</div>
{{end}}`,
	"section.html": `{{define "main"}}
<div class="body">{{template "_body.html" .}}</div>
<ul class="page-list">
{{- range .Page.Children}}
<li><a href="{{.URL}}">{{.Title}}</a>{{with .Description}} <span>{{.}}</span>{{end}}</li>
{{- end}}
</ul>
{{end}}`,
	"worksheet.html": `{{define "main"}}
{{- with .Page.Worksheet}}
<p class="facts">For {{.ForLabel}} · about {{.Minutes}} minutes</p>
{{- end}}
{{- with .Page.Article}}<p>Goes with <a href="{{.URL}}">{{.Title}}</a></p>{{end}}
<div class="body">{{template "_body.html" .}}</div>
{{- with .Page.Worksheet}}
<footer class="print-footer">
<div class="qr">{{.QR}}</div>
<p>Find this worksheet again at <strong>{{.ShortURL}}</strong></p>
</footer>
{{- end}}
{{end}}`,
	"worksheets.html": `{{define "main"}}
<div class="body">{{template "_body.html" .}}</div>
<ul class="ws-index">
{{- range .Page.Worksheets}}
<li id="ws-{{.Short}}">
<h2><a href="{{.URL}}">{{.Title}}</a></h2>
<p>{{.Description}}</p>
<p>For {{.ForLabel}} · about {{.Minutes}} minutes · <code>{{.ShortURL}}</code></p>
<div class="qr">{{.QR}}</div>
</li>
{{- end}}
</ul>
{{end}}`,
	"404.html": `{{define "main"}}<p>There is no page here. Try <a href="/">the home page</a>.</p>{{end}}`,
}

// siteCSS is static/css/site.css.
const siteCSS = `/* A generated site's stylesheet: enough to be minified and fingerprinted. */
:root {
  --text: #1f2328;
  --muted: #59636e;
  --accent: #0b5fff;
  --paper: #ffffff;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 1.0625rem/1.6 system-ui, sans-serif;
  color: var(--text);
  background: var(--paper);
}
header, main, footer {
  max-width: 42rem;
  margin: 0 auto;
  padding: 1rem;
}
header nav ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1rem;
  padding: 0;
  list-style: none;
}
a { color: var(--accent); }
a[aria-current="page"] { font-weight: bold; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; }
.quick-exit {
  position: fixed;
  top: 0.5rem;
  right: 0.5rem;
  padding: 0.5rem 1rem;
  background: #b00020;
  color: #ffffff;
}
.breadcrumbs ol { display: flex; gap: 0.5rem; padding: 0; list-style: none; }
.toc { border-left: 3px solid var(--accent); padding-left: 1rem; }
.meta, .facts { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #d0d7de; }
.worksheet-field { margin: 1rem 0; }
.worksheet-field textarea, .worksheet-field input[type="text"] { width: 100%; }
.qr svg { width: 6rem; height: 6rem; }
@media print {
  header, .quick-exit, .toc, .prevnext { display: none; }
}
`
