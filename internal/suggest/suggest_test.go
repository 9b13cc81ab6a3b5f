package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"title", "description", "date", "updated", "aliases", "tags"}
	for _, c := range []struct {
		word, want string
	}{
		{"titel", "title"},
		{"Title", "title"},
		{"descripton", "description"},
		{"alias", "aliases"},
		{"colour", ""}, // nothing close
		{"x", ""},
	} {
		got, ok := Closest(c.word, keys)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Closest(%q) = %q, %v; want %q", c.word, got, ok, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"café", "cafe", 1}, {"flaw", "lawn", 2}, {"titel", "title", 1},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
