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
	a := &pageAudit{name: name, ids: map[string]bool{}, labelled: map[string]bool{}, count: map[atom.Atom]int{}}
	if !bytes.HasPrefix(bytes.ToLower(data), []byte("<!doctype html>")) {
		a.add("does not start with <!doctype html>")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		a.add("cannot be parsed: %v", err)
		return a.problems
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode {
			a.element(n)
		}
	}
	a.whole(doc)
	return a.problems
}

// pageAudit is what checking one page gathers as it walks the elements.
type pageAudit struct {
	name     string
	problems []string
	ids      map[string]bool   // ids seen so far
	labelled map[string]bool   // ids named by a <label for>
	controls []*html.Node      // form controls that need a label
	count    map[atom.Atom]int // elements of the page's own (HTML) namespace
}

func (a *pageAudit) add(format string, args ...any) {
	a.problems = append(a.problems, a.name+": "+fmt.Sprintf(format, args...))
}

// element checks one element on its own, and notes what the whole page's
// checks need.
func (a *pageAudit) element(n *html.Node) {
	if n.Namespace == "" { // an inline SVG's <title> is not the page's
		a.count[n.DataAtom]++
	}
	if id := attr(n, "id"); id != "" {
		if a.ids[id] {
			a.add("the id %q is used twice", id)
		}
		a.ids[id] = true
	}
	a.inline(n)
	switch n.DataAtom {
	case atom.Label:
		if f := attr(n, "for"); f != "" {
			a.labelled[f] = true
		}
	case atom.Img:
		// alt="" says the picture only decorates; no alt at all leaves a
		// screen reader to read out its file name.
		if !hasAttr(n, "alt") {
			a.add("an <img> has no alt (src %q): describe the picture in alt=\"...\", or write alt=\"\" if it only decorates", attr(n, "src"))
		}
	case atom.Input, atom.Textarea, atom.Select:
		if t := attr(n, "type"); t != "hidden" && t != "submit" && t != "button" {
			a.controls = append(a.controls, n)
		}
	}
	a.requests(n)
}

// inline reports what the Content-Security-Policy would block: styles,
// handlers and scripts written in the page. A data block (JSON) runs
// nothing, and is allowed.
func (a *pageAudit) inline(n *html.Node) {
	if hasAttr(n, "style") {
		a.add("<%s> has a style attribute, which the Content-Security-Policy blocks", n.Data)
	}
	for _, at := range n.Attr {
		if strings.HasPrefix(at.Key, "on") {
			a.add("<%s> has an inline %s handler, which the Content-Security-Policy blocks", n.Data, at.Key)
		}
	}
	switch n.DataAtom {
	case atom.Script:
		if attr(n, "src") == "" && !isJSON(attr(n, "type")) {
			a.add("has an inline <script>, which the Content-Security-Policy blocks")
		}
	case atom.Style:
		a.add("has an inline <style>, which the Content-Security-Policy blocks")
	}
}

// isJSON reports whether a script's type makes it a JSON data block, which
// browsers never run: application/json (the strings of the page's
// scripts), application/ld+json.
func isJSON(typ string) bool {
	typ = strings.ToLower(strings.TrimSpace(typ))
	return typ == "application/json" || strings.HasSuffix(typ, "+json") && strings.HasPrefix(typ, "application/")
}

// requests reports what would make the browser contact another host.
func (a *pageAudit) requests(n *html.Node) {
	if n.DataAtom == atom.Link && fetchedLink(n) && leavesSite(attr(n, "href")) {
		a.add("<link rel=%q href=%q> makes the browser contact another host", attr(n, "rel"), attr(n, "href"))
	}
	for _, key := range requestAttrs[n.DataAtom] {
		if v := attr(n, key); v != "" && leavesSite(v) {
			a.add("<%s %s=%q> makes the browser contact another host", n.Data, key, v)
		}
	}
}

// whole checks what only the whole page can tell: every control labelled,
// one title, one h1, one main, a language.
func (a *pageAudit) whole(doc *html.Node) {
	for _, c := range a.controls {
		if !a.labelled[attr(c, "id")] && !insideLabel(c) && attr(c, "aria-label") == "" && attr(c, "aria-labelledby") == "" {
			a.add("a form control (<%s name=%q>) has no label", c.Data, attr(c, "name"))
		}
	}
	for _, one := range []atom.Atom{atom.Title, atom.H1, atom.Main} {
		if a.count[one] != 1 {
			a.add("has %d <%s> elements, want 1", a.count[one], one)
		}
	}
	if root := findFirst(doc, atom.Html); root == nil || attr(root, "lang") == "" {
		a.add("<html> has no lang attribute")
	}
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
