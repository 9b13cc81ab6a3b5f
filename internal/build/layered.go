package build

import (
	"maps"
	"reflect"
)

// layered is a map by string made in layers: the few entries set since its
// base was made lie over the base, so that a build which sets a few
// entries of a large map copies only those. Like every value a build
// keeps, it is never changed once made.
type layered[V any] struct {
	base map[string]V
	over map[string]V // set since base was made; read first
}

// get returns the entry of k.
func (m layered[V]) get(k string) (V, bool) {
	if v, ok := m.over[k]; ok {
		return v, true
	}
	v, ok := m.base[k]
	return v, ok
}

// at returns the entry of k, or the zero value.
func (m layered[V]) at(k string) V {
	v, _ := m.get(k)
	return v
}

// with returns m with the entries of set set, each of whose keys m holds
// already: one more layer over the same base while the layer stays small,
// else one flat map again.
func (m layered[V]) with(set map[string]V) layered[V] {
	if n := len(m.over) + len(set); n <= len(m.base)/16 {
		over := make(map[string]V, n)
		maps.Copy(over, m.over)
		maps.Copy(over, set)
		return layered[V]{base: m.base, over: over}
	}
	flat := maps.Clone(m.base)
	maps.Copy(flat, m.over)
	maps.Copy(flat, set)
	return layered[V]{base: flat}
}

// changedFrom lists the keys whose entries may differ between m and
// last: those set over the base in either when both lie over the same
// one, else every key of both.
func (m layered[V]) changedFrom(last layered[V]) []string {
	maps := []map[string]V{m.over, last.over}
	if reflect.ValueOf(m.base).UnsafePointer() != reflect.ValueOf(last.base).UnsafePointer() {
		maps = append(maps, m.base, last.base)
	}
	var keys []string
	for _, entries := range maps {
		for k := range entries {
			keys = append(keys, k)
		}
	}
	return keys
}
