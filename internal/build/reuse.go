package build

import "github.com/trustguide/guide/internal/diag"

// What a rebuild keeps from the last build, and how it finds out what no
// longer holds. The Builder's doc says the rules; TestIncrementalEqualsClean
// holds them honest.

// reusePages makes this build's pages, keeping from the last build whatever
// is still true: the rendered body of a page whose file did not change, and
// its finished HTML unless every page must be drawn again.
func (b *run) reusePages() {
	b.pages = make([]*page, len(b.site.Pages))
	b.bySource = make(map[string]*page, len(b.pages))
	for i, p := range b.site.Pages {
		np := b.Builder.pages[p.Source]
		same := np != nil && (np.Page == p || np.Made && p.Made && np.URL == p.URL)
		if same && !b.resolveAll() {
			np.Page, np.reused, np.prepared, np.fresh = p, true, true, false
			if b.drawAll {
				np.html, np.drawErr = nil, diag.Diagnostic{}
			}
		} else {
			np = &page{Page: p}
		}
		b.pages[i] = np
		b.bySource[p.Source] = np
	}
}

// checkAnchors checks links to other pages' headings. A page's result is
// kept while neither it nor the pages it links to were rendered again.
func (b *run) checkAnchors() {
	changed := map[string]bool{}
	for _, p := range b.pages {
		if !p.reused {
			changed[p.Source] = true
		}
	}
	if len(b.pages) != len(b.Builder.pages) || len(changed) > 0 {
		for src := range b.Builder.pages {
			if b.bySource[src] == nil {
				changed[src] = true // gone
			}
		}
	}
	b.reported = map[string]bool{}
	for _, p := range b.pages {
		if !p.reused || p.anchorsTouch(changed) {
			p.checkAnchors(b)
		}
		b.problems.Append(p.anchorProblems)
		for _, dest := range p.anchorBroken {
			b.reported[reportKey(outputPath(p.URL), dest)] = true
		}
	}
}

// forgetChangedViews drops the HTML of each page whose view (what its
// template is given) changed: after a title edit, the page's section list
// and the pages around it, not the whole site. A template only sees the
// site's view and the page's, so a page whose view is the same is drawn the
// same.
func (b *run) forgetChangedViews() {
	parallel(len(b.pages), func(_, i int) {
		p := b.pages[i]
		if p.html == nil {
			return
		}
		if v := b.pageView(p); viewKey(v) != p.viewKey {
			p.html, p.view = nil, v // drawn below, from this view
		}
	})
}

// resolveAll reports whether every page's links must be checked again: the
// files that images may point to have changed.
func (b *run) resolveAll() bool {
	return b.what.everything || b.what.assets || b.what.resources
}

// resolution is what a link to the page file src leads to in this build:
// the page's URL, or why there is no page there.
func (b *run) resolution(src string) string {
	if p := b.site.BySource[src]; p != nil {
		return p.URL
	}
	return "\x00" + b.site.Missing(src)
}

// invalidateDependents marks for rendering again every page with a link
// into a page whose resolution changed: its URL, or it appeared, went away,
// became a draft or became unreadable. It reports whether there was any.
func (b *run) invalidateDependents() bool {
	changed := b.changedResolutions()
	if len(changed) == 0 {
		return false // the common edit: a page's text
	}
	forgot := false
	for _, p := range b.pages {
		if !p.reused {
			continue
		}
		for src, was := range p.deps {
			if changed[src] && b.resolution(src) != was {
				p.forget()
				forgot = true
				break
			}
		}
	}
	return forgot
}

// changedResolutions lists the page files a link to which leads somewhere
// else than in the last build.
func (b *run) changedResolutions() map[string]bool {
	changed := map[string]bool{}
	for src, old := range b.Builder.pages {
		if p := b.bySource[src]; p == nil || p.URL != old.URL {
			changed[src] = true
		}
	}
	for _, p := range b.pages {
		if b.Builder.pages[p.Source] == nil {
			changed[p.Source] = true // a new page: links to it may now resolve
		}
	}
	if last := b.lastSite; last != nil {
		for _, sets := range [][2]map[string]bool{{last.Drafts, b.site.Drafts}, {last.Unreadable, b.site.Unreadable}} {
			for src := range sets[0] {
				if !sets[1][src] {
					changed[src] = true
				}
			}
			for src := range sets[1] {
				if !sets[0][src] {
					changed[src] = true
				}
			}
		}
	}
	return changed
}
