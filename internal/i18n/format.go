package i18n

import (
	"fmt"
	"strconv"

	"golang.org/x/text/message"
)

// count returns v as a whole number, for choosing a plural form.
func count(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	case uint:
		return int(n), true
	}
	return 0, false
}

// format turns each argument into the text that replaces its placeholder.
// Whole numbers are written the language's way: 1,000 in English,
// 1 000 (with a no-break space) in French; numbers below 1,000, the usual
// case, are written alike in both and need no printer.
func (s *Strings) format(args map[string]any) map[string]string {
	out := make(map[string]string, len(args))
	for name, v := range args {
		n, isCount := count(v)
		switch {
		case isCount && n > -1000 && n < 1000:
			out[name] = strconv.Itoa(n)
		case isCount:
			out[name] = message.NewPrinter(s.Tag).Sprint(n)
		default:
			out[name] = fmt.Sprint(v)
		}
	}
	return out
}
