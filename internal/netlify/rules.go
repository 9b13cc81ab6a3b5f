package netlify

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// headerName is a name a header may have (RFC 9110's token).
var headerName = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

// checkRule returns the first problem of the i-th [[headers]] rule, at the
// line of data where it is written: a "for" that is not a path of the
// site, or a header that no response can carry (Netlify refuses the file,
// or sends what the author did not mean).
func checkRule(data []byte, i int, h HeaderRule) *Error {
	at := func(key string, format string, args ...any) *Error {
		line, col := keyAt(data, i, key)
		return &Error{Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	}
	if f := strings.TrimSpace(h.For); f == "" {
		return at("[[headers]]", "this [[headers]] has no \"for\": add the paths it is for, such as for = \"/*\"")
	} else if !strings.HasPrefix(f, "/") {
		return at("for", "for %q is not a path of the site: start it with /, such as for = \"/*\"", h.For)
	}
	names := make([]string, 0, len(h.Values))
	for name := range h.Values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !headerName.MatchString(name) {
			return at(name, "%q cannot be a header's name: use letters, digits and dashes, such as X-Frame-Options", name)
		}
		if strings.ContainsFunc(normalizeValue(h.Values[name]), isControl) {
			return at(name, "the value of %s holds a line break or another control character, which no header may: "+
				"write it on one line, or break the line only after a comma", name)
		}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }

// keyAt finds where key is written in the i-th [[headers]] block of data:
// the line and column of the line that sets it ("[[headers]]" for the
// block's own line), or 0, 0.
func keyAt(data []byte, i int, key string) (line, col int) {
	block := -1
	for n, text := range bytes.Split(data, []byte("\n")) {
		trimmed := strings.TrimSpace(string(text))
		if trimmed == "[[headers]]" {
			if block++; block == i && key == "[[headers]]" {
				return n + 1, bytes.IndexByte(text, '[') + 1
			}
			if block > i {
				break
			}
			continue
		}
		rest, ok := strings.CutPrefix(strings.Trim(trimmed, `"'`), key)
		if block == i && ok {
			if rest = strings.TrimLeft(rest, `"' `); strings.HasPrefix(rest, "=") {
				return n + 1, len(text) - len(bytes.TrimLeft(text, " \t")) + 1
			}
		}
	}
	return 0, 0
}
