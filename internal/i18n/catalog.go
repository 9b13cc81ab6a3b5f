package i18n

import (
	"fmt"
	"io/fs"
	"sort"

	"golang.org/x/text/language"

	"github.com/trustguide/guide/internal/diag"
)

// Dir is the folder of the strings files under the site root.
const Dir = "templates/i18n"

// Position is a place in a source file, as diagnostics name it.
type Position struct {
	Path      string // relative to the site root: "templates/i18n/fr.yaml"
	Line, Col int    // 1-based; Col counts characters
}

// Message is one key's string in one language: either Text, or one text
// per plural form in Forms ("one", "other").
type Message struct {
	Key   string
	Text  string
	Forms map[string]string
	At    Position // where the key is written

	names []string // its placeholders, sorted; a plural message always has "n"
}

// Plural reports whether the message has plural forms.
func (m *Message) Plural() bool { return m.Forms != nil }

// Placeholders returns the names of the message's placeholders, sorted. A
// plural message always takes "n", the count that chooses its form.
func (m *Message) Placeholders() []string { return m.names }

// Strings is one language's file.
type Strings struct {
	Lang     string       // "fr", the file's name without ".yaml"
	Path     string       // "templates/i18n/fr.yaml"
	Tag      language.Tag // for plural rules and numbers
	Messages map[string]*Message
	forms    []string        // the plural forms this language's rules use
	unread   bool            // the file could not be read: reported once, not key by key
	rejected map[string]bool // keys written with a value reported unusable: not missing too
}

// Keys returns the language's keys, sorted.
func (s *Strings) Keys() []string {
	keys := make([]string, 0, len(s.Messages))
	for k := range s.Messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Catalog is every language's strings. The first language is the
// reference the others are compared with.
type Catalog struct {
	Langs []*Strings
}

// Lang returns the strings of a language, by file name ("fr") or by a tag
// whose base is that name ("fr-CA").
func (c *Catalog) Lang(lang string) (*Strings, bool) {
	for _, s := range c.Langs {
		if s.Lang == lang {
			return s, true
		}
	}
	if tag, err := language.Parse(lang); err == nil {
		base, _ := tag.Base()
		for _, s := range c.Langs {
			if s.Lang == base.String() {
				return s, true
			}
		}
	}
	return nil, false
}

// Load reads templates/i18n/<lang>.yaml for each language, the reference
// language first ("en", "fr"). Problems of one file (a duplicate key, an
// empty value, a plural form the language does not use) are added to
// problems; a language whose file is missing or unreadable has no strings,
// and is reported once, here: Check does not report each key missing from it.
func Load(fsys fs.FS, langs []string, problems *diag.List) *Catalog {
	c := &Catalog{}
	for _, lang := range langs {
		c.Langs = append(c.Langs, loadLang(fsys, lang, problems))
	}
	return c
}

func loadLang(fsys fs.FS, lang string, problems *diag.List) *Strings {
	s := &Strings{Lang: lang, Path: Dir + "/" + lang + ".yaml", Messages: map[string]*Message{}, rejected: map[string]bool{}}
	tag, err := language.Parse(lang)
	if err != nil {
		problems.Add(s.Path, 0, 0, "%q is not a language code: name the file after one, such as en.yaml or fr.yaml", lang)
		return s
	}
	s.Tag, s.forms = tag, formsOf(tag)
	data, err := fs.ReadFile(fsys, s.Path)
	if err != nil {
		s.unread = true
		problems.Add(s.Path, 0, 0, "missing: the site is published in %q, so its interface strings must be in this file; copy %s/en.yaml here and translate each value", lang, Dir)
		return s
	}
	parseFile(s, data, problems)
	return s
}

// String formats the message for key with args, choosing the plural form
// from args["n"]. It fails when the key is missing or a plural message has
// no whole-number "n": the build's check finds both before any page is
// drawn, so this is the last line of defence only.
func (s *Strings) String(key string, args map[string]any) (string, error) {
	m, ok := s.Messages[key]
	if !ok {
		return "", fmt.Errorf("%s has no string %q", s.Path, key)
	}
	text := m.Text
	if m.Plural() {
		n, ok := count(args["n"])
		if !ok {
			return "", fmt.Errorf("string %q has plural forms: give it a whole number as n", key)
		}
		text = m.Forms[formOf(s.Tag, n)]
		if text == "" {
			text = m.Forms["other"]
		}
	}
	return fill(text, s.format(args)), nil
}
