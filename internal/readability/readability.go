// Package readability estimates how hard a text is to read: roughly the
// school grade a reader needs. Grade 8 or below is readable by most
// adults, which matters here because readers are often upset and reading
// on a phone.
//
// Each language has a formula made for it (For): English is scored with
// the Flesch–Kincaid grade level, French with Kandel and Moles' French
// form of Flesch's formula, turned into the same grade scale (french.go),
// so that one limit holds for both.
package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limit is the highest grade the guide's pages may have.
const Limit = 8.0

// Score is a text's counts and grade.
type Score struct {
	Words, Sentences, Syllables int
	Grade                       float64
}

// Language is how one language's text is counted and graded.
type Language struct {
	syllables func(word string) int
	closers   string // what may follow a sentence's end: quotes, brackets
	loneEnds  bool   // a "?" or "!" on its own ends a sentence, as French spacing writes it
	grade     func(words, sentences, syllables float64) float64
}

// English is scored with the Flesch–Kincaid grade level.
var English = &Language{
	syllables: englishSyllables,
	closers:   "\"'”’)",
	grade: func(words, sentences, syllables float64) float64 {
		return 0.39*words/sentences + 11.8*syllables/words - 15.59
	},
}

// For returns the formula for a language tag ("en-CA", "fr"), and false
// when there is none for it.
func For(lang string) (*Language, bool) {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "en":
		return English, true
	case "fr":
		return French, true
	}
	return nil, false
}

// Grade scores English text.
func Grade(text string) Score { return English.Grade(text) }

// Grade scores text. Each line is at least one sentence, so headings and list
// items without a full stop count as the short sentences they are. It runs
// on every page of every build, so it reads the text once and allocates
// nothing.
func (l *Language) Grade(text string) Score {
	var s Score
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		words, ends, syl := l.scoreLine(line)
		if words == 0 {
			continue
		}
		s.Words += words
		s.Syllables += syl
		s.Sentences += max(ends, 1)
	}
	if s.Words == 0 {
		return s
	}
	s.Grade = l.grade(float64(s.Words), float64(s.Sentences), float64(s.Syllables))
	return s
}

// scoreLine counts a line's words, sentence ends and syllables. Words are
// split at spaces, dashes and slashes.
func (l *Language) scoreLine(line string) (words, ends, syl int) {
	wordsBefore := false // words since the last sentence end
	for len(line) > 0 {
		start := 0
		for start < len(line) {
			r, size := rune(line[start]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(line[start:])
			}
			if !isSeparator(r) {
				break
			}
			start += size
		}
		end := start
		for end < len(line) {
			r, size := rune(line[end]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(line[end:])
			}
			if isSeparator(r) {
				break
			}
			end += size
		}
		token := line[start:end]
		line = line[end:]
		if token == "" {
			continue
		}
		word := strings.TrimFunc(token, notWordRune)
		if word != "" {
			words++
			syl += l.syllables(word)
			wordsBefore = true
		}
		if l.endsSentence(token, word != "" || wordsBefore) {
			ends++
			wordsBefore = false
		}
	}
	return words, ends, syl
}

func isSeparator(r rune) bool {
	return r == ' ' || r == '\t' || r == '/' || r == '—' || r == '–' || (r >= utf8.RuneSelf || r < ' ') && unicode.IsSpace(r)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// endsSentence reports whether a token ends with ".", "!" or "?" (before
// closing quotes or brackets) and ends words: its own, or, where the
// language sets "?" and "!" apart with a space, those before it.
func (l *Language) endsSentence(token string, afterWords bool) bool {
	t := strings.TrimRight(token, l.closers)
	if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	if strings.Trim(token, ".!?"+l.closers) != "" {
		return true
	}
	return l.loneEnds && afterWords
}

// englishSyllables estimates a word's syllables by counting groups of
// vowels, less a silent final "e" or "ed". Good enough for a grade, which
// is itself an estimate.
func englishSyllables(word string) int {
	if len(word) <= 3 {
		return 1
	}
	count, prevVowel := 0, false
	for i := 0; i < len(word); i++ {
		v := isVowel(word[i])
		if v && !prevVowel {
			count++
		}
		prevVowel = v
	}
	if hasSuffixFold(word, "e") && !hasSuffixFold(word, "le") && count > 1 {
		count--
	}
	if hasSuffixFold(word, "ed") && !hasSuffixFold(word, "ted") && !hasSuffixFold(word, "ded") && count > 1 {
		count--
	}
	return max(count, 1)
}

func isVowel(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
