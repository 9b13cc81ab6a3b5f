package netlify

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Policy is a Content-Security-Policy: each directive's name, in lower
// case, with its sources ("'self'", "data:", "'none'").
type Policy map[string][]string

// ParsePolicy reads a Content-Security-Policy header value. A directive
// given twice is an error: browsers ignore the second one, so it is always a
// mistake.
func ParsePolicy(value string) (Policy, error) {
	p := Policy{}
	for _, d := range strings.Split(value, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		if _, dup := p[name]; dup {
			return nil, fmt.Errorf("the directive %s is given twice; browsers ignore the second", name)
		}
		p[name] = f[1:]
	}
	return p, nil
}

// fallbacks are the directives a fetch directive falls back on when the
// policy does not give it, in order. Directives not listed here and not
// given (form-action, base-uri, frame-ancestors) allow everything.
var fallbacks = map[string][]string{
	"script-src":   {"default-src"},
	"style-src":    {"default-src"},
	"img-src":      {"default-src"},
	"connect-src":  {"default-src"},
	"font-src":     {"default-src"},
	"media-src":    {"default-src"},
	"object-src":   {"default-src"},
	"manifest-src": {"default-src"},
	"frame-src":    {"child-src", "default-src"},
	"worker-src":   {"child-src", "script-src", "default-src"},
}

// Sources returns the sources that govern directive: its own, or those of
// the directive it falls back on. ok is false when nothing governs it.
func (p Policy) Sources(directive string) (sources []string, ok bool) {
	for _, d := range append([]string{directive}, fallbacks[directive]...) {
		if s, ok := p[d]; ok {
			return s, true
		}
	}
	return nil, false
}

// Allows reports whether a page of the site may load ref under directive
// ("script-src", "img-src", "connect-src", "form-action"...). ref is a URL
// as written in the page: a path such as "/css/site.1234abcd.css" is on the
// page's own origin; a URL with a host is taken to be on another one.
func (p Policy) Allows(directive, ref string) bool {
	sources, ok := p.Sources(directive)
	if !ok {
		return true
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	sameOrigin := scheme == "" && u.Host == ""
	for _, s := range sources {
		s = strings.ToLower(s)
		switch {
		case s == "'self'" && sameOrigin:
			return true
		case s == "*":
			// Any network URL; not data:, blob: and the like.
			if sameOrigin || slices.Contains([]string{"http", "https", "ws", "wss"}, scheme) {
				return true
			}
		case strings.HasSuffix(s, ":") && !strings.Contains(s, "/") && scheme != "":
			// A scheme source: "data:", "https:".
			if strings.TrimSuffix(s, ":") == scheme || (s == "https:" && scheme == "wss") {
				return true
			}
		case !strings.HasPrefix(s, "'") && u.Host != "":
			if hostMatches(s, u) {
				return true
			}
		}
	}
	return false
}

// hostMatches reports whether the host source s ("example.org",
// "https://*.example.org") covers u. Paths and ports in s are ignored.
func hostMatches(s string, u *url.URL) bool {
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		if scheme != strings.ToLower(u.Scheme) {
			return false
		}
		s = rest
	}
	host, _, _ := strings.Cut(s, "/")
	host, _, _ = strings.Cut(host, ":")
	got := strings.ToLower(u.Hostname())
	if suffix, ok := strings.CutPrefix(host, "*."); ok {
		return strings.HasSuffix(got, "."+suffix)
	}
	return got == host
}

// Has reports whether directive lists source.
func (p Policy) Has(directive, source string) bool {
	return slices.ContainsFunc(p[directive], func(s string) bool { return strings.EqualFold(s, source) })
}
