package netlify

import (
	"testing"

	"github.com/trustguide/guide/internal/output"
)

func TestAnswer(t *testing.T) {
	files := output.Files{
		"index.html":                 []byte("home"),
		"404.html":                   []byte("not found"),
		"fr/404.html":                []byte("introuvable"),
		"articles/x/index.html":      []byte("x"),
		"articles/forced/index.html": []byte("forced"),
		"_redirects": WriteRedirects([]Rule{
			{From: "/w/x", To: "/articles/x/", Status: 301},
			{From: "/articles/forced", To: "/articles/x/", Status: 301, Force: true},
			{From: "/gone/*", To: "/missing.html", Status: 200},
			{From: "/fr/*", To: "/fr/404.html", Status: 404},
		}),
	}
	site := NewSite(files)
	for _, c := range []struct {
		path string
		want Answer
	}{
		{"/", Answer{Status: 200, File: "index.html"}},
		{"/articles/x/", Answer{Status: 200, File: "articles/x/index.html"}},
		{"/articles/x", Answer{Status: 301, Location: "/articles/x/"}},
		{"/w/x", Answer{Status: 301, Location: "/articles/x/"}},
		{"/w/x/", Answer{Status: 301, Location: "/articles/x/"}},
		{"/articles/forced/", Answer{Status: 301, Location: "/articles/x/"}}, // forced: over the file
		{"/gone/y", Answer{Status: 404, File: "404.html"}},                   // a rewrite to no file is passed over
		{"/fr/nulle-part/", Answer{Status: 404, File: "fr/404.html"}},        // each language its own not-found page
		{"/nowhere", Answer{Status: 404, File: "404.html"}},
	} {
		if got := site.Answer(c.path); got != c.want {
			t.Errorf("Answer(%q) = %+v, want %+v", c.path, got, c.want)
		}
	}
	if got := NewSite(nil).Answer("/"); got != (Answer{Status: 404}) {
		t.Errorf("an empty site answers %+v, want 404 with no file", got)
	}
}
