package netlify

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is a problem of netlify.toml, at its line and column (0 when the
// file's reader cannot tell).
type Error struct {
	Line, Col int
	Message   string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return "netlify.toml: " + e.Message
	}
	return fmt.Sprintf("netlify.toml:%d:%d: %s", e.Line, e.Col, e.Message)
}

// Config is what netlify.toml says.
type Config struct {
	Build   Build            `toml:"build"`
	Context map[string]Build `toml:"context"` // "deploy-preview", "branch-deploy", "production"...
	Headers []HeaderRule     `toml:"headers"`

	rules  []*regexp.Regexp    // Headers[i].For as Netlify matches it
	values []map[string]string // Headers[i].Values as Netlify sends them
}

// Build is a [build] table, or one of a [context.name] table.
type Build struct {
	Command     string            `toml:"command"`
	Publish     string            `toml:"publish"`
	Environment map[string]string `toml:"environment"`
}

// HeaderRule is one [[headers]] block: the values are sent with every
// response whose URL path matches For.
type HeaderRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// Defaults are the headers Netlify sends when no rule sets them.
var Defaults = http.Header{
	"Cache-Control": {"public, max-age=0, must-revalidate"},
}

// Path is the file's name, in the site's folder.
const Path = "netlify.toml"

// Read reads netlify.toml from the site's folder, as Netlify does before
// it builds: a site without one has no headers of its own; a file that
// cannot be read or parsed is its problem, at its line where TOML says.
// guide serve and guide check both read it here, so they say the same.
func Read(site fs.FS) (*Config, *Error) {
	data, err := fs.ReadFile(site, Path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{}, nil
	}
	if pathErr := (*fs.PathError)(nil); errors.As(err, &pathErr) {
		return nil, &Error{Message: pathErr.Err.Error()}
	}
	if err != nil {
		return nil, &Error{Message: err.Error()}
	}
	c, err := ParseConfig(data)
	if e := (*Error)(nil); errors.As(err, &e) {
		return nil, e
	}
	return c, nil
}

// ParseConfig reads netlify.toml. Its problems are *Error, at their line and
// column where TOML gives them.
func ParseConfig(data []byte) (*Config, error) {
	var c Config
	if _, err := toml.Decode(string(data), &c); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &Error{Line: perr.Position.Line, Col: perr.Position.Col, Message: perr.Message + " (Netlify would refuse it too)"}
		}
		return nil, &Error{Message: err.Error()}
	}
	for i, h := range c.Headers {
		if e := checkRule(data, i, h); e != nil {
			return nil, e
		}
		c.rules = append(c.rules, forRegexp(h.For))
		values := map[string]string{}
		for name, v := range h.Values {
			values[http.CanonicalHeaderKey(strings.TrimSpace(name))] = normalizeValue(v)
		}
		c.values = append(c.values, values)
	}
	return &c, nil
}

// Matches reports whether the rule i applies to urlPath.
func (c *Config) Matches(i int, urlPath string) bool {
	return c.rules[i].MatchString(urlPath)
}

// Values returns the headers of rule i as Netlify sends them: names in
// canonical form, values normalized (see normalizeValue).
func (c *Config) Values(i int) map[string]string {
	return c.values[i]
}

// HeadersFor returns the headers a response for urlPath gets: Netlify's
// defaults, then the values of every matching rule, a later rule winning
// over an earlier one as in "netlify dev". (Whether Netlify's CDN overrides
// or joins a header set by two matching rules is not written down; the
// tests forbid such overlaps so that the answer does not matter.)
func (c *Config) HeadersFor(urlPath string) http.Header {
	h := Defaults.Clone()
	for i := range c.Headers {
		if !c.Matches(i, urlPath) {
			continue
		}
		for name, v := range c.values[i] {
			h.Set(name, v)
		}
	}
	return h
}

// Overlaps returns the headers that more than one rule matching urlPath
// sets, each as "Name (rules for "/a" and "/b")".
func (c *Config) Overlaps(urlPath string) []string {
	setBy := map[string][]string{}
	var names []string
	for i, h := range c.Headers {
		if !c.Matches(i, urlPath) {
			continue
		}
		for name := range c.values[i] {
			if setBy[name] == nil {
				names = append(names, name)
			}
			setBy[name] = append(setBy[name], fmt.Sprintf("%q", h.For))
		}
	}
	var out []string
	for _, name := range names {
		if len(setBy[name]) > 1 {
			out = append(out, fmt.Sprintf("%s (rules for %s)", name, strings.Join(setBy[name], " and ")))
		}
	}
	return out
}

// forRegexp turns a "for" pattern into the regular expression Netlify
// matches paths with: "/css/*" matches "/css", "/css/" and everything
// below; ":name" matches one path segment; any other "*" matches anything.
// Matching ignores case and a trailing slash.
func forRegexp(pattern string) *regexp.Regexp {
	var parts []string
	for _, part := range strings.Split(strings.TrimSpace(pattern), "/") {
		part = strings.TrimRight(part, " \t")
		switch {
		case part == "":
			continue
		case strings.HasPrefix(part, ":"):
			parts = append(parts, `([^/]+)`)
		case part == "*":
			parts = append(parts, `?(.*)`)
		default:
			quoted := strings.Split(part, "*")
			for i := range quoted {
				quoted[i] = regexp.QuoteMeta(quoted[i])
			}
			parts = append(parts, strings.Join(quoted, `(.*)`))
		}
	}
	return regexp.MustCompile(`(?i)^/` + strings.Join(parts, "/") + `/?$`)
}

// multipleValues is how Netlify reads a value written over several lines:
// the commas, with the spaces and line breaks around them, become ", ".
var multipleValues = regexp.MustCompile(`\s*,\s*`)

// normalizeValue is a header value as Netlify sends it: trimmed, with the
// commas of a multi-line list normalized. Other line breaks are kept, and
// the tests reject them, as no header may hold one.
func normalizeValue(v string) string {
	return multipleValues.ReplaceAllString(strings.TrimSpace(v), ", ")
}
