package serve

import (
	"bufio"
	"bytes"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/trustguide/guide/internal/output"
)

// site is one good build, never changed once published.
type site struct {
	files output.Files
	rules []rule // from the build's own _redirects
}

func newSite(files output.Files) *site {
	return &site{
		files: maps.Clone(files),
		rules: parseRedirects(files["_redirects"]),
	}
}

// rule is one line of a Netlify _redirects file: "from to [status]".
type rule struct {
	from, to string
	status   int  // 301 when not given
	force    bool // "301!": applies even where a file exists
}

// parseRedirects reads the lines the dev server can honour: redirects (3xx),
// rewrites (200) and custom not-found pages (404), with :placeholders and a
// final * splat. Lines with query or country conditions are skipped; the
// builder writes none, and serving them wrongly would be worse than not at all.
func parseRedirects(b []byte) []rule {
	var rules []rule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || len(f) > 3 {
			continue
		}
		r := rule{from: f[0], to: f[1], status: http.StatusMovedPermanently}
		if len(f) == 3 {
			code, force := strings.CutSuffix(f[2], "!")
			n, err := strconv.Atoi(code)
			if err != nil {
				continue
			}
			r.status, r.force = n, force
		}
		rules = append(rules, r)
	}
	return rules
}

// applyRule answers r with the first matching rule whose force flag is
// forced, and reports whether there was one.
func (s *Server) applyRule(w http.ResponseWriter, r *http.Request, snap *site, id string, forced bool) bool {
	for _, rl := range snap.rules {
		if rl.force != forced {
			continue
		}
		params, ok := match(rl.from, r.URL.Path)
		if !ok {
			continue
		}
		to := expand(rl.to, params)
		switch {
		case rl.status >= 300 && rl.status < 400:
			s.redirect(w, r, to, rl.status)
			return true
		case rl.status == http.StatusOK || rl.status == http.StatusNotFound:
			if name, ok := snap.files.Lookup(to); ok {
				s.send(w, r, name, snap.files[name], rl.status, id)
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
