package i18n

import (
	"sort"
	"strings"
)

// A placeholder is a name between braces, "{n}" or "{title}": lower-case
// letters, digits and "_", starting with a letter. A brace that starts no
// placeholder is a mistake ("{ n}", "{n"), reported rather than shown to
// readers as it is.

// placeholders returns the names of the placeholders in text, sorted and
// each once, and the byte offset of the first brace that starts none (-1
// when every brace is part of a placeholder).
func placeholders(text string) (names []string, stray int) {
	seen := map[string]bool{}
	stray = -1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 || !isPlaceholderName(text[i+1:i+end]) {
				if stray < 0 {
					stray = i
				}
				continue
			}
			seen[text[i+1:i+end]] = true
			i += end
		case '}':
			if stray < 0 {
				stray = i
			}
		}
	}
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, stray
}

func isPlaceholderName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// fill replaces each placeholder of text by its value in args; a
// placeholder with no value is left as written (the check finds it first).
func fill(text string, args map[string]string) string {
	if strings.IndexByte(text, '{') < 0 {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		name := text[open+1 : open+end]
		value, ok := args[name]
		if !ok || !isPlaceholderName(name) {
			b.WriteString(text[:open+1])
			text = text[open+1:]
			continue
		}
		b.WriteString(text[:open])
		b.WriteString(value)
		text = text[open+end+1:]
	}
	b.WriteString(text)
	return b.String()
}
