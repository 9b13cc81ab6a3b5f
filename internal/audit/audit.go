// Package audit checks built pages for what the site promises its readers:
// well-formed HTML5 with the structure screen readers and search engines
// rely on, no request to any other host, and nothing inline that the strict
// Content-Security-Policy would block.
package audit

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page returns the problems of one HTML page; name is its output path.
func Page(name string, data []byte) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, name+": "+fmt.Sprintf(format, args...)) }

	if !bytes.HasPrefix(bytes.ToLower(data), []byte("<!doctype html>")) {
		add("does not start with <!doctype html>")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		add("cannot be parsed: %v", err)
		return problems
	}
	ids := map[string]bool{}
	labelled := map[string]bool{}
	var controls []*html.Node
	count := map[atom.Atom]int{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Namespace == "" { // an inline SVG's <title> is not the page's
			count[n.DataAtom]++
		}
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				add("the id %q is used twice", id)
			}
			ids[id] = true
		}
		if hasAttr(n, "style") {
			add("<%s> has a style attribute, which the Content-Security-Policy blocks", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				add("<%s> has an inline %s handler, which the Content-Security-Policy blocks", n.Data, a.Key)
			}
		}
		switch n.DataAtom {
		case atom.Script:
			if attr(n, "src") == "" && !isJSON(attr(n, "type")) {
				add("has an inline <script>, which the Content-Security-Policy blocks")
			}
		case atom.Style:
			add("has an inline <style>, which the Content-Security-Policy blocks")
		case atom.Label:
			if f := attr(n, "for"); f != "" {
				labelled[f] = true
			}
		case atom.Input, atom.Textarea, atom.Select:
			if t := attr(n, "type"); t != "hidden" && t != "submit" && t != "button" {
				controls = append(controls, n)
			}
		}
		if n.DataAtom == atom.Link && fetchedLink(n) && leavesSite(attr(n, "href")) {
			add("<link rel=%q href=%q> makes the browser contact another host", attr(n, "rel"), attr(n, "href"))
		}
		for _, key := range requestAttrs[n.DataAtom] {
			if v := attr(n, key); v != "" && leavesSite(v) {
				add("<%s %s=%q> makes the browser contact another host", n.Data, key, v)
			}
		}
	}
	for _, c := range controls {
		if !labelled[attr(c, "id")] && !insideLabel(c) && attr(c, "aria-label") == "" && attr(c, "aria-labelledby") == "" {
			add("a form control (<%s name=%q>) has no label", c.Data, attr(c, "name"))
		}
	}
	if count[atom.Title] != 1 {
		add("has %d <title> elements, want 1", count[atom.Title])
	}
	if count[atom.H1] != 1 {
		add("has %d <h1> elements, want 1", count[atom.H1])
	}
	if count[atom.Main] != 1 {
		add("has %d <main> elements, want 1", count[atom.Main])
	}
	if root := findFirst(doc, atom.Html); root == nil || attr(root, "lang") == "" {
		add("<html> has no lang attribute")
	}
	return problems
}

// requestAttrs are the attributes that make a browser fetch something as the
// page loads (links a reader clicks are not requests).
var requestAttrs = map[atom.Atom][]string{
	atom.Script: {"src"}, atom.Img: {"src", "srcset"}, atom.Iframe: {"src"}, atom.Audio: {"src"},
	atom.Video: {"src", "poster"}, atom.Source: {"src", "srcset"}, atom.Embed: {"src"}, atom.Object: {"data"},
	atom.Form: {"action"}, atom.Input: {"src"},
}

// fetchedRels are the <link rel> values a browser fetches; a canonical or
// alternate link is only a name for the page.
var fetchedRels = []string{"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest", "apple-touch-icon"}

func fetchedLink(n *html.Node) bool {
	for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
		for _, f := range fetchedRels {
			if rel == f {
				return true
			}
		}
	}
	return false
}

func leavesSite(v string) bool {
	u, err := url.Parse(strings.TrimSpace(v))
	return err != nil || u.Host != "" || (u.Scheme != "" && u.Scheme != "data")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func insideLabel(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Label {
			return true
		}
	}
	return false
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.DataAtom == a {
			return d
		}
	}
	return nil
}

// isJSON reports whether a script's type makes it a JSON data block, which
// browsers never run, so the Content-Security-Policy does not block it:
// application/json (the strings of the page's scripts), application/ld+json.
func isJSON(typ string) bool {
	typ = strings.ToLower(strings.TrimSpace(typ))
	return typ == "application/json" || strings.HasSuffix(typ, "+json") && strings.HasPrefix(typ, "application/")
}
