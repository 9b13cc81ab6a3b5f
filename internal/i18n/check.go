package i18n

import (
	"fmt"
	"strings"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/suggest"
)

// Check compares the languages' strings with what the templates and
// scripts use, and with each other. Each problem is reported once, where
// it can be fixed:
//   - a key used but missing from a language: at its first use;
//   - a template giving a string other values than its placeholders: at that use;
//   - a key that nothing uses: at its line in each file that has it;
//   - a key whose placeholders or plural forms differ from the reference
//     language's: at its line in the other language's file.
func Check(c *Catalog, uses Uses) diag.List {
	var l diag.List
	meant := checkUses(c, uses, &l)
	if uses.Complete {
		checkUnused(c, uses, meant, &l)
	}
	checkAgainstReference(c, &l)
	return l
}

// checkUses reports keys missing from a language, once per key, and
// templates whose values do not fit their string. A key missing from every
// language that is a slip for one nothing uses ("nav.skipp") is reported
// as such; it returns those keys, which are then not reported unused too:
// one slip, one message.
func checkUses(c *Catalog, uses Uses, l *diag.List) map[string]bool {
	reported, meant := map[string]bool{}, map[string]bool{}
	unused := unusedKeys(c, uses)
	for _, use := range uses.List {
		if !reported[use.Key] {
			reported[use.Key] = true
			if missing := missingFrom(c, use.Key); len(missing) > 0 {
				advice := "add it there"
				if k, ok := suggest.Closest(use.Key, unused); ok && reference(c, use.Key) == nil {
					advice, meant[k] = fmt.Sprintf("did you mean %q?", k), true
				}
				l.Add(use.At.Path, use.At.Line, use.At.Col, "there is no string %q in %s: %s", use.Key, strings.Join(missing, " or "), advice)
				continue
			}
		}
		if m := reference(c, use.Key); m != nil && use.Args != nil && !equal(use.Args, m.names) {
			l.Add(use.At.Path, use.At.Line, use.At.Col, "string %q is given %s but takes %s (%s:%d): give it exactly those values",
				use.Key, nameList(use.Args), nameList(m.names), m.At.Path, m.At.Line)
		}
	}
	return meant
}

// unusedKeys lists the keys of any language that no template or script uses.
func unusedKeys(c *Catalog, uses Uses) []string {
	used := map[string]bool{}
	for _, use := range uses.List {
		used[use.Key] = true
	}
	var keys []string
	for _, s := range c.Langs {
		for _, key := range s.Keys() {
			if !used[key] {
				keys = append(keys, key)
			}
		}
	}
	return keys
}

func missingFrom(c *Catalog, key string) []string {
	var missing []string
	for _, s := range c.Langs {
		if _, ok := s.Messages[key]; !ok && !s.unread && !s.rejected[key] {
			missing = append(missing, s.Path)
		}
	}
	return missing
}

// reference returns the key's message in the first language that has it.
func reference(c *Catalog, key string) *Message {
	for _, s := range c.Langs {
		if m, ok := s.Messages[key]; ok {
			return m
		}
	}
	return nil
}

func checkUnused(c *Catalog, uses Uses, meant map[string]bool, l *diag.List) {
	unused := map[string]bool{}
	for _, key := range unusedKeys(c, uses) {
		unused[key] = !meant[key]
	}
	for _, s := range c.Langs {
		for _, key := range s.Keys() {
			if unused[key] {
				m := s.Messages[key]
				l.Add(m.At.Path, m.At.Line, m.At.Col, "no template or script uses %q: remove it, or use it with {{t %q}}", key, key)
			}
		}
	}
}

// checkAgainstReference compares each language's messages with the first
// language's: the same placeholders, and plural forms in both or neither.
func checkAgainstReference(c *Catalog, l *diag.List) {
	if len(c.Langs) == 0 {
		return
	}
	ref := c.Langs[0]
	for _, s := range c.Langs[1:] {
		for _, key := range s.Keys() {
			m, r := s.Messages[key], ref.Messages[key]
			if r == nil {
				continue // missing from the reference: reported at its use, or as unused
			}
			if problem := differs(m, r); problem != "" {
				l.Add(m.At.Path, m.At.Line, m.At.Col, "%q %s (%s:%d): make them match", key, problem, r.At.Path, r.At.Line)
			}
		}
	}
}

// differs says how m differs from the reference message r, or "".
func differs(m, r *Message) string {
	switch {
	case m.Plural() && !r.Plural():
		return "has plural forms here but is one string in the reference"
	case !m.Plural() && r.Plural():
		return "is one string here but has plural forms in the reference"
	case !equal(m.names, r.names):
		return fmt.Sprintf("takes %s here but %s in the reference", nameList(m.names), nameList(r.names))
	}
	return ""
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nameList writes placeholder names as they appear in strings: "{n} {title}".
func nameList(names []string) string {
	if len(names) == 0 {
		return "no values"
	}
	return "{" + strings.Join(names, "} {") + "}"
}
