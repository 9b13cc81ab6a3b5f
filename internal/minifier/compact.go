package minifier

import "bytes"

// Compact drops from HTML the white space between tags that a minifier
// would drop: a run of spaces and line breaks next to a block-level tag
// shows as nothing, and goes; between inline tags it shows as one space,
// and becomes one character. Comments go too ("raw HTML omitted"). The
// content of <pre>, <textarea>, <script> and <style> stays as it is. A page
// drawn from minified templates and a compact body needs nothing more. It
// works in place: the output is never longer than the input.
func Compact(html []byte) []byte {
	out := html[:0]
	for i := 0; i < len(html); {
		k := bytes.IndexByte(html[i:], '<')
		if k < 0 {
			return append(out, html[i:]...)
		}
		out = append(out, html[i:i+k]...)
		i += k
		if bytes.HasPrefix(html[i:], []byte("<!--")) {
			i = skipPast(html, i, "-->")
			continue
		}
		name := tagName(html[i+1:])
		block := isBlock(name)                // now: out is written over html, and over name
		end := bytes.IndexByte(html[i:], '>') // no '>' inside a tag: values are escaped
		if end < 0 {
			return append(out, html[i:]...)
		}
		end += i + 1
		if html[i+1] != '/' {
			switch string(name) {
			case "pre", "textarea", "script", "style":
				end = skipPast(html, i, "</"+string(name)+">")
			}
		}
		out = append(out, html[i:end]...)
		i = end
		j := i
		for j < len(html) && isSpace(html[j]) {
			j++
		}
		switch {
		case j == i:
		case j < len(html) && html[j] != '<':
			out = append(out, html[i:j]...) // text follows: its spaces are the text's
		case j < len(html) && !block && !isBlock(tagName(html[j+1:])):
			out = append(out, runOf(html[i:j]))
		}
		i = j
	}
	return out
}

// skipPast returns the index just past marker, found from i, or the end.
func skipPast(html []byte, i int, marker string) int {
	k := bytes.Index(html[i:], []byte(marker))
	if k < 0 {
		return len(html)
	}
	return i + k + len(marker)
}

// runOf is the one character a run of white space between inline tags
// becomes: a line break if it holds one, else a space.
func runOf(space []byte) byte {
	if bytes.IndexByte(space, '\n') >= 0 {
		return '\n'
	}
	return ' '
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isBlock reports whether an element is block-level, or in the head:
// white space next to it does not show.
func isBlock(name []byte) bool {
	switch string(name) {
	case "html", "head", "body", "title", "meta", "link", "script", "style", "base", "noscript":
		return true
	case "address", "article", "aside", "blockquote", "details", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "pre", "br":
		return true
	}
	return false
}

// tagName reads a tag's name after its '<', without the '/' of an end tag.
func tagName(tag []byte) []byte {
	tag = bytes.TrimPrefix(tag, []byte("/"))
	end := 0
	for end < len(tag) && (tag[end] >= 'a' && tag[end] <= 'z' || tag[end] >= '0' && tag[end] <= '9') {
		end++
	}
	return tag[:end]
}
