package content

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleMapping reads YAML that is nothing but "key: value" lines, each
// value a plain scalar that ends on its line, the way nearly every page's
// front matter is written, into the very nodes the YAML package makes of
// it: what each value says and its tag, line and column. That package
// takes twenty times longer, on every page of every build. Anything else
// (quotes, lists, comments, a value on two lines, a tag it is not sure of)
// is not simple, and is left to the YAML package: ok is false.
func simpleMapping(text []byte) (root *yaml.Node, ok bool) {
	root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for n, rest := 1, text; len(rest) > 0; n++ {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		rest = next
		if len(line) == 0 {
			continue
		}
		key, value, ok := simpleLine(line, n)
		if !ok {
			return nil, false
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = n, 1
		}
		root.Content = append(root.Content, key, value)
	}
	return root, len(root.Content) > 0
}

// simpleLine reads one "key: value" line, the nth.
func simpleLine(line []byte, n int) (key, value *yaml.Node, ok bool) {
	k := 0
	for k < len(line) && (line[k] >= 'a' && line[k] <= 'z' || k > 0 && (line[k] == '_' || line[k] == '-')) {
		k++
	}
	if k == 0 || k > 64 || k+1 >= len(line) || line[k] != ':' || line[k+1] != ' ' { // YAML takes a key of 1024 at most
		return nil, nil, false
	}
	v := k + 1
	for v < len(line) && line[v] == ' ' {
		v++
	}
	keyText := string(line[:k])
	keyTag, _ := plainTag(keyText)
	key = &yaml.Node{Kind: yaml.ScalarNode, Tag: keyTag, Value: keyText, Line: n, Column: 1}
	rest := bytes.TrimRight(line[v:], " ")
	if len(rest) == 0 {
		return nil, nil, false
	}
	if rest[0] == '[' {
		value, ok = simpleList(rest, n, v+1)
	} else {
		value, ok = simpleScalar(string(rest), n, v+1)
	}
	return key, value, ok
}

func simpleScalar(text string, line, column int) (*yaml.Node, bool) {
	tag, ok := plainTag(text)
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text, Line: line, Column: column}, ok
}

// simpleList reads a list on one line, "[a, b]", whose items are plain
// scalars with none of the characters that mean something in a list.
func simpleList(text []byte, line, column int) (*yaml.Node, bool) {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: column}
	inside, ok := bytes.CutSuffix(text[1:], []byte("]"))
	if !ok || len(inside) == 0 {
		return list, ok
	}
	at := column + 1
	for item := range bytes.SplitSeq(inside, []byte(",")) {
		lead := len(item) - len(bytes.TrimLeft(item, " "))
		value := string(bytes.Trim(item, " "))
		if value == "" || strings.ContainsAny(value, "[]{}:") {
			return nil, false
		}
		scalar, ok := simpleScalar(value, line, at+lead)
		if !ok {
			return nil, false
		}
		list.Content = append(list.Content, scalar)
		at += utf8.RuneCount(item) + 1 // YAML counts columns in characters
	}
	return list, true
}

// plainTag is the tag YAML gives the plain scalar s, when s is one whose
// tag is sure: text that starts with a letter, a whole number written
// plainly, a date; and when s, written after "key: ", is all of the value.
func plainTag(s string) (tag string, ok bool) {
	if s == "" || !plainText(s) {
		return "", false
	}
	switch c := s[0]; {
	case c >= utf8.RuneSelf || c|0x20 >= 'a' && c|0x20 <= 'z':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool", true
		case "null", "Null", "NULL":
			return "!!null", true
		}
		return "!!str", true
	case c >= '1' && c <= '9' && len(s) <= 18 && allDigits(s), s == "0":
		return "!!int", true
	case yamlTimestamp(s):
		return "!!timestamp", true
	}
	return "", false
}

// plainText reports whether s holds only characters that a plain scalar
// takes as they are, and none of what would end it (": ", a ":" at the
// end, " #") or make it something else: no control character, no tab, no
// "#" at all, no character YAML reads as a line break or may not print.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f || c == '#' || c == ':' && (i+1 == len(s) || s[i+1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xd800 && r < 0xe000 || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// yamlTimestamp reports whether the YAML package reads s as a timestamp:
// its own test, which begins with four digits and a dash.
func yamlTimestamp(s string) bool {
	if len(s) < 5 || !allDigits(s[:4]) || s[4] != '-' {
		return false
	}
	for _, format := range []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
