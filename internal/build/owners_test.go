package build

import (
	"strings"
	"testing"
)

// TestOneOwnerPerPath: two sources of one output path were built without
// a word, one of them left out; a page at /sitemap.xml/ failed only while
// writing, and check called it clean.
func TestOneOwnerPerPath(t *testing.T) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg"/>`
	for name, c := range map[string]struct {
		files    map[string]string
		at, want string
	}{
		"a static file on a page": {map[string]string{"static/articles/first/index.html": "<!doctype html><title>x</title>"},
			"static/articles/first/index.html:1:1", "this file is published at /articles/first/index.html, where content/articles/first.md is published too: rename or move one of them"},
		"content and static": {map[string]string{"content/favicon.svg": svg, "static/favicon.svg": svg},
			"static/favicon.svg:1:1", "where content/favicon.svg is published too"},
		"capitals": {map[string]string{"content/About.md": frontMatter("title: A", "description: d"), "content/about.md": frontMatter("title: B", "description: d")},
			"content/about.md:1:1", "this page is published at /about/index.html, where content/About.md is published too (as /About/index.html: readers, and the disks of macOS and Windows, take capitals and small letters as the same)"},
		"capitals in static": {map[string]string{"static/Logo.svg": svg, "static/logo.svg": svg},
			"static/logo.svg:1:1", "where static/Logo.svg is published too"},
		"a page named like the sitemap": {map[string]string{"content/sitemap.xml.md": frontMatter("title: Map", "description: d")},
			"content/sitemap.xml.md:1:1", "this page is published at /sitemap.xml/index.html, and the sitemap at /sitemap.xml: one address cannot be a file and a folder; give the page another file name or `slug`"},
		"a slug like the feed": {map[string]string{"content/news.md": frontMatter("title: News", "description: d", "slug: feed.xml")},
			"content/news.md:4:1", "and the feed at /feed.xml"},
		"a static sitemap": {map[string]string{"static/sitemap.xml": "<urlset/>"},
			"static/sitemap.xml:1:1", "this file is published at /sitemap.xml, where the builder puts the sitemap"},
		"a static 404 page": {map[string]string{"static/404.html": "<!doctype html><title>x</title>"},
			"static/404.html:1:1", "where the builder puts the page for addresses that lead nowhere"},
		"a static manifest": {map[string]string{"static/manifest.webmanifest": "{}"},
			"static/manifest.webmanifest:1:1", "where the builder puts the web app manifest"},
		"a static search index": {map[string]string{"static/search/0.json": "[]"},
			"static/search/0.json:1:1", "where the builder puts the search index"},
		"a file where a section's list is": {map[string]string{"static/worksheets/index.html": "<!doctype html><title>x</title>"},
			"static/worksheets/index.html:1:1", "where the builder puts the list of the pages of content/worksheets/"},
		"static redirects": {map[string]string{"static/_redirects": "/old /new 301\n"},
			"static/_redirects:1:1", "give a moved page `aliases: [/its/old/url/]` in its front matter, or write any other rule as [[redirects]] in netlify.toml"},
		"content redirects": {map[string]string{"content/_redirects": "/old /new 301\n"},
			"content/_redirects:1:1", "the builder writes _redirects"},
		"headers": {map[string]string{"static/_headers": "/*\n  X-Frame-Options: ALLOW\n"},
			"static/_headers:1:1", "write them in netlify.toml instead"},
		"well-known twice": {map[string]string{"static/.well-known/security.txt": "Contact: x", "content/.well-known/security.txt": "Contact: y"},
			"static/.well-known/security.txt:1:1", "where content/.well-known/security.txt is published too"},
	} {
		t.Run(name, func(t *testing.T) {
			r := Site(smallSite(t, c.files), Options{})
			wantOnly(t, r.Problems, c.at, c.want)
		})
	}
}

// TestAuthorsOwnFiles: robots.txt and .well-known/ of an author were left
// out without a word; they are published.
func TestAuthorsOwnFiles(t *testing.T) {
	for _, dir := range []string{"content", "static"} {
		r := Site(smallSite(t, map[string]string{
			dir + "/robots.txt":               "User-agent: *\nDisallow: /drafts/\n",
			dir + "/.well-known/security.txt": "Contact: mailto:security@example.org\n",
			dir + "/.well-known/.DS_Store":    "junk",
		}), Options{})
		if r.Problems.HasErrors() {
			t.Fatal(r.Problems)
		}
		if got, want := string(r.Files["robots.txt"]), "User-agent: *\nDisallow: /drafts/\n\nSitemap: https://example.org/sitemap.xml\n"; got != want {
			t.Errorf("%s/robots.txt published as %q, want %q", dir, got, want)
		}
		if got := string(r.Files[".well-known/security.txt"]); !strings.Contains(got, "Contact: mailto:security@example.org") {
			t.Errorf("%s/.well-known/security.txt published as %q", dir, got)
		}
		if _, ok := r.Files[".well-known/.DS_Store"]; ok {
			t.Errorf("a hidden file in %s/.well-known/ is published", dir)
		}
	}
	withSitemap := "Sitemap: https://example.org/other.xml\n"
	r := Site(smallSite(t, map[string]string{"static/robots.txt": withSitemap}), Options{})
	if got := string(r.Files["robots.txt"]); got != withSitemap {
		t.Errorf("a robots.txt that names a sitemap is published as %q", got)
	}
}

// TestBaseURLIsAHost: a base_url with a path built pages that linked to
// /css/… outside it, and one with a query or fragment went into the
// sitemap as it was.
func TestBaseURLIsAHost(t *testing.T) {
	settings := string(smallSite(t, nil)["content/site.yaml"].Data)
	for base, want := range map[string]string{
		"https://example.org/guide/":     "it has a path (/guide/), but the builder links every page and file from the root of the host",
		"https://example.org/guide":      "it has a path (/guide)",
		"https://example.org/?ref=1":     "it holds ? or #",
		"https://example.org/#top":       "it holds ? or #",
		"https://example.org/?":          "it holds ? or #",
		"https://example.org/guide/?a#b": "it holds ? or #",
	} {
		r := Site(smallSite(t, map[string]string{"content/site.yaml": strings.Replace(settings, "https://example.org/", base, 1)}), Options{})
		wantOnly(t, r.Problems, "content/site.yaml:4:11", want)
	}
	for _, base := range []string{"https://example.org", "https://example.org/", "http://localhost:1313"} {
		r := Site(smallSite(t, map[string]string{"content/site.yaml": strings.Replace(settings, "https://example.org/", base, 1)}), Options{})
		if r.Problems.HasErrors() {
			t.Errorf("base_url %s: %v", base, r.Problems)
		}
	}
}
