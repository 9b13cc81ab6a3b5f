package markdown

import (
	"strconv"

	"github.com/trustguide/guide/internal/slug"
	"github.com/yuin/goldmark/ast"
)

// ids makes element ids that are stable (the same text gives the same id)
// and unique within a page ("why", then "why-2"). Unlike goldmark's default
// it keeps letters of every script, so a heading in French or Greek gets a
// readable id too, and it joins words with a single dash (Slugify).
type ids struct {
	used map[string]bool
	next map[string]int // the suffix to try first for a repeated base: 30,000 equal headings cost 30,000 steps, not 30,000²/2
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// MaxID is the length of the longest heading id, in characters.
const MaxID = 60

// Slugify turns text into an id by the rule of package slug: lower-case
// letters and digits, words joined by single dashes, at most MaxID long.
func Slugify(value []byte) string { return slug.Make(string(value), MaxID) }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(value)
	if base == "" {
		base = "section"
	}
	id := base
	if s.used[id] {
		// Each id skipped here is skipped once per base: an id "why-3" is
		// base "why" with suffix 3 and nothing else.
		n := max(s.next[base], 2)
		for ; s.used[base+"-"+strconv.Itoa(n)]; n++ {
		}
		id = base + "-" + strconv.Itoa(n)
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
