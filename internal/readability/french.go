package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// French is scored with the formula of Kandel and Moles (1958), Flesch's
// reading ease refitted to French:
//
//	ease = 207 − 1.015 × words per sentence − 73.6 × syllables per word
//
// (in their terms, 0.736 × syllables per 100 words; cited, for example, by
// the French grammar checker Cordial's notes on its readability index).
// Against Flesch's English ease, 206.835 − 1.015 × words per sentence −
// 84.6 × syllables per word, the one change that matters is the weight of
// a syllable: French words have more syllables for the same difficulty,
// and Kandel and Moles count a French syllable as 73.6/84.6 of an English
// one. The grade is then the Flesch–Kincaid grade of the English text of
// the same ease, that is Flesch–Kincaid with that syllable weight:
//
//	grade = 0.39 × words per sentence + 11.8 × (73.6/84.6) × syllables per word − 15.59
//
// so that the guide's one limit, grade 8, asks the same of both languages.
// Spaced punctuation is French typography: "Ça va ?" ends a sentence.
var French = &Language{
	syllables: frenchSyllables,
	closers:   "\"'”’)»",
	loneEnds:  true,
	grade: func(words, sentences, syllables float64) float64 {
		return 0.39*words/sentences + 11.8*(73.6/84.6)*syllables/words - 15.59
	},
}

// frenchSyllables estimates a French word's spoken syllables: groups of
// vowels ("eau", "oi", "ou" are one), where a vowel after "é" or a vowel
// with a diaeresis starts a new one ("cré-er", "na-ïf"), a "y" before a
// vowel is a consonant ("pa-yer", "yeux"), and a final mute "e" or "es"
// is not said ("porte", "histoires"). Verbs' silent "-ent" cannot be told
// from "souvent" without a dictionary and is counted.
func frenchSyllables(word string) int {
	count, prev := 0, rune(0)
	prevVowel := false
	for i, r := range word {
		r = unicode.ToLower(r)
		v := isFrenchVowel(r) && !(r == 'y' && followedByVowel(word[i+utf8.RuneLen(r):])) && !(r == 'u' && prev == 'q')
		if v && (!prevVowel || startsHiatus(prev, r)) {
			count++
		}
		prev, prevVowel = r, v
	}
	if count > 1 && endsMute(strings.ToLower(word)) {
		count--
	}
	return max(count, 1)
}

func isFrenchVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'ÿ', 'æ', 'œ':
		return true
	}
	return false
}

func followedByVowel(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return isFrenchVowel(unicode.ToLower(r))
}

// startsHiatus reports whether vowel r, right after vowel prev, is said
// apart from it.
func startsHiatus(prev, r rune) bool {
	return prev == 'é' || r == 'ï' || r == 'ë' || r == 'ü'
}

// endsMute reports whether a word ends in a mute "e" or "es": after a
// consonant, or after the "u" of "qu" and "gu" ("quelque", "langue").
func endsMute(word string) bool {
	w := strings.TrimSuffix(word, "s")
	if !strings.HasSuffix(w, "e") || len(w) < 2 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(w[:len(w)-1])
	if before == 'u' {
		return strings.HasSuffix(w, "que") || strings.HasSuffix(w, "gue")
	}
	return unicode.IsLetter(before) && !isFrenchVowel(before)
}
