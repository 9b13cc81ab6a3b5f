package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/suggest"
)

// Meta is a page's front matter.
type Meta struct {
	Title       string
	Description string
	Draft       bool
	Weight      int
	Date        Date // first published
	Updated     Date // last meaningful change
	Slug        string
	Aliases     []string
	Tags        []string
	Forget      bool // the page shows "Forget this site on this device", under the heading that names it

	Step int // articles: place on the guided path

	Short   string // worksheets: /w/<short>
	Minutes int    // worksheets: time to fill in
	For     string // worksheets: who it is for
	Article string // worksheets: the article it belongs to, as a link to its file

	Source string // translations: the hash of the English page translated (internal/translation)

	lines   map[string]int // file line of each key, for problems found later
	aliasAt []position     // file position of each alias
	meant   []string       // known keys already reported: taken for unknown ones ("titel": "title") or given a wrong value
}

// mistyped reports whether key was already reported, as the key an unknown
// one was a slip for or as a wrong value, so that its absence or its zero
// value need not be reported too: one cause, one message.
func (m Meta) mistyped(key string) bool {
	for _, k := range m.meant {
		if k == key {
			return true
		}
	}
	return false
}

type position struct{ line, col int }

// Line returns the file line where key was set, or 1 when it was not set, so
// a problem about a key points at it.
func (m Meta) Line(key string) int {
	if l, ok := m.lines[key]; ok {
		return l
	}
	return 1
}

// AliasPosition returns the file line and column of the i-th alias.
func (m Meta) AliasPosition(i int) (line, col int) {
	if i < len(m.aliasAt) {
		return m.aliasAt[i].line, m.aliasAt[i].col
	}
	return m.Line("aliases"), 1
}

// Audiences are the values a worksheet's "for" may take; the words readers
// see are the strings "audience.<value>" of each language.
var Audiences = map[string]bool{"both": true, "hurt-partner": true, "partner-who-broke-trust": true, "alone": true}

// splitFrontMatter separates the YAML between the opening and closing "---"
// lines from the markdown after them. The body keeps the file's length in
// lines: the front matter is replaced by empty lines, so a position in the
// body is the same line and column as in the file.
func splitFrontMatter(src []byte) (yamlText, body []byte, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \r") != "---" {
		return nil, nil, false
	}
	offset := len(first) + 1
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(line), " \r") == "---" {
			yamlText = src[len(first)+1 : offset]
			end := offset + len(line)
			blank := bytes.Repeat([]byte("\n"), bytes.Count(src[:end], []byte("\n")))
			body = append(blank, src[end:]...)
			return yamlText, body, true
		}
		offset += len(line) + 1
		rest = next
	}
	return nil, nil, false
}

// field decodes one front matter key into its place in Meta.
type field struct {
	kind string // what the author should write, for error messages
	set  func(m *Meta, n *yaml.Node) bool
}

var (
	shortPattern  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	sourcePattern = regexp.MustCompile(`^[0-9a-f]{12}$`) // translation.Hash
)

var fields = map[string]field{
	"title":       {"text", str(func(m *Meta) *string { return &m.Title })},
	"description": {"text", str(func(m *Meta) *string { return &m.Description })},
	"draft":       {"true or false", boolean(func(m *Meta) *bool { return &m.Draft })},
	"weight":      {"a whole number", integer(func(m *Meta) *int { return &m.Weight })},
	"date":        {"a date like 2026-11-25, or a date and time like 2026-11-25T10:00:00Z", date(func(m *Meta) *Date { return &m.Date })},
	"updated":     {"a date like 2026-11-25, or a date and time like 2026-11-25T10:00:00Z", date(func(m *Meta) *Date { return &m.Updated })},
	"slug":        {"text", str(func(m *Meta) *string { return &m.Slug })},
	"aliases":     {"a list of URLs like [/old/path/]", list(func(m *Meta) *[]string { return &m.Aliases })},
	"tags":        {"a list of words", list(func(m *Meta) *[]string { return &m.Tags })},
	"forget":      {"true or false", boolean(func(m *Meta) *bool { return &m.Forget })},
	"step":        {"a whole number from 1", integer(func(m *Meta) *int { return &m.Step })},
	"short":       {"letters, digits and dashes, like name-it", str(func(m *Meta) *string { return &m.Short })},
	"minutes":     {"a whole number", integer(func(m *Meta) *int { return &m.Minutes })},
	"for":         {`"both", "hurt-partner", "partner-who-broke-trust" or "alone"`, str(func(m *Meta) *string { return &m.For })},
	"article":     {"a link to the article's file, like ../articles/acknowledge.md", str(func(m *Meta) *string { return &m.Article })},
	"source":      {"the 12-digit hash that \"guide translations -mark\" writes", source},
}

