package markdown

// Regression tests: each was a bug found by a test before it was fixed.

import (
	"reflect"
	"testing"
)

// Heading.Text and Doc.Text carry the typographer's HTML entities; they are
// plain text (TOC, search index), so templates escape them to "&amp;rsquo;".
func TestTextHasCharactersNotEntities(t *testing.T) {
	d := New().Parse([]byte("## What's next\n\n\"Sorry\" -- & more\n"))
	if got, want := d.Headings[0].Text, "What’s next"; got != want {
		t.Errorf("Heading.Text = %q, want %q", got, want)
	}
	if got, want := d.Text(), "What’s next\n“Sorry” – & more\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// A link whose text starts with a quote, dash or ellipsis gets the offset of
// its paragraph's start, not of its "[".
func TestRefOffsetTypographer(t *testing.T) {
	src := "First line\nsee [\"Why\" it hurts](why.md)\n"
	d := New().Parse([]byte(src))
	r := d.Refs()[0]
	if line, col := Position(d.Source, r.Offset); line != 2 || col != 5 {
		t.Errorf("at %d:%d, want 2:5", line, col)
	}
}

// A link around an image gets the image's offset (the "!"), not its "[".
func TestRefOffsetImageInLink(t *testing.T) {
	d := New().Parse([]byte("[![logo](logo.png)](/)\n"))
	if got := d.Refs()[0].Offset; got != 0 {
		t.Errorf("link offset = %d, want 0", got)
	}
}

// Footnote ids are in the HTML but not in Doc.IDs, so a link to #fn:1 is
// reported as "there is no heading #fn:1 on this page".
func TestFootnoteIDs(t *testing.T) {
	d := New().Parse([]byte("See [the note](#fn:1).[^1]\n\n[^1]: A note.\n"))
	for _, id := range []string{"fn:1", "fnref:1"} {
		if !d.IDs[id] {
			t.Errorf("IDs lacks %q: %v", id, reflect.ValueOf(d.IDs).MapKeys())
		}
	}
}
