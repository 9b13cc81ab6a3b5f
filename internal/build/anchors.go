package build

import (
	"strings"

	"github.com/trustguide/guide/internal/diag"
)

// anchorCheck is what the check of a page's links to other pages' headings
// found, and the ids it read.
type anchorCheck struct {
	body     uint64 // the version of the body checked
	problems diag.List
	broken   []string          // the links found broken, as published
	read     map[string]uint64 // page file linked into → digest of its ids then
}

// checkAnchors checks links to other pages' headings, keeping a page's
// result while its body is the same and every page it links into has the
// same ids as when it was checked: the pages whose ids may have changed
// since the last build are those that moved or were rendered with other
// ids.
func (c *checkStage) checkAnchors() {
	var copied bool
	c.next.anchors, copied = carry(c.job, c.last.anchors, len(c.pages.site))
	for _, ps := range c.pages.site {
		a := c.keptAnchors(ps)
		if a == nil {
			a = c.anchorsOf(ps)
			c.next.anchors[ps.page.Source] = a
		} else if !copied {
			c.next.anchors[ps.page.Source] = a
		}
		c.next.problems.Append(a.problems)
	}
}

func (c *checkStage) keptAnchors(ps *drawnPage) *anchorCheck {
	old := c.last.anchors[ps.page.Source]
	if old == nil || old.body != ps.body.version {
		return nil
	}
	if len(c.movedPages) == 0 && len(c.newIDs) == 0 {
		return old
	}
	for src, sum := range old.read {
		if (c.movedPages[src] || c.newIDs[src]) && c.idsSum(src) != sum {
			return nil
		}
	}
	return old
}

func (c *checkStage) anchorsOf(ps *drawnPage) *anchorCheck {
	a := &anchorCheck{body: ps.body.version, read: map[string]uint64{}}
	for _, l := range ps.body.links.anchors {
		a.read[l.source] = c.idsSum(l.source)
		t := c.site.site.BySource[l.source]
		if t == nil {
			continue
		}
		ids := c.pages.pages[t.Source].body.ids
		if !ids[l.fragment] {
			file, _, _ := strings.Cut(l.dest, "#")
			a.problems.Add(ps.page.Source, l.line, l.col, "link to %s#%s, but that page has no heading with the id %q%s", file, l.fragment, l.fragment, nearestID(l.fragment, ids))
			a.broken = append(a.broken, l.url)
		}
	}
	return a
}

// idsSum is the digest of the ids of the page made from src, 0 for none.
func (c *checkStage) idsSum(src string) uint64 {
	if ps := c.pages.pages[src]; ps != nil {
		return ps.body.idsSum
	}
	return 0
}
