package worksheet

import (
	"fmt"

	slugs "github.com/trustguide/guide/internal/slug"
	"github.com/yuin/goldmark/parser"
)

// Field ids: each field's id is its {#id}, or made from its question, and
// is unique on its page; what the parser remembers of the page for that
// lives in its parser.Context, under pageKey.
var pageKey = parser.NewContextKey()

// page is what the parser remembers about the page it is parsing (one
// parser.Context), beyond the ids all elements share through pc.IDs().
type page struct {
	questions     map[string]string // field id → the field's question, to name it in a message
	submitBlocked bool              // a one-line field renders the disabled submit button already
	fields        bool              // a field was made, with or without a problem
}

func pageOf(pc parser.Context) *page {
	return pc.ComputeIfAbsent(pageKey, func() any {
		return &page{questions: map[string]string{}}
	}).(*page)
}

// generate gives f an id made from its question, unique in the page: the
// page's IDs add "-1", "-2"... to a question asked twice.
func (p *page) generate(f *Field, question string, pc parser.Context) {
	f.ID = string(pc.IDs().Generate([]byte(slug(question)), KindField))
	p.questions[f.ID] = question
}

// claim gives f the id its author wrote, or says why it cannot have it.
func (p *page) claim(f *Field, id, question string, pc parser.Context) string {
	if slug(id) != id {
		return fmt.Sprintf("id {#%s} should be lowercase letters, digits and single hyphens (%d at most), as in {#%s}",
			id, maxIDLen, slug(id))
	}
	// Generate returns id itself when no element of the page has it yet, as id
	// is written the way the page's ids are.
	if got := string(pc.IDs().Generate([]byte(id), KindField)); got != id {
		if q, ok := p.questions[id]; ok {
			return fmt.Sprintf("id %q is already used by the field %q: give each field its own {#id}", id, shorten(q))
		}
		return fmt.Sprintf("id %q is already used on this page (by a heading?): choose another {#id}", id)
	}
	f.ID = id
	p.questions[id] = question
	return ""
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// slug makes an id from a question by the rule of package slug, at most
// maxIDLen long: "What did I do?" gives "what-did-i-do". A question with no
// letter or digit gets "field". The builder's pc.IDs() makes ids by the same
// rule, so it keeps a slug unchanged (only adding "-2" to a repeated one).
func slug(question string) string {
	if id := slugs.Make(question, maxIDLen); id != "" {
		return id
	}
	return "field"
}
