package serve

import (
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/redirects"
)

// site is one good build, never changed once published.
type site struct {
	files output.Files
	rules []redirects.Rule // from the build's own _redirects
}

func newSite(files output.Files) *site {
	return &site{
		files: maps.Clone(files),
		rules: redirects.Parse(files["_redirects"]),
	}
}

// applyRule answers r with the first matching rule whose force flag is
// forced, and reports whether there was one.
func (s *Server) applyRule(w http.ResponseWriter, r *http.Request, snap *site, id string, forced bool) bool {
	for _, rl := range snap.rules {
		if rl.Force != forced {
			continue
		}
		params, ok := match(rl.From, r.URL.Path)
		if !ok {
			continue
		}
		to := expand(rl.To, params)
		switch {
		case rl.Redirects():
			s.redirect(w, r, to, rl.Status)
			return true
		case rl.Status == http.StatusOK || rl.Status == http.StatusNotFound:
			if name, ok := snap.files.Lookup(to); ok {
				s.send(w, r, name, snap.files[name], rl.Status, id)
				return true
			}
		}
	}
	return false
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
