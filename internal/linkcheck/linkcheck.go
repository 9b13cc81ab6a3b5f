// Package linkcheck finds links in the built site that lead nowhere: every
// internal href and src of every HTML page, templates' links included, must
// name a file of the site and, with a #fragment, an id in it.
package linkcheck

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/trustguide/guide/internal/output"
)

// Broken is a link that leads nowhere.
type Broken struct {
	File   string // output file that has the link: "articles/x/index.html"
	Target string // the href or src as written
	Reason string
}

// Attrs lists the values of the href, src and id attributes of an HTML
// file. It reads tags only: text may hold anything (the minifier writes a
// quote in text as a plain '"'), but it never holds a '<' that starts a tag,
// and the contents of <script> and <style> and comments are skipped. A full
// HTML tokenizer would do the same several times slower, on every page of
// every build.
func Attrs(page []byte) (refs, ids []string) {
	for i := 0; i < len(page); {
		lt := bytes.IndexByte(page[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := page[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(page, i, "-->")
			continue
		case len(rest) < 2 || !isLetter(rest[1]):
			i++ // "</x>", "<!doctype>" and a stray "<" hold no attributes we want
			continue
		}
		end := tagEnd(page, i)
		name, attrs := parseTag(page[i+1 : end])
		for _, a := range attrs {
			switch a.name {
			case "href", "src":
				refs = append(refs, unescape(a.value))
			case "id":
				ids = append(ids, unescape(a.value))
			}
		}
		i = end + 1
		if name == "script" || name == "style" {
			i = skipPast(page, i, "</"+name)
		}
	}
	return refs, ids
}

type attr struct{ name, value string }

// wanted are the attributes Attrs reads; others are skipped unread.
var wanted = []string{"href", "src", "id"}

// parseTag reads a start tag's name and its href, src and id attributes
// from the text between "<" and ">".
func parseTag(tag []byte) (name string, attrs []attr) {
	i := 0
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' {
		i++
	}
	switch {
	case bytes.EqualFold(tag[:i], []byte("script")):
		name = "script"
	case bytes.EqualFold(tag[:i], []byte("style")):
		name = "style"
	}
	for i < len(tag) {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		start := i
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' && tag[i] != '/' {
			i++
		}
		key := tag[start:i]
		if i >= len(tag) || tag[i] != '=' {
			if i == start {
				i++
			}
			continue // an attribute without a value
		}
		var value []byte
		value, i = attrValue(tag, i+1) // after "="
		for _, w := range wanted {
			if bytes.EqualFold(key, []byte(w)) {
				attrs = append(attrs, attr{w, string(value)})
			}
		}
	}
	return name, attrs
}

// attrValue reads the value that starts at tag[i], quoted or not, and
// returns it with where the tag goes on.
func attrValue(tag []byte, i int) (value []byte, next int) {
	if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
		q := tag[i]
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			j = len(tag) - i - 1
		}
		return tag[i+1 : i+1+j], i + j + 2
	}
	start := i
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	return tag[start:i], i
}

// tagEnd finds the ">" that closes the tag starting at i, skipping quoted
// attribute values (which may hold ">").
func tagEnd(page []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(page); j++ {
		switch c := page[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j
		}
	}
	return len(page)
}

func skipPast(page []byte, i int, marker string) int {
	j := bytes.Index(page[i:], []byte(marker))
	if j < 0 {
		return len(page)
	}
	return i + j + len(marker)
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return html.UnescapeString(s)
}

// Check reports every broken internal link in the HTML files of files.
// redirects are paths the site answers with a redirect (aliases, short links).
func Check(files output.Files, redirects map[string]bool) []Broken {
	ix := NewIndex()
	var names []string
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			ix.Update(name, data)
			names = append(names, name)
		}
	}
	ix.Recheck(files, names, redirects)
	return ix.Broken()
}

func targetURL(target, file string) string {
	if target != "" {
		return target
	}
	return "/" + strings.TrimSuffix(strings.TrimSuffix(file, "index.html"), "/")
}

// plainSitePath reports whether ref is a root-relative path or a fragment
// with nothing to decode: no scheme, host, query or escapes.
func plainSitePath(ref string) bool {
	if ref == "" || ref[0] != '/' && ref[0] != '#' || strings.HasPrefix(ref, "//") {
		return false
	}
	return !strings.ContainsAny(ref, "?%\\ ")
}

// Resolve turns a reference found in an output file into a site path and a
// fragment. internal is false for links to other sites and for schemes such
// as mailto: and tel:. A reference that is only a fragment has target "".
func Resolve(file, ref string) (target, fragment string, internal bool) {
	if plainSitePath(ref) { // most links: "/x/", "/x/#y", "#y"; no need to parse
		target, fragment, _ = strings.Cut(ref, "#")
		return target, fragment, true
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "//") {
		return "", "", false
	}
	fragment = u.Fragment
	if u.Path == "" {
		return "", fragment, true
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/"+path.Dir(file), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	return p, fragment, true
}
