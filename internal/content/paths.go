package content

import (
	"strings"
	"unicode"
)

// SitePathProblem says why p cannot be an address of this site that a
// redirect or a link leads to, or "" when it can. Such a path starts with
// one "/", and holds nothing that a browser or Netlify's _redirects would
// read as anything but plain path segments: no space or control character
// (a rule of its own), no "*" (Netlify's "everything below"), no ":name"
// segment (a placeholder), no "//" (another host), no "\" (which browsers
// read as "/"), no "?" or "#", no "%" escapes and no "." or ".." segments.
func SitePathProblem(p string) string {
	switch {
	case !strings.HasPrefix(p, "/"):
		return "it must be a path of this site, starting with /, like /old/path/"
	case strings.IndexFunc(p, isSpaceOrControl) >= 0:
		return "it holds a space, a line break or another invisible character"
	case strings.Contains(p, "//"):
		return "it holds //, which browsers read as the start of another site's address"
	case strings.ContainsAny(p, `\`):
		return `it holds \, which browsers read as /`
	case strings.Contains(p, "*"):
		return "it holds *, which Netlify reads as every address below it"
	case strings.ContainsAny(p, "?#"):
		return "it holds ? or #: give the path alone"
	case strings.Contains(p, "%"):
		return "it holds %: write the characters themselves, not their %-codes"
	}
	for _, segment := range strings.Split(p[1:], "/") {
		switch {
		case segment == "." || segment == "..":
			return "it holds a . or .. part: write the path it leads to"
		case strings.HasPrefix(segment, ":"):
			return "it holds " + segment + ", which Netlify reads as a placeholder for any word"
		}
	}
	return ""
}

func isSpaceOrControl(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) // Cf: zero-width and direction marks
}

// addressKey is the form in which two site paths answer the same request:
// Netlify matches redirects with or without the trailing slash, and an
// author cannot tell /Old/ from /old/ on a printed page.
func addressKey(p string) string {
	return strings.ToLower(strings.TrimSuffix(p, "/"))
}
