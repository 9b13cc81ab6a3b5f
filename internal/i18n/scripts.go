package i18n

import (
	"strings"

	"github.com/trustguide/guide/internal/diag"
)

// A script asks for a string the way a template does, with a quoted key:
//
//	say(t("worksheet.saved", {name: file.name}));
//
// scriptUses finds those calls with a small scanner that knows where
// JavaScript's comments, strings, template literals and regular
// expressions are, so a t("…") in a comment is not a use. A call of t
// whose key is not a quoted string is a problem; "function t(" is the
// definition, not a use. Calls inside a template literal's ${…} are not
// seen: write them outside it.
func scriptUses(file, text string, problems *diag.List) []Use {
	asset := strings.TrimPrefix(file, StaticDir+"/")
	var uses []Use
	s := jsScanner{text: text}
	for s.i < len(text) {
		start, ok := s.nextCall()
		if !ok {
			break
		}
		key, keyAt, quoted := s.callKey()
		switch {
		case quoted:
			uses = append(uses, Use{Key: key, At: positionOf(file, text, keyAt), Script: asset})
		case !s.definedAt(start):
			at := positionOf(file, text, start)
			problems.Add(at.Path, at.Line, at.Col, "the key given to t must be a quoted string, so the build can check it in every language: t(\"nav.skip\")")
		}
	}
	return uses
}

type jsScanner struct {
	text string
	i    int
	last byte // the last significant character of code, to tell a regular expression from a division
}

// nextCall moves past the next "t(" in code and returns where the t is.
func (s *jsScanner) nextCall() (int, bool) {
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '/' && s.peek(1) == '/':
			s.skipTo("\n")
		case c == '/' && s.peek(1) == '*':
			s.i += 2
			s.skipTo("*/")
		case c == '"' || c == '\'' || c == '`':
			s.skipString(c)
			s.last = c
		case c == '/' && s.regexAllowed():
			s.skipRegex()
			s.last = '/'
		case isIdentByte(c):
			start := s.i
			for s.i < len(s.text) && isIdentByte(s.text[s.i]) {
				s.i++
			}
			word := s.text[start:s.i]
			s.last = 'a'
			if word == FuncName && (start == 0 || s.text[start-1] != '.') && s.callFollows() {
				return start, true
			}
			if isKeywordBeforeExpression(word) {
				s.last = '('
			}
		default:
			if c > ' ' {
				s.last = c
			}
			s.i++
		}
	}
	return 0, false
}

// callFollows moves past "(" when it is the next character but spaces.
func (s *jsScanner) callFollows() bool {
	j := s.i
	for j < len(s.text) && (s.text[j] == ' ' || s.text[j] == '\t') {
		j++
	}
	if j < len(s.text) && s.text[j] == '(' {
		s.i = j + 1
		s.last = '('
		return true
	}
	return false
}

// callKey reads the call's first argument when it is a quoted string.
func (s *jsScanner) callKey() (key string, at int, quoted bool) {
	for s.i < len(s.text) && strings.IndexByte(" \t\r\n", s.text[s.i]) >= 0 {
		s.i++
	}
	q := s.peek(0)
	if q != '"' && q != '\'' {
		return "", 0, false
	}
	start := s.i
	s.skipString(q)
	s.last = q
	return s.text[start+1 : s.i-1], start, true
}

// definedAt reports whether the t at offset start follows "function".
func (s *jsScanner) definedAt(start int) bool {
	return strings.HasSuffix(strings.TrimRight(s.text[:start], " \t"), "function")
}

func (s *jsScanner) peek(n int) byte {
	if s.i+n < len(s.text) {
		return s.text[s.i+n]
	}
	return 0
}

func (s *jsScanner) skipTo(end string) {
	if j := strings.Index(s.text[s.i:], end); j >= 0 {
		s.i += j + len(end)
		return
	}
	s.i = len(s.text)
}

// skipString moves past a string or template literal that starts at s.i.
func (s *jsScanner) skipString(quote byte) {
	for s.i++; s.i < len(s.text); s.i++ {
		switch s.text[s.i] {
		case '\\':
			s.i++
		case quote:
			s.i++
			return
		case '\n':
			if quote != '`' {
				return // an unterminated string: the browser will say so
			}
		}
	}
}

// skipRegex moves past a regular expression literal, classes and all.
func (s *jsScanner) skipRegex() {
	inClass := false
	for s.i++; s.i < len(s.text); s.i++ {
		switch c := s.text[s.i]; {
		case c == '\\':
			s.i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			s.i++
			return
		case c == '\n':
			return
		}
	}
}

// regexAllowed reports whether a "/" here starts a regular expression:
// after an operator or an opening bracket, not after a value.
func (s *jsScanner) regexAllowed() bool {
	return s.last == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", s.last) >= 0
}

func isKeywordBeforeExpression(word string) bool {
	switch word {
	case "return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "else":
		return true
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
