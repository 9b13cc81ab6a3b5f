package markdown

import (
	"strings"
	"testing"
	"time"
)

// within fails the test unless f returns before the deadline. It waits on
// f's end, not on a clock: a fast f ends the wait at once.
func within(t *testing.T, deadline time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(deadline):
		t.Fatalf("%s: no answer in %v", what, deadline)
	}
}

// 30,000 headings with the same text once took minutes: each id was found
// by trying "-2", "-3"... in turn.
func TestRepeatedHeadingsInLinearTime(t *testing.T) {
	for _, n := range []int{15_000, 30_000, 60_000} {
		for _, heading := range []string{"# A\n\n", "A\n=\n\n", "## A {#a}\n\n"} {
			src := []byte(strings.Repeat(heading, n))
			within(t, 30*time.Second, strings.TrimSpace(heading), func() {
				d := New().Parse(src)
				if got := len(d.Headings); got != n {
					t.Errorf("%d headings, want %d", got, n)
				}
			})
		}
	}
}

// The suffix counted per base still skips an id written by the author, and
// a base that is itself "x-2" does not collide with the second "x".
func TestRepeatedIDsStayUnique(t *testing.T) {
	src := "# A\n\n## B {#a-2}\n\n# A\n\n# A\n\n# A 2\n\n# A\n"
	var got []string
	for _, h := range New().Parse([]byte(src)).Headings {
		got = append(got, h.ID)
	}
	want := "a a-2 a-3 a-4 a-2-2 a-5"
	if strings.Join(got, " ") != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

// Positions agrees with counting from the start, in any order of offsets.
func TestPositionsAgree(t *testing.T) {
	src := []byte("ab\nçé x [l](a.md) é [m](b.md)\n\nend")
	p := NewPositions(src)
	for _, off := range []int{11, 12, 4, 25, 3, 0, 31, 2, 40, 30, 5} {
		line, col := p.At(off)
		wline := 1 + strings.Count(string(src[:min(off, len(src))]), "\n")
		start := strings.LastIndexByte(string(src[:min(off, len(src))]), '\n') + 1
		wcol := 1 + len([]rune(string(src[start:min(off, len(src))])))
		if line != wline || col != wcol {
			t.Errorf("At(%d) = %d:%d, want %d:%d", off, line, col, wline, wcol)
		}
	}
}

// 80,000 links on one line once took minutes: each link's column was
// counted from the start of the line.
func TestPositionsOfManyLinksOnOneLine(t *testing.T) {
	for _, n := range []int{40_000, 80_000, 160_000} {
		src := []byte(strings.Repeat("[é](/x/) ", n))
		d := New().Parse(src)
		within(t, 20*time.Second, "positions of links on one line", func() {
			p := NewPositions(src)
			for i, r := range d.Refs() {
				if line, col := p.At(r.Offset); line != 1 || col != 1+9*i {
					t.Fatalf("link %d at %d:%d, want 1:%d", i, line, col, 1+9*i)
				}
			}
		})
	}
}
