package build

import (
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/worksheet"
)

// checkFields compares each translated worksheet's fields with its English
// page's: answers are kept and saved by field id, so a translation must
// have the same fields (ids, kinds, scale bounds) in the same order, or an
// answer given in one language would be lost in the other. The fields are
// the ones each body's render found, so an edit of either page is
// compared again in the same build.
func (c *checkStage) checkFields() {
	langs := c.in.languages
	if len(langs) < 2 {
		return
	}
	for _, ps := range c.pages.site {
		p := ps.page
		if p.Lang.IsDefault() {
			continue
		}
		src := layout.Pair(p.Lang, langs[0], p.Source)
		en := c.pages.pages[src]
		if en == nil || !en.body.isForm && !ps.body.isForm {
			continue
		}
		c.next.problems.Append(worksheet.CompareFields(
			worksheet.Page{Path: src, Fields: en.body.fields},
			worksheet.Page{Path: p.Source, Fields: ps.body.fields}))
	}
}
