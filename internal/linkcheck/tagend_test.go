package linkcheck

import "testing"

// tagEndByteByByte is tagEnd as first written, one byte at a time.
func tagEndByteByByte(page []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(page); j++ {
		switch c := page[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j
		}
	}
	return len(page)
}

// tagEnd, which jumps over quoted values, ends every tag where a scan of
// each byte does: quotes of both kinds, within each other, unclosed.
func FuzzTagEndAsByteByByte(f *testing.F) {
	for _, s := range []string{`<a href="/x/">`, `<a title='a">b' href="/y/">t`, `<a b"c>d">`, `<a href="x`, `<p>`, `<a '>'"'>`, `<`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		if got, want := tagEnd([]byte(s), 0), tagEndByteByByte([]byte(s), 0); got != want {
			t.Errorf("tagEnd(%q) = %d, want %d", s, got, want)
		}
	})
}
