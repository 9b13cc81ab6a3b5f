package worksheet

import (
	"fmt"

	"github.com/trustguide/guide/internal/diag"
)

// comparison is one translated worksheet compared with its English page.
type comparison struct {
	english, translation Page
	matchedE, matchedT   []bool
	problems             diag.List
}

// compare matches the fields that keep the English order, then those the
// translation moved, then pairs the rest in place between them: a pair is
// a field whose id differs, a field left over is missing or extra.
func (c *comparison) compare() {
	en, tr := c.english.Fields, c.translation.Fields
	if len(tr) == 0 && len(en) > 0 {
		c.add(Spec{Line: 1, Col: 1}, "this translation has none of the %d fields of its English page, the first %s: translate each, ending its line with the English field's {#id}", len(en), c.name(en[0]))
		return
	}
	c.matchedE, c.matchedT = make([]bool, len(en)), make([]bool, len(tr))
	common := commonOrder(en, tr)
	for _, p := range common {
		c.match(p.e, p.t)
	}
	index := map[string]int{}
	for i, f := range en {
		index[f.ID] = i
	}
	for j, f := range tr {
		if i, ok := index[f.ID]; ok && !c.matchedT[j] {
			c.moved(i, j)
			c.match(i, j)
		}
	}
	last := pair{-1, -1}
	for _, p := range append(common, pair{len(en), len(tr)}) {
		c.gap(last, p)
		last = p
	}
}

// pair is an English field and its translation, by index.
type pair struct{ e, t int }

// gap pairs the fields left between two matched ones.
func (c *comparison) gap(from, to pair) {
	es := unmatched(c.matchedE, from.e+1, to.e)
	ts := unmatched(c.matchedT, from.t+1, to.t)
	for k := range max(len(es), len(ts)) {
		switch {
		case k < len(es) && k < len(ts):
			c.renamed(es[k], ts[k])
			c.match(es[k], ts[k])
		case k < len(ts):
			c.extra(ts[k])
		default:
			c.missing(es[k], to.t)
		}
	}
}

func unmatched(matched []bool, from, to int) []int {
	var left []int
	for i := from; i < to; i++ {
		if !matched[i] {
			left = append(left, i)
		}
	}
	return left
}

// match records a pair and compares its kinds and bounds.
func (c *comparison) match(i, j int) {
	c.matchedE[i], c.matchedT[j] = true, true
	e, t := c.english.Fields[i], c.translation.Fields[j]
	switch {
	case e.Control != t.Control:
		c.add(t, "this field is %s; the English field %s is %s: %s", kindOf(t), c.name(e), kindOf(e), howTo(e))
	case e.Control == Scale && (e.Low != t.Low || e.High != t.High):
		c.add(t, "this scale runs from %d to %d; the English field %s runs from %d to %d: %s", t.Low, t.High, c.name(e), e.Low, e.High, howTo(e))
	}
}

func (c *comparison) moved(i, j int) {
	e, t := c.english.Fields[i], c.translation.Fields[j]
	where := "comes first"
	if i > 0 {
		where = fmt.Sprintf("comes after {#%s}", c.english.Fields[i-1].ID)
	}
	c.add(t, "this field is in another place in the English page: %s %s there: keep the fields in the English order", c.name(e), where)
}

func (c *comparison) renamed(i, j int) {
	e, t := c.english.Fields[i], c.translation.Fields[j]
	c.add(t, "this field's id is {#%s}, but the English field in its place is %s: end this line with {#%s}, so that answers saved in one language open in the other", t.ID, c.name(e), e.ID)
}

func (c *comparison) extra(j int) {
	t := c.translation.Fields[j]
	c.add(t, "this field, {#%s}, is not in the English page %s: remove it, or give it the id of the English field it translates (a translation keeps the English fields, so that answers open in both languages)", t.ID, c.english.Path)
}

// missing reports an English field with no translation, at the
// translation's field it should come before (or after its last field):
// the translation has one, as compare sees to.
func (c *comparison) missing(i, before int) {
	e, tr := c.english.Fields[i], c.translation.Fields
	at, where := tr[len(tr)-1], "after this field"
	if before < len(tr) {
		at, where = tr[before], "before this field"
	}
	c.add(at, "the English field %s, %s, has no translation %s: translate it, ending its line with {#%s}", c.name(e), kindOf(e), where, e.ID)
}

func (c *comparison) add(at Spec, format string, args ...any) {
	c.problems.Add(c.translation.Path, at.Line, at.Col, format, args...)
}

// name names an English field by its id and its place.
func (c *comparison) name(e Spec) string {
	return fmt.Sprintf("{#%s} (%s:%d)", e.ID, c.english.Path, e.Line)
}

func kindOf(f Spec) string {
	switch f.Control {
	case TextLine:
		return "a one-line answer"
	case Scale:
		return fmt.Sprintf("a scale [%d-%d]", f.Low, f.High)
	case Checkbox:
		return "a checkbox"
	}
	return "a multi-line answer"
}

func howTo(f Spec) string {
	switch f.Control {
	case TextLine:
		return `end the question with "___"`
	case Scale:
		return fmt.Sprintf("end the question with [%d-%d: what %d means | what %d means]", f.Low, f.High, f.Low, f.High)
	case Checkbox:
		return `write it as a task list item: "- [ ] ..."`
	}
	return `write it as a question after "? ", with no "___" or [scale] at its end`
}

// maxCells bounds the table of commonOrder; beyond it, fields are matched
// in one pass, which may take a moved field for several.
const maxCells = 1 << 20

// commonOrder returns the longest run of fields found in both pages in the
// same order, as pairs of indexes.
func commonOrder(en, tr []Spec) []pair {
	if len(en)*len(tr) > maxCells {
		return inOnePass(en, tr)
	}
	// longest[i][j]: the longest common run of en[i:] and tr[j:].
	longest := make([][]int, len(en)+1)
	for i := range longest {
		longest[i] = make([]int, len(tr)+1)
	}
	for i := len(en) - 1; i >= 0; i-- {
		for j := len(tr) - 1; j >= 0; j-- {
			if en[i].ID == tr[j].ID {
				longest[i][j] = longest[i+1][j+1] + 1
			} else {
				longest[i][j] = max(longest[i+1][j], longest[i][j+1])
			}
		}
	}
	var pairs []pair
	for i, j := 0, 0; i < len(en) && j < len(tr); {
		switch {
		case en[i].ID == tr[j].ID:
			pairs = append(pairs, pair{i, j})
			i, j = i+1, j+1
		case longest[i+1][j] > longest[i][j+1]: // on a tie, keep the earlier English field
			i++
		default:
			j++
		}
	}
	return pairs
}

func inOnePass(en, tr []Spec) []pair {
	index := map[string]int{}
	for i, f := range en {
		index[f.ID] = i
	}
	var pairs []pair
	last := -1
	for j, f := range tr {
		if i, ok := index[f.ID]; ok && i > last {
			pairs = append(pairs, pair{i, j})
			last = i
		}
	}
	return pairs
}
