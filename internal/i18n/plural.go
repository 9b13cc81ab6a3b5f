package i18n

import (
	"sort"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// formNames are CLDR's names of the plural forms, as they are written in
// the strings files.
var formNames = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// isFormName reports whether name is one of CLDR's plural form names.
func isFormName(name string) bool {
	for _, n := range formNames {
		if n == name {
			return true
		}
	}
	return false
}

// formOf names the plural form CLDR's rules choose for the count n in the
// language tag: in English 1 is "one" and 0 is "other"; in French both 0
// and 1 are "one".
func formOf(tag language.Tag, n int) string {
	if n < 0 {
		n = -n
	}
	return formNames[plural.Cardinal.MatchPlural(tag, n%10_000_000, 0, 0, 0, 0)]
}

// formsOf lists, sorted, the forms a language's rules choose for whole
// numbers: every plural string of that language must give each of them.
// The rules are periodic within the first thousand; a million is tried
// too, for the languages whose large round numbers have a form of their own.
func formsOf(tag language.Tag) []string {
	seen := map[string]bool{}
	for n := 0; n <= 1000; n++ {
		seen[formOf(tag, n)] = true
	}
	seen[formOf(tag, 1_000_000)] = true
	forms := make([]string, 0, len(seen))
	for f := range seen {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	return forms
}
