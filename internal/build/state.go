package build

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/linkcheck"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/render"
)

// state is what one build made, for the next to read. It is never changed
// once its build is over.
type state struct {
	in        *inputs
	site      *content.Site
	assembly  diag.List                   // the problems of checking the pages against each other
	pages     map[string]*pageState       // by source: pages of content/, made-up lists, and the 404 and print pages
	siteViews map[string]*render.SiteView // each language's, by code
	siteSum   uint64                      // digest of siteViews
	facts     *facts
	listing   *listing
	search    map[string][]searchPart // each language's search index, by code
	check     *outputCheck            // nil when the output was not checked
	owners    *diag.List              // paths claimed twice; nil before the first check
	sources   map[string]string
	sums      *offline.Checksums
	files     output.Files
}

// empty is the state before the first build.
func empty() *state {
	return &state{in: &inputs{sources: map[string]*source{}}, pages: map[string]*pageState{}, facts: &facts{}}
}

// pageState is one page as a build left it.
type pageState struct {
	page    *content.Page
	self    uint64 // digest of the page itself: its source file and place, or what the builder made up
	file    string // the output file: "articles/x/index.html"
	link    fact[render.Link]
	order   uint64    // digest of its link and of what orders it in a list
	meta    uint64    // digest of its front matter
	listed  uint64    // digest of what the site-wide files say of the page
	record  []byte    // the page's record in the search index
	body    *rendered // what its markdown gave
	anchors *anchorCheck
	drawn   *drawn          // nil when the page could not be drawn
	drawErr diag.Diagnostic // why, when this build tried
}

// drawn is a finished page and what it was drawn from.
type drawn struct {
	html    []byte
	links   *linkcheck.Links
	body    uint64 // the version of the body
	self    uint64
	siteSum uint64
	look    uint64
	reads   []read // what the view read of other pages
}

// outputCheck is what the check of a build's output found, kept while the
// output's links and addresses stay the same.
type outputCheck struct {
	links     *linkcheck.Index
	addresses uint64
	guard     diag.List // published URLs now gone
	manifest  []byte    // content/urls.txt with the new URLs, or nil
	urls      []byte    // content/urls.txt as read
}
