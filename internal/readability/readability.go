// Package readability estimates how hard a text is to read, with the
// Flesch–Kincaid grade level: roughly the school grade a reader needs.
// Grade 8 or below is readable by most adults, which matters here because
// readers are often upset and reading on a phone.
package readability

import (
	"strings"
	"unicode"
)

// Limit is the highest grade the guide's pages may have.
const Limit = 8.0

// Score is a text's counts and grade.
type Score struct {
	Words, Sentences, Syllables int
	Grade                       float64
}

// Grade scores text. Each line is at least one sentence, so headings and list
// items without a full stop count as the short sentences they are.
func Grade(text string) Score {
	var s Score
	for _, line := range strings.Split(text, "\n") {
		words := 0
		ends := 0
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' || r == '/' }) {
			if strings.ContainsAny(w, ".!?") && len(strings.Trim(w, ".!?\"'”’)")) > 0 {
				if last := strings.TrimRight(w, "\"'”’)"); strings.HasSuffix(last, ".") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?") {
					ends++
				}
			}
			word := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if word == "" {
				continue
			}
			words++
			s.Syllables += syllables(word)
		}
		if words == 0 {
			continue
		}
		s.Words += words
		s.Sentences += max(ends, 1)
	}
	if s.Words == 0 {
		return s
	}
	s.Grade = 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
	return s
}

// syllables estimates a word's syllables by counting groups of vowels, less
// a silent final "e". Good enough for a grade, which is itself an estimate.
func syllables(word string) int {
	w := strings.ToLower(word)
	if len(w) <= 3 {
		return 1
	}
	count, prevVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			count++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && count > 1 {
		count--
	}
	if strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") && count > 1 {
		count--
	}
	return max(count, 1)
}
