package readability

import "testing"

func TestGrade(t *testing.T) {
	for _, c := range []struct {
		name     string
		text     string
		min, max float64
	}{
		{"plain", "It is okay to feel hurt. Take a breath. Talk to a friend you trust. You do not have to decide today.", -5, 6},
		{"academic", "The epistemological ramifications of institutional accountability necessitate comprehensive " +
			"reconsideration of interpersonal reconciliation methodologies, particularly regarding psychological vulnerability.", 12, 100},
	} {
		if s := Grade(c.text); s.Grade < c.min || s.Grade > c.max {
			t.Errorf("%s: grade %.1f, want between %v and %v (%+v)", c.name, s.Grade, c.min, c.max, s)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		text             string
		words, sentences int
	}{
		{"Why it hurts\nTalk to a friend\nTake a breath", 10, 3}, // headings and list items, one per line
		{"Why it hurts Talk to a friend Take a breath", 10, 1},
		{"Stop. Breathe! Ready? \"Yes.\" (Good.)", 5, 5},
		{"Sleep — then talk / or write.", 5, 1},
		{"", 0, 0},
		{"\n  \n... — !\n", 0, 0},
	} {
		s := Grade(c.text)
		if s.Words != c.words || s.Sentences != c.sentences {
			t.Errorf("Grade(%q): %d words, %d sentences; want %d, %d", c.text, s.Words, s.Sentences, c.words, c.sentences)
		}
		if c.words == 0 && s.Grade != 0 {
			t.Errorf("Grade(%q) = %v, want 0 for no words", c.text, s.Grade)
		}
	}
}

func TestSyllables(t *testing.T) {
	for word, want := range map[string]int{
		"the": 1, "hurt": 1, "make": 1, "little": 2, "wanted": 2, "jumped": 1,
		"feel": 1, "Forgive": 2, "relationship": 4, "xyz": 1, "rhythm": 1,
	} {
		if got := englishSyllables(word); got != want {
			t.Errorf("englishSyllables(%q) = %d, want %d", word, got, want)
		}
	}
}