// source reads the hash of the English page a translation was made from.
func source(m *Meta, n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || !sourcePattern.MatchString(strings.TrimSpace(n.Value)) {
		return false
	}
	m.Source = strings.TrimSpace(n.Value)
	return true
}

func str(p func(*Meta) *string) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return false
		}
		*p(m) = strings.TrimSpace(n.Value)
		return true
	}
}

func date(p func(*Meta) *Date) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode {
			return false
		}
		d, ok := ParseDate(n.Value)
		*p(m) = d
		return ok
	}
}

func boolean(p func(*Meta) *bool) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return false
		}
		*p(m) = n.Value == "true"
		return true
	}
}

func integer(p func(*Meta) *int) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			return false
		}
		v, err := strconv.Atoi(n.Value)
		if err != nil {
			return false
		}
		*p(m) = v
		return true
	}
}

func list(p func(*Meta) *[]string) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.SequenceNode {
			return false
		}
		var out []string
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return false
			}
			out = append(out, item.Value)
		}
		*p(m) = out
		return true
	}
}

// parseMeta decodes front matter strictly. Positions in problems are file
// positions: the YAML text starts on line 2 of the file. It returns false
// when the YAML cannot be read at all; a wrong key or value is recorded in
// problems and the rest of the front matter is still decoded. Only a page
// of another language than the default (translated) may say its source.
func parseMeta(path string, yamlText []byte, translated bool, problems *diag.List) (Meta, bool) {
	var m Meta
	root, ok := simpleMapping(yamlText)
	if ok {
		dropRepeatedKeys(root, reportRepeat(path, 1, problems))
	} else if root, ok = parseYAML(path, yamlText, 1, problems); !ok {
		return m, false
	}
	if root == nil { // "---\n---": nothing at all
		problems.Add(path, 1, 1, "the front matter is empty: add at least a title and a description")
		return m, false
	}
	if root.Kind != yaml.MappingNode {
		problems.Add(path, root.Line+1, root.Column, "the front matter must be a list of `key: value` lines")
		return m, false
	}
	m.lines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		m.lines[key.Value] = key.Line + 1
		f, known := fields[key.Value]
		if !known {
			if meant, ok := suggestKey(key.Value); ok {
				problems.Add(path, key.Line+1, key.Column, "unknown front matter key %q; did you mean %q?", key.Value, meant)
				m.meant = append(m.meant, meant)
			} else {
				problems.Add(path, key.Line+1, key.Column, "unknown front matter key %q; the keys a page may have are listed in the README", key.Value)
			}
			continue
		}
		if key.Value == "source" && !translated {
			problems.Add(path, key.Line+1, key.Column, "source: is for translations, in a language's folder (content/fr/...): remove it from this English page")
			continue
		}
		if !f.set(&m, value) {
			problems.Add(path, value.Line+1, value.Column, "%s: expected %s", key.Value, f.kind)
			m.meant = append(m.meant, key.Value)
		}
		if key.Value == "aliases" {
			for _, item := range value.Content {
				m.aliasAt = append(m.aliasAt, position{item.Line + 1, item.Column})
			}
		}
	}
	return m, true
}

// suggestKey names the known key closest to a mistyped one.
func suggestKey(key string) (string, bool) {
	known := make([]string, 0, len(fields))
	for k := range fields {
		known = append(known, k)
	}
	return suggest.Closest(key, known)
}
