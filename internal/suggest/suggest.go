// Package suggest finds the word an author most likely meant, for "did you
// mean …?" in error messages.
package suggest

import "strings"

// Closest returns the candidate nearest to word, by edit distance ignoring
// case, when it is near enough to be a slip of the keyboard: one edit for a
// word of up to three letters, two up to eight, three beyond. Ties go to
// the candidate that sorts first, so the advice is always the same.
func Closest(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	limit := 3
	switch n := len([]rune(w)); {
	case n <= 3:
		limit = 1
	case n <= 8:
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if c == word {
			continue
		}
		d := Distance(w, strings.ToLower(c))
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// Distance is the number of edits between a and b, in runes: a letter
// added, removed or changed, or two neighbours swapped ("titel", "title").
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
