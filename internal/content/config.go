package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/suggest"
)

// ConfigPath is where the site settings live, relative to the root.
const ConfigPath = layout.Root + "/" + layout.Settings

// Config is content/site.yaml.
type Config struct {
	Title       string `yaml:"title"`
	Language    string `yaml:"language"`
	Description string `yaml:"description"`
	BaseURL     string `yaml:"base_url"`
	QuickExit   string `yaml:"quick_exit"`
	Crisis      []struct {
		Name   string `yaml:"name"`
		Detail string `yaml:"detail"`
		Href   string `yaml:"href"`
	} `yaml:"crisis"`
	Menu []struct {
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
	} `yaml:"menu"`

	links map[string]position // where each menu and crisis link is written
}

// LinkPosition returns where site.yaml writes a menu or crisis link to
// href, so that a problem found with it later is reported there.
func (c Config) LinkPosition(href string) (line, col int, ok bool) {
	at, ok := c.links[href]
	return at.line, at.col, ok
}

// parseConfig reads site.yaml strictly: an unknown key, a repeated key and
// a value that could mislead or endanger a reader are errors at their own
// line and column.
func parseConfig(name string, src []byte, problems *diag.List) Config {
	var c Config
	root, ok := parseYAML(name, src, 0, problems)
	if !ok {
		return c
	}
	if root == nil || root.Kind != yaml.MappingNode {
		problems.Add(name, 1, 1, "site.yaml must be a list of `key: value` lines: set at least title, base_url and quick_exit")
		return c
	}
	meant := checkKnownKeys(name, root, problems)
	if err := root.Decode(&c); err != nil {
		typeProblems(name, root, err, problems)
		return c
	}
	s := settings{name: name, root: root, problems: problems, meant: meant}
	s.require(c.Title, "title", `the site's name, such as title: "Rebuilding Trust"`)
	c.Language = s.language(c.Language)
	s.addresses(&c)
	s.lists(&c)
	return c
}

// language checks the folder's language: required in a language folder,
// "en" for content/ when not given.
func (s settings) language(lang string) string {
	switch {
	case lang == "" && s.name != ConfigPath:
		s.require(lang, "language", "the language of this folder's pages, such as language: fr-CA")
	case lang == "":
		return "en"
	case !languageTag.MatchString(lang):
		s.add(s.node("language"), "language %q must be a language tag such as en or en-CA", lang)
	}
	return lang
}

