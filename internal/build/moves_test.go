package build

import (
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/diag"
)

// What an author's moves of a published page say: each published URL kept,
// or the one cause named where the author can mend it.

// A worksheet moved into a folder of worksheets/ is a page of a section of
// its own, not a worksheet: one error says so, at its first worksheet key,
// and that moving it back keeps its short link. It was four errors, each
// "remove it", advice that would drop a published short link.
func TestWorksheetInASubfolder(t *testing.T) {
	const moved = "content/worksheets/couples/name-it.md"
	fsys := smallSite(t, nil)
	set(fsys, moved, string(fsys["content/worksheets/name-it.md"].Data))
	delete(fsys, "content/worksheets/name-it.md")
	r := Site(fsys, Options{})
	var here diag.List
	for _, d := range r.Problems.Errors() {
		if strings.HasPrefix(d.String(), moved) {
			here = append(here, d)
		}
	}
	if len(here) != 1 || !strings.Contains(here[0].Message, "directly in content/worksheets/") || strings.Contains(here[0].Message, "remove it") {
		t.Errorf("want one error at %s saying worksheets go directly in content/worksheets/; got:\n%s", moved, here.Error())
	}
}

// A published worksheet made a draft (to take it offline while it is
// revised) would break its page and short link: the error is at its
// `draft: true`, once, naming both, not two lines of content/urls.txt
// that say nothing of the draft.
func TestPublishedPageMadeADraft(t *testing.T) {
	const ws = "content/worksheets/name-it.md"
	fsys := smallSite(t, nil)
	set(fsys, "content/urls.txt", "/articles/first/\n/old-first/\n/worksheets/name-it/\n/w/name-it\n")
	set(fsys, ws, strings.Replace(string(fsys[ws].Data), "short: name-it\n", "short: name-it\ndraft: true\n", 1))
	r := Site(fsys, Options{})
	var got diag.List
	for _, d := range r.Problems.Errors() {
		if d.Path == ws || d.Path == "content/urls.txt" {
			got = append(got, d)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0].String(), ws+":5:1: ") ||
		!strings.Contains(got[0].Message, "/worksheets/name-it/") || !strings.Contains(got[0].Message, "/w/name-it") {
		t.Errorf("want one error at %s:5:1 naming /worksheets/name-it/ and /w/name-it; got:\n%s", ws, got.Error())
	}
	// Built with drafts, as guide serve and deploy previews do, it is a page.
	if r := Site(fsys, Options{Drafts: true}); r.Problems.HasErrors() {
		t.Error(r.Problems.Errors().Error())
	}
}
