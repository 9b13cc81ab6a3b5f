package translation

import (
	"errors"
	"strings"

	"go.yaml.in/yaml/v3"
)

// page is a markdown file cut into lines, each with its own line ending,
// so that an edit of one front matter line leaves every other byte as it
// was.
type page struct {
	lines       []string
	open, close int // the "---" lines around the front matter
}

var errNoFrontMatter = errors.New(`the file has no front matter: it must start with a "---" line, the YAML, and another "---" line`)

func splitPage(data []byte) (*page, error) {
	p := &page{lines: strings.SplitAfter(string(data), "\n"), close: -1}
	if p.lines[len(p.lines)-1] == "" {
		p.lines = p.lines[:len(p.lines)-1]
	}
	if len(p.lines) == 0 || !isFence(p.lines[0]) {
		return nil, errNoFrontMatter
	}
	for i := 1; i < len(p.lines); i++ {
		if isFence(p.lines[i]) {
			p.close = i
			return p, nil
		}
	}
	return nil, errNoFrontMatter
}

func isFence(line string) bool { return strings.TrimRight(line, "\r\n") == "---" }

func (p *page) bytes() []byte { return []byte(strings.Join(p.lines, "")) }

// meta is what this package reads of a page's front matter.
type meta struct {
	Source  string `yaml:"source"`
	Date    string `yaml:"date"`
	Updated string `yaml:"updated"`
	Draft   bool   `yaml:"draft"`
	Short   string `yaml:"short"`
}

// meta reads the front matter. Any other key is the content package's to
// check; a front matter that is not YAML reads as empty here, and is
// reported there.
func (p *page) meta() meta {
	var m meta
	_ = yaml.Unmarshal([]byte(strings.Join(p.lines[p.open+1:p.close], "")), &m)
	return m
}

// keyLine returns the index of the top-level line that sets key, or -1.
func (p *page) keyLine(key string) int {
	for i := p.open + 1; i < p.close; i++ {
		if strings.HasPrefix(p.lines[i], key+":") {
			return i
		}
	}
	return -1
}

// set gives key the value: on its line, replacing only the old value (a
// comment after it stays), or on a new line at the end of the front matter.
func (p *page) set(key, value string) {
	i := p.keyLine(key)
	if i < 0 {
		p.lines = append(p.lines[:p.close], append([]string{key + ": " + value + p.ending()}, p.lines[p.close:]...)...)
		p.close++
		return
	}
	rest := p.lines[i][len(key)+1:] // " old # a comment\n"
	old := strings.TrimLeft(rest, " \t")
	gap := rest[:len(rest)-len(old)]
	if gap == "" {
		gap = " "
	}
	end := strings.IndexAny(old, " \t\r\n")
	if end < 0 {
		end = len(old)
	}
	p.lines[i] = key + ":" + gap + value + old[end:]
}

// drop removes a top-level key with the lines that continue its value
// (indented lines and list items).
func (p *page) drop(key string) {
	i := p.keyLine(key)
	if i < 0 {
		return
	}
	end := i + 1
	for end < p.close && (strings.HasPrefix(p.lines[end], " ") || strings.HasPrefix(p.lines[end], "\t") || strings.HasPrefix(p.lines[end], "-")) {
		end++
	}
	p.lines = append(p.lines[:i], p.lines[end:]...)
	p.close -= end - i
}

// ending is the file's line ending, as its first line has it.
func (p *page) ending() string {
	if strings.HasSuffix(p.lines[0], "\r\n") {
		return "\r\n"
	}
	return "\n"
}
