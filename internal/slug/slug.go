// Package slug makes the ids of a page's headings and worksheet fields from
// their text: "What's next?" gives "whats-next".
//
// The ids are promises: a heading's id is in links that counsellors share,
// and a field's id keys the answers a reader saved. So the rule lives here
// alone, and it depends only on what a reader sees: the same text gives the
// same id whether its accents were typed composed (é) or as e plus a
// combining accent (NFC or NFD), and a cut never splits a letter from its
// accents.
package slug

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Make turns text into an id of at most max characters: letters of
// every script (lower-cased) and digits are kept with their accents, an
// apostrophe inside a word is dropped ("what's" gives "whats", not
// "what-s"), and every other run of characters becomes one "-" between
// words. A longer id is cut at the last word that ends in its second half,
// else at max characters. Text with no letter or digit gives "": the
// caller names the element some other way. Make keeps an id it made.
func Make(text string, max int) string {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	id := make([]byte, 0, len(text))
	n := 0        // letters, digits and dashes in id
	dash := false // a dash is due before the next letter
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && n > 0 {
				id, n = append(id, '-'), n+1
			}
			id, n, dash = utf8.AppendRune(id, unicode.ToLower(r)), n+1, false
		case unicode.Is(unicode.M, r):
			if n > 0 && !dash { // an accent of the letter before it
				id = utf8.AppendRune(id, r)
			}
		case r == '\'' || r == '’':
			// part of a word
		default:
			dash = true
		}
	}
	if n > max {
		id = cut(id, max)
	}
	if !norm.NFC.IsNormal(id) { // an accent after a dropped apostrophe joined its letter
		id = norm.NFC.Bytes(id)
	}
	return string(id)
}

// cut shortens id to max characters (an accent goes with its letter), then
// to its last whole word if one ends in the second half.
func cut(id []byte, max int) []byte {
	rs := []rune(string(id))
	end, n := 0, 0 // rs[:end] holds n characters that are not accents
	for ; end < len(rs); end++ {
		if !unicode.Is(unicode.M, rs[end]) {
			if n == max {
				break
			}
			n++
		}
	}
	rs = rs[:end]
	for i := len(rs) - 1; i >= 0; i-- {
		if !unicode.Is(unicode.M, rs[i]) {
			n-- // now rs[i] is the n-th character, from 0
		}
		if n <= max/2 {
			break
		}
		if rs[i] == '-' {
			return []byte(string(rs[:i]))
		}
	}
	return []byte(string(rs))
}
