package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
)

// Meta is a page's front matter.
type Meta struct {
	Title       string
	Description string
	Draft       bool
	Weight      int
	Date        string // YYYY-MM-DD
	Updated     string // YYYY-MM-DD
	Slug        string
	Aliases     []string
	Tags        []string

	Step int // articles: place on the guided path

	Short   string // worksheets: /w/<short>
	Minutes int    // worksheets: time to fill in
	For     string // worksheets: who it is for
	Article string // worksheets: the article it belongs to, as a link to its file

	lines map[string]int // file line of each key, for problems found later
}

// Line returns the file line where key was set, or 1 when it was not set, so
// a problem about a key points at it.
func (m Meta) Line(key string) int {
	if l, ok := m.lines[key]; ok {
		return l
	}
	return 1
}

// Audiences are the values a worksheet's "for" may take, with the words
// readers see.
var Audiences = map[string]string{
	"both":                    "Both partners",
	"hurt-partner":            "The partner who was hurt",
	"partner-who-broke-trust": "The partner who broke trust",
}

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
	datePattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	shortPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

var fields = map[string]field{
	"title":       {"text", str(func(m *Meta) *string { return &m.Title })},
	"description": {"text", str(func(m *Meta) *string { return &m.Description })},
	"draft":       {"true or false", boolean(func(m *Meta) *bool { return &m.Draft })},
	"weight":      {"a whole number", integer(func(m *Meta) *int { return &m.Weight })},
	"date":        {"a date like 2026-11-25", date(func(m *Meta) *string { return &m.Date })},
	"updated":     {"a date like 2026-11-25", date(func(m *Meta) *string { return &m.Updated })},
	"slug":        {"text", str(func(m *Meta) *string { return &m.Slug })},
	"aliases":     {"a list of URLs like [/old/path/]", list(func(m *Meta) *[]string { return &m.Aliases })},
	"tags":        {"a list of words", list(func(m *Meta) *[]string { return &m.Tags })},
	"step":        {"a whole number from 1", integer(func(m *Meta) *int { return &m.Step })},
	"short":       {"letters, digits and dashes, like name-it", str(func(m *Meta) *string { return &m.Short })},
	"minutes":     {"a whole number", integer(func(m *Meta) *int { return &m.Minutes })},
	"for":         {`"both", "hurt-partner" or "partner-who-broke-trust"`, str(func(m *Meta) *string { return &m.For })},
	"article":     {"a link to the article's file, like ../articles/acknowledge.md", str(func(m *Meta) *string { return &m.Article })},
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

func date(p func(*Meta) *string) func(*Meta, *yaml.Node) bool {
	return func(m *Meta, n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || !datePattern.MatchString(n.Value) {
			return false
		}
		if _, err := time.Parse(time.DateOnly, n.Value); err != nil {
			return false
		}
		*p(m) = n.Value
		return true
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
// problems and the rest of the front matter is still decoded.
func parseMeta(path string, yamlText []byte, problems *diag.List) (Meta, bool) {
	var m Meta
	root, ok := parseYAML(path, yamlText, 1, problems)
	if !ok {
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
			problems.Add(path, key.Line+1, key.Column, "unknown front matter key %q%s", key.Value, suggest(key.Value))
			continue
		}
		if !f.set(&m, value) {
			problems.Add(path, value.Line+1, value.Column, "%s: expected %s", key.Value, f.kind)
		}
	}
	return m, true
}

// parseYAML parses one YAML document into its root node. lineOffset is the
// number of file lines before the YAML text.
func parseYAML(path string, text []byte, lineOffset int, problems *diag.List) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		problems.Add(path, line+lineOffset, 1, "the YAML cannot be read: %s; check the indentation and quote values that contain a colon", msg)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	return doc.Content[0], true
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErrorLine finds the line in a YAML syntax error. The YAML package
// reports syntax errors only as text, so this is the one place where a
// position is read back out of a message.
func yamlErrorLine(err error) (int, string) {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 1, strings.TrimPrefix(err.Error(), "yaml: ")
}

// suggest names the known key closest to a mistyped one.
func suggest(key string) string {
	best, bestDist := "", 3
	for k := range fields {
		if d := editDistance(strings.ToLower(key), k); d < bestDist || (d == bestDist && k < best) {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return "; known keys are listed in the README"
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
