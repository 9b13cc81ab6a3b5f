package draw

import (
	"fmt"
	"testing"
)

// BenchmarkSitemapFeed joins what 10,000 pages say into the sitemap and
// the feed, as a rebuild after a title edit does.
func BenchmarkSitemapFeed(b *testing.B) {
	var many []Listed
	for i := range 10000 {
		e := entries[1+i%(len(entries)-1)]
		e.URL = fmt.Sprintf("/section-%d/page-%d/", i%20, i)
		e.Date = day(fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28))
		many = append(many, ListedOf("https://example.org/", e))
	}
	site := &SiteView{Title: "Guide", BaseURL: "https://example.org/", Home: "/", Feed: "/feed.xml"}
	for b.Loop() {
		Sitemap(many, false)
		Feed(site, many)
	}
}
