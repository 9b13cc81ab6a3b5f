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
	last := c.lastAnchors()
	c.next.anchors = make([]*anchorCheck, len(c.pages.site))
	for i, ps := range c.pages.site {
		a := c.keptAnchors(last.find(i, ps), ps)
		if a == nil {
			a = c.anchorsOf(ps)
		}
		c.next.anchors[i] = a
		c.next.problems.Append(a.problems)
	}
}

func (c *checkStage) keptAnchors(old *anchorCheck, ps *drawnPage) *anchorCheck {
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

// lastAnchors are the last build's checks, by page.
func (c *checkStage) lastAnchors() lastAnchors {
	if c.last.from == nil {
		return lastAnchors{}
	}
	return lastAnchors{site: c.last.from.from.site, checks: c.last.anchors}
}

// lastAnchors finds the last build's check of a page: at the page's index
// in the site's order while the order holds, else by its source.
type lastAnchors struct {
	site   []*drawnPage // the pages it checked, in their order
	checks []*anchorCheck
	at     map[string]int // index by source, made when a page is not at its own
}

func (l *lastAnchors) find(i int, ps *drawnPage) *anchorCheck {
	if i < len(l.site) && (l.site[i] == ps || l.site[i].page.Source == ps.page.Source) {
		return l.checks[i]
	}
	if l.at == nil {
		l.at = make(map[string]int, len(l.site))
		for k, was := range l.site {
			l.at[was.page.Source] = k
		}
	}
	if k, ok := l.at[ps.page.Source]; ok {
		return l.checks[k]
	}
	return nil
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
