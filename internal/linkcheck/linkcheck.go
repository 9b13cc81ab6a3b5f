// Package linkcheck finds links in the built site that lead nowhere: every
// internal href and src of every HTML page, templates' links included, must
// name a file of the site and, with a #fragment, an id in it.
package linkcheck

import (
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
