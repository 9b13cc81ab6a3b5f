package layout

import "testing"

var french = Lang{Code: "fr", Tag: "fr-CA", Dir: "content/fr", Prefix: "/fr"}

// Each language places its pages the same way under its own prefix, by
// the same folder names, so that a translation is the file at the same path.
func TestPlacesAndURLs(t *testing.T) {
	for _, c := range []struct {
		lang          Lang
		src           string
		section, slug string
		kind          Kind
		url           string
	}{
		{English, "content/_index.md", "", "", Home, "/"},
		{English, "content/articles/acknowledge.md", "articles", "acknowledge", Article, "/articles/acknowledge/"},
		{English, "content/worksheets/_index.md", "worksheets", "", Worksheets, "/worksheets/"},
		{English, "content/about.md", "", "about", Plain, "/about/"},
		{french, "content/fr/_index.md", "", "", Home, "/fr/"},
		{french, "content/fr/articles/acknowledge.md", "articles", "acknowledge", Article, "/fr/articles/acknowledge/"},
		{french, "content/fr/worksheets/name-it.md", "worksheets", "name-it", Worksheet, "/fr/worksheets/name-it/"},
		{french, "content/fr/éclairages/_index.md", "éclairages", "", Section, "/fr/éclairages/"},
		{french, "content/fr/e\u0301clairages/x.md", "éclairages", "x", Plain, "/fr/éclairages/x/"},
	} {
		section, kind, slug := c.lang.Place(c.src)
		if section != c.section || kind != c.kind || slug != c.slug {
			t.Errorf("%s: Place = %q %q %q, want %q %q %q", c.src, section, kind, slug, c.section, c.kind, c.slug)
		}
		if url := c.lang.PageURL(section, kind, slug); url != c.url {
			t.Errorf("%s: PageURL = %q, want %q", c.src, url, c.url)
		}
	}
	for got, want := range map[string]string{
		english404: "/404.html", french.NotFound(): "/fr/404.html", french.Print(): "/fr/print/",
		french.Feed(): "/fr/feed.xml", English.Feed(): "/feed.xml", french.SearchPart(2): "/fr/search/2.json",
		English.SearchList(): "/search.json", french.Misses(): "/fr/*", English.Misses(): "",
		Short("name-it"): "/w/name-it", OutputPath("/fr/"): "fr/index.html", OutputPath("/fr/404.html"): "fr/404.html",
		Pair(English, french, "content/articles/a.md"):    "content/fr/articles/a.md",
		Pair(french, English, "content/fr/articles/a.md"): "content/articles/a.md",
		french.Key("content/fr/worksheets/plan.md"):       "worksheets/plan", English.Key("content/worksheets/plan.md"): "worksheets/plan",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	langs := []Lang{English, french}
	if Of(langs, "content/fr/x.md") != french || Of(langs, "content/fresh.md") != English || Of(langs, "templates/x.html") != English {
		t.Error("Of places a file in the wrong language")
	}
}

var english404 = English.NotFound()
