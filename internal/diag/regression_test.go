package diag

// Regression test: this was a bug found by a test before it was fixed.

import "testing"

// Sort ignores Severity: an error and a warning at the same place with the
// same words keep their insertion order, so the output depends on how the
// build was scheduled, and a duplicate with a warning between is kept.
func TestSortSeverity(t *testing.T) {
	var a, b List
	a.Add("a.md", 1, 1, "m")
	a.Warn("a.md", 1, 1, "m")
	a.Add("a.md", 1, 1, "m")
	b.Warn("a.md", 1, 1, "m")
	b.Add("a.md", 1, 1, "m")
	if got, want := a.Sort().Error(), b.Sort().Error(); got != want {
		t.Errorf("same problems, different order:\n%s\nand\n%s", got, want)
	}
}
