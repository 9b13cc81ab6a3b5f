package build

// Which pages read which facts: an index kept with the drawing, so that a
// build in which a few facts changed (a title edit changes the link of its
// page, its section's list, its worksheets' details) looks at the pages
// that read those, not at the reads of every page.

// readers index the site's pages, by their indexes in the site's order,
// by the facts their drawings read. It is made for one order, and kept
// while every page keeps its index and its drawing reads the same facts.
type readers struct {
	of     map[factKey][]int32
	failed []int32 // the pages that could not be drawn: what they read is not known
}

// pagesToDraw lists the pages whose drawing may not hold, by their index
// in the site's order, and says whether that is every page. While only
// facts changed since the last build (the site's views and templates the
// same, no link target moved, every page at its index), those are the
// pages placed anew and the readers of a fact that changed; else every
// page.
func (d *drawStage) pagesToDraw() (todo []int, every bool) {
	order := d.site.order
	if d.last.readers == nil || d.site.siteSum != d.last.siteSum || d.in.look != d.last.look ||
		len(d.moved) > 0 || !sameSources(order, d.last.from.order) {
		todo = make([]int, len(order))
		for i := range todo {
			todo[i] = i
		}
		return todo, true
	}
	mark := make([]bool, len(order))
	for i, pl := range order {
		mark[i] = pl != d.last.from.order[i]
	}
	d.last.readers.mark(d.site.facts.changedSince(d.last.facts), mark)
	for i, m := range mark {
		if m {
			todo = append(todo, i)
		}
	}
	return todo, false
}

// readersAfter indexes the pages just drawn by the facts they read: the
// last build's index while every page drawn anew reads the same facts at
// the same index. A final build keeps none.
func (d *drawStage) readersAfter(todo []int, every bool) *readers {
	if d.final {
		return nil
	}
	if !every {
		same := true
		for _, i := range todo {
			same = same && sameFactsRead(d.last.site[i].drawn, d.next.site[i].drawn)
		}
		if same {
			return d.last.readers
		}
	}
	return indexReaders(d.next.site)
}

// indexReaders indexes the pages of a drawing, in the site's order.
func indexReaders(pages []*drawnPage) *readers {
	rs := &readers{of: map[factKey][]int32{}}
	for i, ps := range pages {
		if ps.drawn == nil {
			rs.failed = append(rs.failed, int32(i))
			continue
		}
		for _, r := range ps.drawn.reads {
			rs.of[r.factKey] = append(rs.of[r.factKey], int32(i))
		}
	}
	return rs
}

// sameFactsRead reports whether two drawings of a page read the same
// facts, whatever their digests.
func sameFactsRead(a, b *drawn) bool {
	if a == nil || b == nil {
		return a == b
	}
	if len(a.reads) != len(b.reads) {
		return false
	}
	for i := range a.reads {
		if a.reads[i].factKey != b.reads[i].factKey {
			return false
		}
	}
	return true
}

// changedSince lists the facts whose digest differs from last's.
func (f *facts) changedSince(last *facts) []factKey {
	if f == last {
		return nil
	}
	var changed []factKey
	for kind := range readKinds {
		now, was := f.table(kind), last.table(kind)
		if now == nil {
			continue // the print view's chapters: made once the pages are drawn
		}
		for _, k := range now.mayDiffer(was) {
			if now.sum(k) != was.sum(k) {
				changed = append(changed, factKey{kind, k})
			}
		}
	}
	return changed
}

// mark marks the pages that read one of the facts, and those whose reads
// are not known, by their index in the site's order.
func (rs *readers) mark(changed []factKey, pages []bool) {
	if len(changed) == 0 {
		return
	}
	for _, i := range rs.failed {
		pages[i] = true
	}
	for _, k := range changed {
		for _, i := range rs.of[k] {
			pages[i] = true
		}
	}
}

// sameSources reports whether two orders hold the same pages' files, each
// at the same index.
func sameSources(order, last []*placed) bool {
	if len(order) != len(last) {
		return false
	}
	for i, pl := range order {
		if pl != last[i] && pl.page.Source != last[i].page.Source {
			return false
		}
	}
	return true
}
