// Package digest names a value by a 64-bit hash of all of it, so that a
// rebuild can tell whether what an output was made from has changed.
//
// Of walks any value with reflection: every field of a struct (unexported
// ones too), every element of a slice, array or map (maps in key order),
// what a pointer or interface holds. Nothing is listed by hand, so a field
// added to a type is part of its digest from the start. Digests are for one
// process: they are not stable across runs.
package digest

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
)

// seed is chosen once per process; digests are compared only within one.
var seed = maphash.MakeSeed()

// Of returns the digest of v.
func Of(v any) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	if set, ok := v.(map[string]bool); ok { // a page's ids, at every render
		writeSet(&h, set)
	} else {
		write(&h, reflect.ValueOf(v))
	}
	return h.Sum64()
}

// Bytes returns the digest of a byte slice.
func Bytes(data []byte) uint64 { return maphash.Bytes(seed, data) }

// String returns the digest of a string.
func String(s string) uint64 { return maphash.String(seed, s) }

// Combine returns the digest of a list of digests, in order: Of(parts),
// written without reflection, since builds combine digests all the time.
func Combine(parts ...uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteByte(byte(reflect.Slice))
	number(&h, uint64(len(parts)))
	var b [9]byte
	b[0] = byte(reflect.Uint64)
	for _, p := range parts {
		binary.LittleEndian.PutUint64(b[1:], p)
		h.Write(b[:])
	}
	return h.Sum64()
}

func write(h *maphash.Hash, v reflect.Value) {
	if !v.IsValid() {
		h.WriteByte(0)
		return
	}
	h.WriteByte(byte(v.Kind()))
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		number(h, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		number(h, v.Uint())
	case reflect.Float32, reflect.Float64:
		number(h, math.Float64bits(v.Float()))
	case reflect.String:
		number(h, uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice, reflect.Array:
		writeList(h, v)
	case reflect.Struct:
		for i := range v.NumField() {
			write(h, v.Field(i))
		}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		write(h, v.Elem())
	case reflect.Map:
		writeMap(h, v)
	default: // channels and functions say nothing of what a page shows
		panic("digest: cannot take the digest of a " + v.Kind().String())
	}
}

func writeList(h *maphash.Hash, v reflect.Value) {
	number(h, uint64(v.Len()))
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
		h.Write(v.Bytes()) // []byte, the common large case
		return
	}
	for i := range v.Len() {
		write(h, v.Index(i))
	}
}

func writeMap(h *maphash.Hash, v reflect.Value) {
	// Order the entries by their keys' digests, which any key type has.
	type entry struct {
		key   uint64
		value reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	var kh maphash.Hash
	kh.SetSeed(seed)
	for it := v.MapRange(); it.Next(); {
		kh.Reset()
		write(&kh, it.Key())
		entries = append(entries, entry{kh.Sum64(), it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	number(h, uint64(len(entries)))
	for _, e := range entries {
		number(h, e.key)
		write(h, e.value)
	}
}

// writeSet writes a map[string]bool as write does, without reflection.
func writeSet(h *maphash.Hash, set map[string]bool) {
	type entry struct {
		key   uint64
		value bool
	}
	entries := make([]entry, 0, len(set))
	var kh maphash.Hash
	kh.SetSeed(seed)
	for k, v := range set {
		kh.Reset()
		kh.WriteByte(byte(reflect.String))
		number(&kh, uint64(len(k)))
		kh.WriteString(k)
		entries = append(entries, entry{kh.Sum64(), v})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	h.WriteByte(byte(reflect.Map))
	number(h, uint64(len(entries)))
	for _, e := range entries {
		number(h, e.key)
		h.WriteByte(byte(reflect.Bool))
		var b byte
		if e.value {
			b = 1
		}
		h.WriteByte(b)
	}
}

func number(h *maphash.Hash, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}
