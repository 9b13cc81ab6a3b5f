package digest

import (
	"hash/maphash"
	"reflect"
	"testing"
)

type link struct {
	Title, URL string
	Step       int
	current    bool
}

type view struct {
	Kind     string
	Links    []link
	Prev     *link
	Tags     map[string]int
	HTML     []byte
	Shown    bool
	Fraction float64
}

// TestEveryFieldCounts changes each field of a value in turn, through
// reflection, and checks that the digest changes: no field is left out.
func TestEveryFieldCounts(t *testing.T) {
	base := func() view {
		return view{Kind: "article", Links: []link{{"A", "/a/", 1, false}}, Prev: &link{Title: "P"},
			Tags: map[string]int{"x": 1}, HTML: []byte("<p>"), Fraction: 0.5}
	}
	want := Of(base())
	if Of(base()) != want {
		t.Fatal("the same value has two digests")
	}
	v := base()
	rv := reflect.ValueOf(&v).Elem()
	for i := range rv.NumField() {
		changed := base()
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "!")
		case reflect.Slice:
			if f.Type().Elem().Kind() == reflect.Uint8 {
				f.SetBytes(append(f.Bytes(), '!'))
			} else {
				changed.Links[0].current = true // an unexported field, inside a slice
			}
		case reflect.Pointer:
			changed.Prev.Step = 9
		case reflect.Map:
			changed.Tags["x"] = 2
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Float64:
			f.SetFloat(0.25)
		}
		if Of(changed) == want {
			t.Errorf("changing field %s leaves the digest the same", rv.Type().Field(i).Name)
		}
	}
}

func TestNoAmbiguity(t *testing.T) {
	pairs := [][2]any{
		{[]string{"ab", "c"}, []string{"a", "bc"}},
		{[]string{""}, []string{}},
		{(*link)(nil), &link{}},
		{map[string]int{"a": 1, "b": 2}, map[string]int{"a": 2, "b": 1}},
	}
	for _, p := range pairs {
		if Of(p[0]) == Of(p[1]) {
			t.Errorf("%#v and %#v have the same digest", p[0], p[1])
		}
	}
	if Of(map[string]int{"a": 1, "b": 2}) != Of(map[string]int{"b": 2, "a": 1}) {
		t.Error("a map's digest depends on insertion order")
	}
}

// Combine is the digest of the list of its parts, however it is written.
func TestCombineIsTheDigestOfItsParts(t *testing.T) {
	for _, parts := range [][]uint64{nil, {}, {0}, {1, 2}, {2, 1}, {1 << 63, 42, 7, 0, 99}} {
		if got, want := Combine(parts...), Of(parts); got != want {
			t.Errorf("Combine(%v) = %x, want Of(%v) = %x", parts, got, parts, want)
		}
	}
}

// A map[string]bool, digested without reflection, has the digest
// reflection gives it.
func TestASetIsDigestedAsReflectionWould(t *testing.T) {
	for _, set := range []map[string]bool{nil, {}, {"a": true}, {"a": true, "b": false, "": true}, {"x-1": false, "x-2": true, "x-3": true}} {
		var h maphash.Hash
		h.SetSeed(seed)
		write(&h, reflect.ValueOf(set))
		if got, want := Of(set), h.Sum64(); got != want {
			t.Errorf("Of(%v) = %x, want %x", set, got, want)
		}
	}
}