// addresses checks the site's own address and the quick exit's.
func (s settings) addresses(c *Config) {
	if c.BaseURL != "" {
		if problem := BaseURLProblem(c.BaseURL); problem != "" {
			s.add(s.node("base_url"), "base_url %q must be the site's full address, such as https://example.org/: %s", c.BaseURL, problem)
		}
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") + "/"
	if s.require(c.QuickExit, "quick_exit", `where the "Leave this site" button goes: a neutral page such as quick_exit: "https://www.google.com/"`) {
		if problem := webAddressProblem(c.QuickExit, "https"); problem != "" {
			s.add(s.node("quick_exit"), "quick_exit %q must be a full https: address of a neutral page, such as https://www.google.com/: %s", c.QuickExit, problem)
		}
	}
}

// lists checks the crisis lines and the menu: each entry named, each link
// one a reader can follow.
func (s settings) lists(c *Config) {
	c.links = map[string]position{}
	for i, x := range c.Crisis {
		if x.Name == "" {
			s.add(s.item("crisis", i, "name"), "each crisis entry needs a name: the words readers see")
		}
		s.link(c, "crisis", i, "href", x.Href)
	}
	for i, m := range c.Menu {
		if m.Title == "" {
			s.add(s.item("menu", i, "title"), "each menu entry needs a title: the words readers see")
		}
		s.link(c, "menu", i, "url", m.URL)
	}
}

// link checks the link of the i-th entry of a list and notes its place.
func (s settings) link(c *Config, list string, i int, key, href string) {
	at := s.item(list, i, key)
	if problem := linkProblem(href); problem != "" {
		s.add(at, "%s link %q: %s", list, href, problem)
		return
	}
	if _, seen := c.links[href]; !seen {
		c.links[href] = position{at.Line, at.Column}
	}
}

var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// settings finds where in site.yaml a setting was written, to report there.
type settings struct {
	name     string // the file
	root     *yaml.Node
	problems *diag.List
	meant    map[string]bool // keys that unknown ones were reported as slips for ("titel")
}

func (s settings) add(at *yaml.Node, format string, args ...any) {
	s.problems.Add(s.name, at.Line, at.Column, format, args...)
}

// require reports a missing setting and says whether it is set.
func (s settings) require(value, key, what string) bool {
	if value != "" || s.meant[key] {
		return value != ""
	}
	s.problems.Add(s.name, 1, 1, "site.yaml needs %s: %s", key, what)
	return false
}

// node is the value of a top-level key, or the whole file when it is unset.
func (s settings) node(key string) *yaml.Node {
	if v := valueOf(s.root, key); v != nil {
		return v
	}
	return s.root
}

// item is the value of key in the i-th entry of a list (the entry itself
// when key is "" or unset).
func (s settings) item(list string, i int, key string) *yaml.Node {
	seq := s.node(list)
	if seq.Kind != yaml.SequenceNode || i >= len(seq.Content) {
		return seq
	}
	entry := seq.Content[i]
	if v := valueOf(entry, key); v != nil {
		return v
	}
	return entry
}

// knownConfigKeys lists the keys allowed at each level of site.yaml.
var knownConfigKeys = map[string][]string{
	"":       {"title", "language", "description", "base_url", "quick_exit", "crisis", "menu"},
	"crisis": {"name", "detail", "href"},
	"menu":   {"title", "url"},
}

// checkKnownKeys reports each unknown key of site.yaml, and returns the
// known keys that top-level ones were slips for, whose absence is then not
// reported too.
func checkKnownKeys(name string, root *yaml.Node, problems *diag.List) map[string]bool {
	meant := map[string]bool{}
	var walk func(n *yaml.Node, section string)
	walk = func(n *yaml.Node, section string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, known := n.Content[i], knownConfigKeys[section]
				if contains(known, key.Value) {
					if section == "" {
						walk(n.Content[i+1], key.Value)
					}
				} else if k, ok := suggest.Closest(key.Value, known); ok && section == "" {
					problems.Add(name, key.Line, key.Column, "unknown key %q in site.yaml; did you mean %q?", key.Value, k)
					meant[k] = true
				} else {
					problems.Add(name, key.Line, key.Column, "unknown key %q in site.yaml; known keys here: %s", key.Value, strings.Join(known, ", "))
				}
			}
		case yaml.SequenceNode:
			for _, item := range n.Content {
				walk(item, section)
			}
		}
	}
	walk(root, "")
	return meant
}

// configKinds says what the lists of site.yaml hold; every other value is text.
var configKinds = map[string]string{
	"crisis": "a list of lines, each with name:, detail: and href:",
	"menu":   "a list of entries, each with title: and url:",
}

// typeProblems reports each value of site.yaml of the wrong kind (a list
// where text goes, text where a list goes) at the value, naming its key
// and what it takes.
func typeProblems(name string, root *yaml.Node, err error, problems *diag.List) {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		problems.Add(name, 1, 1, "site.yaml cannot be read: %v", err)
		return
	}
	for _, msg := range te.Errors {
		var line int
		fmt.Sscanf(msg, "line %d:", &line)
		key, value := keyOnLine(root, line)
		if key == nil {
			problems.Add(name, line, 1, "this value is of the wrong kind: give text, or a list where site.yaml takes one (crisis, menu)")
			continue
		}
		kind := configKinds[key.Value]
		if kind == "" {
			kind = "text"
		}
		problems.Add(name, value.Line, value.Column, "%s: expected %s", key.Value, kind)
	}
}

// keyOnLine finds the key whose value starts on line.
func keyOnLine(n *yaml.Node, line int) (key, value *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i+1].Line == line {
				return n.Content[i], n.Content[i+1]
			}
		}
	}
	for _, child := range n.Content {
		if k, v := keyOnLine(child, line); k != nil {
			return k, v
		}
	}
	return nil, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// valueOf returns the value of a key of a mapping node, or nil.
func valueOf(mapping *yaml.Node, key string) *yaml.Node {
	if mapping.Kind != yaml.MappingNode {
		return nil
	}
	_, v := keyAndValue(mapping, key)
	return v
}
