package linkcheck

import (
	"bytes"
	"html"
)

// Attrs lists the values of the href, src and id attributes of an HTML
// file. It reads tags only: text may hold anything (the minifier writes a
// quote in text as a plain '"'), but it never holds a '<' that starts a tag,
// and the contents of <script> and <style> and comments are skipped. A full
// HTML tokenizer would do the same several times slower, on every page of
// every build.
func Attrs(page []byte) (refs, ids []string) {
	eachAttr(page, func(isID bool, value []byte) {
		if isID {
			ids = append(ids, string(appendUnescaped(nil, value)))
		} else {
			refs = append(refs, string(appendUnescaped(nil, value)))
		}
	})
	return refs, ids
}

// eachAttr calls f with the value, as written, of every href and src
// (isID false) and id attribute of the page's tags, in page order.
func eachAttr(page []byte, f func(isID bool, value []byte)) {
	for i := 0; i < len(page); {
		lt := bytes.IndexByte(page[i:], '<')
		if lt < 0 {
			return
		}
		i += lt
		rest := page[i:]
		switch {
		case len(rest) >= 2 && isLetter(rest[1]): // a start tag
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(page, i, "-->")
			continue
		default:
			i++ // "</x>", "<!doctype>" and a stray "<" hold no attributes we want
			continue
		}
		end := tagEnd(page, i)
		closing := tagAttrs(page[i+1:end], f)
		i = end + 1
		if closing != "" {
			i = skipPast(page, i, closing)
		}
	}
}

// tagAttrs calls f with the href, src and id attributes of a start tag,
// the text between "<" and ">". For <script> and <style>, whose content
// holds no tags, it returns the start of their end tag, else "".
func tagAttrs(tag []byte, f func(isID bool, value []byte)) (closing string) {
	i := 0
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' {
		i++
	}
	switch name := tag[:i]; {
	case len(name) == 6 && bytes.EqualFold(name, []byte("script")):
		closing = "</script"
	case len(name) == 5 && bytes.EqualFold(name, []byte("style")):
		closing = "</style"
	}
	for i < len(tag) {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		start := i
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' && tag[i] != '/' {
			i++
		}
		key := tag[start:i]
		if i >= len(tag) || tag[i] != '=' {
			if i == start {
				i++
			}
			continue // an attribute without a value
		}
		var value []byte
		value, i = attrValue(tag, i+1) // after "="
		// Most keys are none of these, as their length says at one look.
		switch len(key) {
		case 4, 3:
			if bytes.EqualFold(key, []byte("href")) || bytes.EqualFold(key, []byte("src")) {
				f(false, value)
			}
		case 2:
			if bytes.EqualFold(key, []byte("id")) {
				f(true, value)
			}
		}
	}
	return closing
}

// attrValue reads the value that starts at tag[i], quoted or not, and
// returns it with where the tag goes on.
func attrValue(tag []byte, i int) (value []byte, next int) {
	if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
		q := tag[i]
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			j = len(tag) - i - 1
		}
		return tag[i+1 : i+1+j], i + j + 2
	}
	start := i
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	return tag[start:i], i
}

// tagEnd finds the ">" that closes the tag starting at i, skipping quoted
// attribute values (which may hold ">").
func tagEnd(page []byte, i int) int {
	for j := i + 1; j < len(page); j++ {
		switch c := page[j]; c {
		case '"', '\'':
			k := bytes.IndexByte(page[j+1:], c) // values are long: URLs
			if k < 0 {
				return len(page)
			}
			j += k + 1
		case '>':
			return j
		}
	}
	return len(page)
}

func skipPast(page []byte, i int, marker string) int {
	j := bytes.Index(page[i:], []byte(marker))
	if j < 0 {
		return len(page)
	}
	return i + j + len(marker)
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// appendUnescaped appends an attribute's value with its character
// references ("&amp;") decoded.
func appendUnescaped(dst, value []byte) []byte {
	if bytes.IndexByte(value, '&') < 0 {
		return append(dst, value...)
	}
	return append(dst, html.UnescapeString(string(value))...)
}
