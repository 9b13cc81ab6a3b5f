package netlify

import (
	"maps"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/trustguide/guide/internal/output"
)

// Site is one build as Netlify serves it: its files and the rules of its
// own _redirects.
type Site struct {
	files output.Files
	rules []Rule
}

// NewSite reads the rules of files' _redirects. files must not change
// while the Site is in use.
func NewSite(files output.Files) *Site {
	return &Site{files: files, rules: ParseRedirects(files["_redirects"])}
}

// Files returns the site's files.
func (s *Site) Files() output.Files { return s.files }

// Answer is what Netlify sends for a request.
type Answer struct {
	Status   int    // 200, 404, or a redirect's 3xx
	File     string // the file sent with 200 or 404; "" when the site has none to send
	Location string // where a redirect sends the browser
}

// Redirects reports whether the answer sends the browser elsewhere.
func (a Answer) Redirects() bool { return a.Location != "" }

// Answer answers a request for urlPath, a clean rooted path, in Netlify's
// order: forced rules ("301!"), then files, then the other rules, then
// /404.html with the status 404.
func (s *Site) Answer(urlPath string) Answer {
	if a, ok := s.applyRules(urlPath, true); ok {
		return a
	}
	if name, ok := s.files.Lookup(urlPath); ok {
		// "/articles/x" is the folder "/articles/x/": redirect, so that
		// relative links in the page resolve as in production.
		if name != strings.TrimPrefix(path.Clean(urlPath), "/") && !strings.HasSuffix(urlPath, "/") {
			return Answer{Status: http.StatusMovedPermanently, Location: urlPath + "/"}
		}
		return Answer{Status: http.StatusOK, File: name}
	}
	if a, ok := s.applyRules(urlPath, false); ok {
		return a
	}
	if _, ok := s.files["404.html"]; ok {
		return Answer{Status: http.StatusNotFound, File: "404.html"}
	}
	return Answer{Status: http.StatusNotFound}
}

// applyRules answers with the first matching rule whose force flag is
// forced. A rewrite or not-found rule whose file is missing is passed over.
func (s *Site) applyRules(urlPath string, forced bool) (Answer, bool) {
	for _, rl := range s.rules {
		if rl.Force != forced {
			continue
		}
		params, ok := match(rl.From, urlPath)
		if !ok {
			continue
		}
		to := expand(rl.To, params)
		switch {
		case rl.Redirects():
			return Answer{Status: rl.Status, Location: to}, true
		case rl.Status == http.StatusOK || rl.Status == http.StatusNotFound:
			if name, ok := s.files.Lookup(to); ok {
				return Answer{Status: rl.Status, File: name}, true
			}
		}
	}
	return Answer{}, false
}

// match reports whether urlPath fits a Netlify path pattern: segments match
// exactly, ":name" matches any one segment, and a final "*" matches the rest
// (including nothing, so "/articles/*" matches "/articles" too). A trailing
// slash makes no difference. The values caught are returned by name, the
// splat as "splat".
func match(pattern, urlPath string) (map[string]string, bool) {
	pat := strings.Split(strings.Trim(pattern, "/"), "/")
	got := strings.Split(strings.Trim(urlPath, "/"), "/")
	params := map[string]string{}
	for i, seg := range pat {
		if seg == "*" && i == len(pat)-1 {
			params["splat"] = strings.Join(got[i:], "/")
			return params, true
		}
		if i >= len(got) {
			return nil, false
		}
		if name, ok := strings.CutPrefix(seg, ":"); ok && name != "" {
			params[name] = got[i]
		} else if seg != got[i] {
			return nil, false
		}
	}
	return params, len(got) == len(pat)
}

// expand puts the values caught by match into a rule's target: ":splat"
// and ":name". Longer names go first, so ":id" cannot eat ":identity".
func expand(to string, params map[string]string) string {
	names := slices.SortedFunc(maps.Keys(params), func(a, b string) int { return len(b) - len(a) })
	for _, name := range names {
		to = strings.ReplaceAll(to, ":"+name, params[name])
	}
	return to
}
