package build

import (
	"fmt"
	"testing"
)

// A layered map reads as the flat map of every entry set, in order, and
// never changes a map made before.
func TestLayeredReadsAsFlat(t *testing.T) {
	base := map[string]int{}
	for i := range 64 {
		base[fmt.Sprint(i)] = i
	}
	m, flat := layered[int]{base: base}, map[string]int{}
	for k, v := range base {
		flat[k] = v
	}
	var made []layered[int]
	for round := range 40 {
		k := fmt.Sprint(round * 7 % 64)
		made = append(made, m)
		m = m.with(map[string]int{k: 1000 + round})
		flat[k] = 1000 + round
		for k, want := range flat {
			if got, ok := m.get(k); !ok || got != want {
				t.Fatalf("round %d: %s is %d (%v), want %d", round, k, got, ok, want)
			}
		}
	}
	if got := made[0].at("0"); got != 0 {
		t.Errorf("the first map changed: 0 is %d", got)
	}
	if got := m.at("none"); got != 0 {
		t.Errorf("a key never set reads %d", got)
	}
}
