// Package minifier configures tdewolff/minify for the site's files.
package minifier

import (
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// New returns a minifier for HTML, CSS, JS, SVG, XML and JSON. HTML keeps
// its document and end tags, so pages stay easy to read in "view source" and
// for simple tools, and default attribute values such as type="text", which
// style sheets select on; the minifier never touches <pre> or <textarea>
// content.
// A *minify.M is safe for concurrent use.
func New() *minify.M {
	m := minify.New()
	m.Add("text/html", htmlMinifier())
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.Add("application/javascript", &js.Minifier{})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// ForPages returns a minifier for the site's HTML pages and the CSS and JS
// inside them. Inline SVG is left as written: the builder draws its QR
// codes compact already, and minifying their paths again cost more than a
// third of drawing a page that shows many of them.
func ForPages() *minify.M {
	m := minify.New()
	m.Add("text/html", htmlMinifier())
	m.AddFunc("text/css", css.Minify)
	m.Add("application/javascript", &js.Minifier{})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	return m
}

// Templates returns a function that minifies an html/template's text as
// pages are minified, leaving its {{actions}} as they are: pages drawn
// from minified templates need no minifying of their own.
func Templates() func(text string) (string, error) {
	m := minify.New()
	h := htmlMinifier()
	h.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", h)
	m.AddFunc("text/css", css.Minify)
	m.Add("application/javascript", &js.Minifier{})
	return func(text string) (string, error) { return m.String("text/html", text) }
}

func htmlMinifier() *html.Minifier {
	return &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}
}

// TypeOf returns the media type the minifier knows a file by, or "" when the
// file is copied as it is.
func TypeOf(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	case ".xml":
		return "application/xml"
	}
	return ""
}

// Bytes minifies data of the given media type. On a minifier error (which
// means the input is not valid) the input is returned unchanged with the error.
func Bytes(m *minify.M, mediaType string, data []byte) ([]byte, error) {
	if mediaType == "" {
		return data, nil
	}
	out, err := m.Bytes(mediaType, data)
	if err != nil {
		return data, err
	}
	return out, nil
}
