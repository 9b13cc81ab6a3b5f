package build

import (
	"github.com/trustguide/guide/internal/diag"
)

// The check stage: what can be checked only once the pages are drawn and
// the output made. It is the one home of the build's link checks, each
// reported once, at the place an author wrote the link:
//
//   - a body's own links, as its render resolved them into URLs (the draw
//     stage, sourcelinks.go: no such page, a draft, no such image);
//   - links to other pages' headings, now that every page's ids are known
//     (anchors.go);
//   - every internal link of the drawn output, through internal/linkcheck,
//     and that no URL published before is gone (checkoutput.go).
//
// What a link target leads to, and what a broken one may have meant ("did
// you mean"), is links.go. Besides links, it checks each translated
// worksheet's fields against its English page's (fields.go) and that each
// output path has one owner (owners.go).
//
// Its part of the rebuild rule: links to other pages' headings are checked
// again when the page was rendered again or a page it links into has other
// ids (the recorded reads, anchorCheck.read); owners when the pages or files
// that make up the output changed; links in the output are checked again
// in the files drawn and in the files linking into them, and everywhere
// when the site's addresses changed; so is the list of published URLs.

// checked is the value of the check stage.
type checked struct {
	from     *written
	anchors  []*anchorCheck // by the index of each page in the site's order
	owners   diag.List      // paths claimed twice
	output   *outputCheck   // nil when the output was not checked
	problems diag.List      // what all of the above found
}

// checkStage makes one build's checks from its values, and the last
// build's checks, which it reads and never changes.
type checkStage struct {
	*job
	in    *inputs
	site  *resolved
	pages *drawing
	out   *written
	last  *checked // read only
	next  *checked
}

// check checks the build's pages and output.
func (j *job) check(in *inputs, site *resolved, pages *drawing, out *written, last *checked) *checked {
	if out == last.from {
		return last
	}
	c := &checkStage{job: j, in: in, site: site, pages: pages, out: out, last: last, next: &checked{from: out}}
	c.checkSourceLinks()
	c.checkAnchors()
	c.checkFields()
	c.checkOwners()
	c.checkOutput()
	return c.next
}

// checkSourceLinks reports the problems each page's links met as its body
// was rendered.
func (c *checkStage) checkSourceLinks() {
	for _, ps := range c.pages.site {
		c.next.problems.Append(ps.body.links.problems)
	}
}

// failedSoFar reports whether the build has an error before its output's
// links are checked.
func (c *checkStage) failedSoFar() bool {
	so := state{in: c.in, site: c.site, pages: c.pages, out: c.out, check: c.next}
	return so.problems().HasErrors()
}
