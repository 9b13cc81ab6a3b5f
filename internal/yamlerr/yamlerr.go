// Package yamlerr finds the line of a YAML syntax error.
//
// The YAML package reports a syntax error only as text, "yaml: line N: ...",
// and its N is not one rule: the scanner's errors (a tab, a colon in a
// plain value) count lines from 1, the parser's (a "[" never closed, a key
// missing) count them from 0, and a mark on the first line is dropped for
// another one. Parsed again after one empty line, no mark is on the first
// line, and then the scanner's N is one too many and the parser's is right.
package yamlerr

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var prefix = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// The parser's problems (parserc.go); every other one is the scanner's.
var parserProblems = []string{
	"did not find expected <", "did not find expected node content", "did not find expected '-' indicator",
	"did not find expected key", "did not find expected ',' or", "found duplicate %", "found incompatible YAML document",
	"found undefined tag handle",
}

// Line returns the line of text (from 1) where err, the error
// yaml.Unmarshal gave for text, was found, and err's message without the
// package's "yaml: line N: ". An error without a line is on line 1.
func Line(text []byte, err error) (int, string) {
	m := prefix.FindStringSubmatch(err.Error())
	if m == nil {
		return 1, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	msg := m[2]
	if !isParserProblem(msg) {
		n, _ := strconv.Atoi(m[1])
		return max(n, 1), msg
	}
	var doc yaml.Node
	again := yaml.Unmarshal(append([]byte("\n"), bytes.TrimPrefix(text, []byte("\uFEFF"))...), &doc)
	if again == nil {
		return 1, msg
	}
	if m = prefix.FindStringSubmatch(again.Error()); m == nil {
		return 1, msg
	}
	line, _ := strconv.Atoi(m[1])
	return max(line, 1), msg
}

func isParserProblem(msg string) bool {
	for _, p := range parserProblems {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
