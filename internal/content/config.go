package content

import (
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
)

// ConfigPath is where the site settings live, relative to the root.
const ConfigPath = "content/site.yaml"

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
}

// parseConfig reads site.yaml strictly: an unknown key is an error at its line.
func parseConfig(src []byte, problems *diag.List) Config {
	var c Config
	root, ok := parseYAML(ConfigPath, src, 0, problems)
	if !ok {
		return c
	}
	if root == nil {
		problems.Add(ConfigPath, 1, 1, "site.yaml is empty: set at least title, language and base_url")
		return c
	}
	checkKnownKeys(root, problems)
	if err := root.Decode(&c); err != nil {
		// Type errors: report at the top; checkKnownKeys has named unknown keys already.
		problems.Add(ConfigPath, root.Line, root.Column, "site.yaml has a value of the wrong kind: %v", err)
		return c
	}
	if c.Title == "" {
		problems.Add(ConfigPath, 1, 1, "site.yaml needs a title")
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || u.Scheme == "" || u.Host == "" {
			problems.Add(ConfigPath, 1, 1, "base_url %q must be a full URL such as https://example.org/", c.BaseURL)
		}
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") + "/"
	for i, x := range c.Crisis {
		if !safeHref(x.Href) {
			line := root.Line
			if seq := valueOf(root, "crisis"); seq != nil && i < len(seq.Content) {
				line = seq.Content[i].Line
			}
			problems.Add(ConfigPath, line, 1, "crisis link %q must start with tel:, sms:, https:, mailto: or /", x.Href)
		}
	}
	return c
}

// knownConfigKeys lists the keys allowed at each level of site.yaml.
var knownConfigKeys = map[string][]string{
	"":       {"title", "language", "description", "base_url", "quick_exit", "crisis", "menu"},
	"crisis": {"name", "detail", "href"},
	"menu":   {"title", "url"},
}

func checkKnownKeys(root *yaml.Node, problems *diag.List) {
	var walk func(n *yaml.Node, section string)
	walk = func(n *yaml.Node, section string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key := n.Content[i]
				if !contains(knownConfigKeys[section], key.Value) {
					problems.Add(ConfigPath, key.Line, key.Column, "unknown key %q in site.yaml; known keys here: %s",
						key.Value, strings.Join(knownConfigKeys[section], ", "))
					continue
				}
				if section == "" {
					walk(n.Content[i+1], key.Value)
				}
			}
		case yaml.SequenceNode:
			for _, item := range n.Content {
				walk(item, section)
			}
		}
	}
	walk(root, "")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// safeHref accepts the kinds of links a crisis resource may have.
func safeHref(href string) bool {
	for _, prefix := range []string{"tel:", "sms:", "https://", "http://", "mailto:", "/"} {
		if strings.HasPrefix(href, prefix) && !strings.HasPrefix(href, "//") {
			return true
		}
	}
	return false
}

// valueOf returns the value of a key of a mapping node, or nil.
func valueOf(mapping *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return mapping.Content[i+1]
		}
	}
	return nil
}
