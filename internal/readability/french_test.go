package readability

import "testing"

func TestFrenchSyllables(t *testing.T) {
	for word, want := range map[string]int{
		"je": 1, "les": 1, "porte": 1, "histoires": 2, "confiance": 2, "relation": 3,
		"créer": 2, "naïf": 2, "Noël": 2, "oiseau": 2, "payer": 2, "yeux": 1, "stylo": 2,
		"été": 2, "écouter": 3, "partenaire": 3, "difficile": 3, "quelque": 1, "langue": 1, "quelqu'un": 2, "quoi": 1,
		"aujourd'hui": 3, "pardon": 2, "Ça": 1, "l'amour": 2, "9-8-8": 1,
	} {
		if got := frenchSyllables(word); got != want {
			t.Errorf("frenchSyllables(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestFrenchSentences(t *testing.T) {
	for _, c := range []struct {
		text                        string
		words, sentences, syllables int
	}{
		// French typography puts a (narrow no-break) space before ? ! and inside « ».
		{"Ça va ? Oui, ça va bien !", 6, 2, 6},
		{"Il a dit\u00a0: «\u202fJe regrette.\u202f» Puis il est parti.", 9, 2, 11},
		{"Respirez. Parlez à une amie.", 5, 2, 9},
		{"Pourquoi ça fait mal\nParler à quelqu'un", 7, 2, 10}, // a heading and a list item, one per line
		{"? !", 0, 0, 0},
	} {
		s := French.Grade(c.text)
		if s.Words != c.words || s.Sentences != c.sentences || s.Syllables != c.syllables {
			t.Errorf("French.Grade(%q): %d words, %d sentences, %d syllables; want %d, %d, %d",
				c.text, s.Words, s.Sentences, s.Syllables, c.words, c.sentences, c.syllables)
		}
	}
}

func TestFrenchGrade(t *testing.T) {
	for _, c := range []struct {
		name     string
		text     string
		min, max float64
	}{
		{"plain", "C'est normal d'avoir mal. Prenez une pause. Parlez à une amie de confiance. Vous n'avez pas à décider aujourd'hui.", -5, 6},
		{"academic", "Les ramifications épistémologiques de la responsabilité institutionnelle nécessitent une reconsidération " +
			"approfondie des méthodologies de réconciliation interpersonnelle, particulièrement concernant la vulnérabilité psychologique.", 12, 100},
	} {
		if s := French.Grade(c.text); s.Grade < c.min || s.Grade > c.max {
			t.Errorf("%s: grade %.1f, want between %v and %v (%+v)", c.name, s.Grade, c.min, c.max, s)
		}
	}
}

// The French grade is the Flesch–Kincaid grade of the English text that
// Kandel and Moles' formula finds as easy: with 73.6/84.6 of the syllables.
func TestFrenchGradeMatchesEnglishOfTheSameEase(t *testing.T) {
	const asl, aswFrench = 12.0, 1.7
	kandelMoles := 207 - 1.015*asl - 73.6*aswFrench
	aswEnglish := aswFrench * 73.6 / 84.6
	flesch := 206.835 - 1.015*asl - 84.6*aswEnglish
	if d := kandelMoles - flesch; d < 0.16 || d > 0.17 {
		t.Fatalf("the two eases differ by %v, want only the 0.165 of their constants", d)
	}
	const words = 120.0
	got, want := French.grade(words, words/asl, words*aswFrench), English.grade(words, words/asl, words*aswEnglish)
	if got-want > 1e-9 || want-got > 1e-9 {
		t.Errorf("French grade %v, English grade of the same ease %v", got, want)
	}
}

func TestFor(t *testing.T) {
	for lang, want := range map[string]*Language{"en-CA": English, "en": English, "fr-CA": French, "FR": French} {
		if got, ok := For(lang); got != want || !ok {
			t.Errorf("For(%q) = %p, %v", lang, got, ok)
		}
	}
	if _, ok := For("de"); ok {
		t.Error("For(de) found a formula")
	}
}
