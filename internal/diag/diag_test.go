package diag

import (
	"reflect"
	"testing"
)

func TestString(t *testing.T) {
	for _, c := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "content/a.md", Line: 12, Col: 5, Message: "no such page"}, "content/a.md:12:5: no such page"},
		{Diagnostic{Path: "content/a.md", Line: 3, Col: 1, Message: "raw HTML", Severity: Warning}, "content/a.md:3:1: warning: raw HTML"},
		{Diagnostic{Path: "content/site.yaml", Message: "whole file"}, "content/site.yaml:1:1: whole file"},
		{Diagnostic{Path: "static/x.js", Line: 7, Message: "no column"}, "static/x.js:7:1: no column"},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

func TestAddAndWarn(t *testing.T) {
	var l List
	l.Add("a.md", 1, 2, "link to %s", "x.md")
	l.Warn("b.md", 3, 4, "grade %.1f", 9.5)
	var other List
	other.Add("c.md", 0, 0, "empty")
	l.Append(other)
	want := "a.md:1:2: link to x.md\nb.md:3:4: warning: grade 9.5\nc.md:1:1: empty"
	if got := l.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
}

func TestSort(t *testing.T) {
	var l List
	l.Add("b.md", 1, 1, "b")
	l.Add("a.md", 10, 1, "late line")
	l.Add("a.md", 2, 9, "z")
	l.Add("a.md", 2, 9, "a")
	l.Add("a.md", 2, 3, "early column")
	l.Add("b.md", 1, 1, "b")  // the same problem found twice
	l.Warn("b.md", 1, 1, "b") // the same place and words, but a warning
	want := []string{
		"a.md:2:3: early column",
		"a.md:2:9: a",
		"a.md:2:9: z",
		"a.md:10:1: late line",
		"b.md:1:1: b",
		"b.md:1:1: warning: b",
	}
	var got []string
	for _, d := range l.Sort() {
		got = append(got, d.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sort\n got %q\nwant %q", got, want)
	}
}

func TestSeverities(t *testing.T) {
	var l List
	if l.HasErrors() || len(l.Errors()) != 0 || len(l.Warnings()) != 0 {
		t.Error("an empty list has problems")
	}
	l.Warn("a.md", 1, 1, "w1")
	if l.HasErrors() {
		t.Error("a warning stops the build")
	}
	l.Add("a.md", 2, 1, "e1")
	l.Warn("a.md", 3, 1, "w2")
	if !l.HasErrors() {
		t.Error("an error does not stop the build")
	}
	if got := l.Errors().Error(); got != "a.md:2:1: e1" {
		t.Errorf("Errors() = %q", got)
	}
	if got := l.Warnings().Error(); got != "a.md:1:1: warning: w1\na.md:3:1: warning: w2" {
		t.Errorf("Warnings() = %q", got)
	}
}
