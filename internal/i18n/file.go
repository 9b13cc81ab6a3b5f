package i18n

import (
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/yamlerr"
)

// A strings file is one YAML mapping from keys to values. A value is a
// string, or a mapping from plural forms to strings:
//
//	search.none: Nothing found for “{query}”.
//	packet.count:
//	  one: One worksheet
//	  other: "{n} worksheets"
//
// Keys are flat (dots are only part of the name), so that a plural
// mapping can never be mistaken for a group of keys.

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

// parseFile reads the messages of one file into s, reporting each problem
// at its place.
func parseFile(s *Strings, data []byte, problems *diag.List) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlerr.Line(data, err)
		problems.Add(s.Path, line, 1, "the YAML cannot be read: %s; check the indentation, and quote values that start with { or contain a colon", msg)
		s.unread = true // one problem: not every key reported missing too
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		problems.Add(s.Path, root.Line, root.Column, "the file must map keys to strings (key: text), one per line")
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		at := Position{s.Path, key.Line, key.Column}
		if first, ok := s.Messages[key.Value]; ok {
			problems.Add(s.Path, key.Line, key.Column, "%q is set twice (first on line %d): keep one of them", key.Value, first.At.Line)
			continue
		}
		if !keyPattern.MatchString(key.Value) {
			problems.Add(s.Path, key.Line, key.Column, "%q is not a usable key: use lower-case letters, digits and . _ - (like nav.skip)", key.Value)
			continue
		}
		if m := parseValue(s, key.Value, value, at, problems); m != nil {
			s.Messages[key.Value] = m
		} else {
			s.rejected[key.Value] = true
		}
	}
}

// parseValue reads one key's value. It returns nil when the value cannot
// be used; problems says why.
func parseValue(s *Strings, key string, value *yaml.Node, at Position, problems *diag.List) *Message {
	m := &Message{Key: key, At: at}
	switch value.Kind {
	case yaml.ScalarNode:
		if !usableText(s, key, value, problems) {
			return nil
		}
		m.Text = value.Value
	case yaml.MappingNode:
		m.Forms = parseForms(s, key, value, problems)
		if m.Forms == nil {
			return nil
		}
	default:
		problems.Add(s.Path, value.Line, value.Column, "%q must be a string, or one string per plural form (%s)", key, formList(s.forms))
		return nil
	}
	m.names = messagePlaceholders(m)
	return m
}

// usableText reports whether a scalar is a text readers may be shown: not
// empty, and with every brace part of a placeholder.
func usableText(s *Strings, key string, value *yaml.Node, problems *diag.List) bool {
	if value.Tag == "!!null" || value.Value == "" {
		problems.Add(s.Path, value.Line, value.Column, "%q is empty: write the text readers see, or remove the key", key)
		return false
	}
	if _, stray := placeholders(value.Value); stray >= 0 {
		problems.Add(s.Path, value.Line, value.Column, "%q has a brace that starts no placeholder: write placeholders as {n} or {title}, lower-case, no spaces", key)
		return false
	}
	return true
}

// parseForms reads a plural value: exactly the forms the language's rules
// use, each a usable text.
func parseForms(s *Strings, key string, value *yaml.Node, problems *diag.List) map[string]string {
	forms := map[string]string{}
	seen := map[string]bool{}
	ok := true
	for i := 0; i+1 < len(value.Content); i += 2 {
		name, text := value.Content[i], value.Content[i+1]
		repeated := seen[name.Value]
		seen[name.Value] = true
		switch {
		case !contains(s.forms, name.Value):
			problems.Add(s.Path, name.Line, name.Column, "%q: %q is not a plural form of %s, whose forms are %s", key, name.Value, s.Lang, formList(s.forms))
			ok = false
		case repeated:
			problems.Add(s.Path, name.Line, name.Column, "%q: the form %q is set twice: keep one of them", key, name.Value)
			ok = false
		case text.Kind != yaml.ScalarNode:
			problems.Add(s.Path, text.Line, text.Column, "%q: the form %q must be a string", key, name.Value)
			ok = false
		case usableText(s, key, text, problems):
			forms[name.Value] = text.Value
		default:
			ok = false
		}
	}
	for _, f := range s.forms {
		if _, given := forms[f]; !given && ok {
			problems.Add(s.Path, value.Line, value.Column, "%q has no %q form: %s needs %s", key, f, s.Lang, formList(s.forms))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return forms
}

// messagePlaceholders lists the placeholders of all of a message's texts;
// a plural message takes "n" even when no form shows it ("One worksheet").
func messagePlaceholders(m *Message) []string {
	if !m.Plural() {
		names, _ := placeholders(m.Text)
		return names
	}
	all := "{n}"
	for _, text := range m.Forms {
		all += text
	}
	names, _ := placeholders(all)
	return names
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func formList(forms []string) string {
	out := ""
	for i, f := range forms {
		if i > 0 {
			out += " and "
		}
		out += f
	}
	return out
}
