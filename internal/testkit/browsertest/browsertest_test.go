package browsertest

import (
	"slices"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
)

// badSite breaks every rule the browser tests watch for, so this test can
// check that each one is seen.
var badSite = output.Files{
	"index.html": []byte(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/site.css">
<script src="/site.js"></script>
<script>document.title = "inline ran";</script>
</head><body><main>
<h1>Bad page</h1>
<p class="faint">Text too faint to read.</p>
<input type="text" name="unlabelled">
<img src="http://elsewhere.invalid/pixel.png" alt="">
<p style="color: red">Inline style.</p>
</main></body></html>`),
	"site.css":     []byte(`.faint { color: #ddd; background: #fff; }`),
	"site.js":      []byte(`console.error("boom"); throw new Error("uncaught one");`),
	"a/index.html": []byte(`<!doctype html><html lang="en"><title>A</title><h1>A</h1>`),
	"404.html":     []byte(`<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1>`),
	"fr/404.html":  []byte(`<!doctype html><html lang="fr-CA"><title>Introuvable</title><h1>Introuvable</h1>`),
	"_redirects":   []byte("/go /a/ 301\n/fr/* /fr/404.html 404\n"),
}

const badSiteConfig = `
[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'self'; img-src 'self'"
    Permissions-Policy = "camera=(), no-such-feature=()"
`

func TestTabSeesEverything(t *testing.T) {
	config, err := netlify.ParseConfig([]byte(badSiteConfig))
	if err != nil {
		t.Fatal(err)
	}
	b := Start(t)
	srv := Serve(t, badSite, config)
	tab := b.NewTab(t)
	tab.Navigate(srv.Page("/"))

	problems := strings.Join(tab.Problems(), "\n")
	for _, want := range []string{"boom", "uncaught one", "script-src", "style-src", "img-src", "no-such-feature"} {
		if !strings.Contains(problems, want) {
			t.Errorf("the problems do not mention %q:\n%s", want, problems)
		}
	}
	if title := Eval[string](tab, "document.title"); title != "Bad" {
		t.Errorf("the inline script ran under the policy: title %q", title)
	}
	if got := tab.ForeignRequests(srv.URL); !slices.ContainsFunc(got, func(r string) bool {
		return strings.Contains(r, "elsewhere.invalid")
	}) {
		t.Errorf("ForeignRequests = %q, want the image on elsewhere.invalid", got)
	}

	ids := map[string]bool{}
	for _, v := range tab.Axe(AxeSource(t)) {
		ids[v.ID] = true
	}
	for _, want := range []string{"color-contrast", "label"} {
		if !ids[want] {
			t.Errorf("axe did not report %s; it reported %v", want, ids)
		}
	}
}

func TestServerLikeNetlify(t *testing.T) {
	b := Start(t)
	srv := Serve(t, badSite, nil)
	tab := b.NewTab(t)
	for _, tt := range []struct{ path, want string }{
		{"/a", "/a/"},
		{"/go", "/a/"},
		{"/a/index.html", "/a/index.html"},
	} {
		tab.Navigate(srv.Page(tt.path))
		if got := Eval[string](tab, "location.pathname"); got != tt.want {
			t.Errorf("%s ends at %s, want %s", tt.path, got, tt.want)
		}
	}
	tab.Navigate(srv.Page("/missing"))
	if got := Eval[string](tab, "document.title"); got != "Not found" {
		t.Errorf("/missing shows %q, want the 404 page", got)
	}
	tab.Navigate(srv.Page("/fr/missing"))
	if got := Eval[string](tab, "document.title"); got != "Introuvable" {
		t.Errorf("/fr/missing shows %q, want the French 404 page its _redirects names", got)
	}
}
