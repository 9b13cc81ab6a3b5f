package build

import (
	"maps"
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
// result while neither its body nor the ids of the pages it links into
// changed.
func (j *job) checkAnchors() {
	changed := j.idsChanged()
	for _, ps := range j.pages {
		ps.anchors = j.keptAnchors(ps, changed)
		if ps.anchors == nil {
			ps.anchors = j.anchorsOf(ps)
		}
		j.problems.Append(ps.anchors.problems)
	}
}

// idsChanged lists the page files whose ids may differ from the last
// build's: pages rendered again, and pages that came, went or moved.
func (j *job) idsChanged() map[string]bool {
	changed := maps.Clone(j.moved)
	for _, src := range j.rendered {
		if old := j.last.pages[src]; old == nil || old.body == nil || old.body.idsSum != j.next.pages[src].body.idsSum {
			changed[src] = true
		}
	}
	return changed
}

func (j *job) keptAnchors(ps *pageState, changed map[string]bool) *anchorCheck {
	old := j.last.pages[ps.page.Source]
	if old == nil || old.anchors == nil || old.anchors.body != ps.body.version {
		return nil
	}
	if len(changed) > 0 {
		for src, sum := range old.anchors.read {
			if changed[src] && j.idsSum(src) != sum {
				return nil
			}
		}
	}
	return old.anchors
}

func (j *job) anchorsOf(ps *pageState) *anchorCheck {
	c := &anchorCheck{body: ps.body.version, read: map[string]uint64{}}
	for _, a := range ps.body.anchors {
		c.read[a.source] = j.idsSum(a.source)
		t := j.next.site.BySource[a.source]
		if t == nil {
			continue
		}
		ids := j.next.pages[t.Source].body.ids
		if !ids[a.fragment] {
			file, _, _ := strings.Cut(a.dest, "#")
			c.problems.Add(ps.page.Source, a.line, a.col, "link to %s#%s, but that page has no heading with the id %q%s", file, a.fragment, a.fragment, nearestID(a.fragment, ids))
			c.broken = append(c.broken, a.url)
		}
	}
	return c
}

// idsSum is the digest of the ids of the page made from src, 0 for none.
func (j *job) idsSum(src string) uint64 {
	if ps := j.next.pages[src]; ps != nil && ps.body != nil {
		return ps.body.idsSum
	}
	return 0
}
