// Package linkcheck finds links in the built site that lead nowhere: every
// internal href and src of every HTML page, templates' links included, must
// name a file of the site and, with a #fragment, an id in it.
package linkcheck

import (
	"bytes"
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

// Attrs lists the values of the href, src and id attributes of an HTML file.
// The site's HTML is minified with quotes kept and text escaped, so a quoted
// attribute can be found by a plain search: a literal ` href="` cannot occur
// in text or in another attribute's value.
func Attrs(html []byte) (refs, ids []string) {
	for _, name := range []string{` href="`, ` src="`} {
		refs = appendValues(refs, html, name)
	}
	return refs, appendValues(nil, html, ` id="`)
}

func appendValues(out []string, html []byte, name string) []string {
	for i := bytes.Index(html, []byte(name)); i >= 0; {
		start := i + len(name)
		end := bytes.IndexByte(html[start:], '"')
		if end < 0 {
			break
		}
		out = append(out, unescape(string(html[start:start+end])))
		next := bytes.Index(html[start+end:], []byte(name))
		if next < 0 {
			break
		}
		i = start + end + next
	}
	return out
}

func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&quot;", `"`, "&#39;", "'").Replace(s)
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

// Resolve turns a reference found in an output file into a site path and a
// fragment. internal is false for links to other sites and for schemes such
// as mailto: and tel:. A reference that is only a fragment has target "".
func Resolve(file, ref string) (target, fragment string, internal bool) {
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
