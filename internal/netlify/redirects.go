package netlify

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Rule is one line of _redirects.
type Rule struct {
	From, To string
	Status   int  // http.StatusMovedPermanently when the line gives none
	Force    bool // "301!": applies even where a file exists
}

// header starts the file the builder writes.
const header = "# Made by the guide builder from aliases and short links. Do not edit.\n"

// WriteRedirects writes rules as _redirects, in the order given, each with its
// status.
func WriteRedirects(rules []Rule) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, r := range rules {
		force := ""
		if r.Force {
			force = "!"
		}
		fmt.Fprintf(&b, "%s %s %d%s\n", r.From, r.To, r.Status, force)
	}
	return b.Bytes()
}

// ParseRedirects reads the rules of a _redirects file, in order, leaving out
// comments and lines it cannot honour.
func ParseRedirects(data []byte) []Rule {
	var rules []Rule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || len(f) > 3 {
			continue
		}
		r := Rule{From: f[0], To: f[1], Status: http.StatusMovedPermanently}
		if len(f) == 3 {
			code, force := strings.CutSuffix(f[2], "!")
			n, err := strconv.Atoi(code)
			if err != nil {
				continue
			}
			r.Status, r.Force = n, force
		}
		rules = append(rules, r)
	}
	return rules
}

// Redirects reports whether the rule sends the browser elsewhere (3xx).
func (r Rule) Redirects() bool { return r.Status >= 300 && r.Status < 400 }
