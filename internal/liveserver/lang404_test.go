package liveserver

import (
	"strings"
	"testing"
)

// TestLanguageNotFound: the French edition's _redirects ends with
// "/fr/* /fr/404.html 404", so a missing French URL gets the French
// not-found page with status 404, as on Netlify; French pages that exist,
// and the rules before it, are served as always; English misses still get
// /404.html.
func TestLanguageNotFound(t *testing.T) {
	files := testSite("v1")
	files["fr/index.html"] = page("accueil")
	files["fr/articles/reconnaitre/index.html"] = page("reconnaître")
	files["fr/404.html"] = page("page introuvable")
	files["_redirects"] = append(files["_redirects"], "/w/excuses /fr/worksheets/excuses/ 301\n/fr/*  /fr/404.html  404\n"...)
	s := New(Options{})
	s.Publish(files, nil)
	for _, tt := range []struct {
		method, target string
		status         int
		contains       string
		location       string
	}{
		{"GET", "/fr/nope", 404, "page introuvable", ""},
		{"GET", "/fr/articles/nope/", 404, "page introuvable", ""},
		{"GET", "/fr/%C3%A9clairages/nope/", 404, "page introuvable", ""},
		{"HEAD", "/fr/nope", 404, "", ""},
		{"GET", "/fr/", 200, "accueil", ""},
		{"GET", "/fr/articles/reconnaitre/", 200, "reconnaître", ""},
		{"GET", "/fr/articles/reconnaitre", 301, "", "/fr/articles/reconnaitre/"},
		{"GET", "/fr", 301, "", "/fr/"},
		{"GET", "/w/excuses", 301, "", "/fr/worksheets/excuses/"},
		{"GET", "/nope", 404, "no such page", ""},
		{"GET", "/french/", 404, "no such page", ""},
		{"GET", "/articles/nope/", 404, "no such page", ""},
	} {
		resp := get(t, s, tt.method, tt.target)
		b := body(t, resp)
		if resp.StatusCode != tt.status || !strings.Contains(b, tt.contains) || resp.Header.Get("Location") != tt.location {
			t.Errorf("%s %s = %d, Location %q:\n%s\nwant %d, Location %q and %q", tt.method, tt.target, resp.StatusCode, resp.Header.Get("Location"), b, tt.status, tt.location, tt.contains)
		}
		if tt.status == 404 && !strings.Contains(b, scriptTag) && tt.method == "GET" {
			t.Errorf("%s: the not-found page lacks the reload script", tt.target)
		}
	}
}
