package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Typography names the typographic conventions of a language: "fr" for
// French (« guillemets » with narrow no-break spaces inside), "" for the
// English curly quotes that every other language gets.
func Typography(tag string) string {
	if lang, _, _ := strings.Cut(strings.ToLower(tag), "-"); lang == "fr" {
		return "fr"
	}
	return ""
}

// frenchQuotes are the double quotes of French: guillemets, with a narrow
// no-break space (U+202F) inside each, which never leaves a guillemet
// alone at the start or end of a line.
var frenchQuotes = map[extension.TypographicPunctuation]string{
	extension.LeftDoubleQuote:  "«\u202f",
	extension.RightDoubleQuote: "\u202f»",
}

// typographer turns straight quotes, dashes and ellipses into typographic
// ones, in the conventions of typography.
func typographer(typography string) goldmark.Extender {
	if typography == "fr" {
		return extension.NewTypographer(extension.WithTypographicSubstitutions(frenchQuotes))
	}
	return extension.Typographer
}

// Plain gives the text of a front matter field (a title, a description)
// the typography the markdown of its page gets, where a plain string can
// take it: in French, an apostrophe is ’ (qu’est), as the typographer
// makes it in the body. English text is left as it is written.
func Plain(typography, text string) string {
	if typography != "fr" || !strings.Contains(text, "'") {
		return text
	}
	return strings.ReplaceAll(text, "'", "’")
}
