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
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch {
		case c == '<' && bytes.HasPrefix(html[i:], []byte("<!--")):
			end := bytes.Index(html[i:], []byte("-->"))
			if end < 0 {
				end = len(html) - i - 3
			}
			i += end + 2
		case c == '<' && verbatim(html, i) != "":
			end := bytes.Index(html[i:], []byte("</"+verbatim(html, i)))
			if end < 0 {
				end = len(html) - i
			}
			out = append(out, html[i:i+end]...)
			i += end - 1
		case isSpace(c) && len(out) > 0 && out[len(out)-1] == '>':
			j := i
			for j < len(html) && isSpace(html[j]) {
				j++
			}
			if j < len(html) && html[j] != '<' {
				out = append(out, html[i:j]...) // text follows: its spaces are the text's
			} else if j < len(html) && !isBlock(lastTag(out)) && !isBlock(nextTag(html[j:])) {
				out = append(out, runOf(html[i:j]))
			}
			i = j - 1
		default:
			out = append(out, c)
		}
	}
	return out
}

// verbatim names the element at html[i] whose content must stay as it is,
// or "".
func verbatim(html []byte, i int) string {
	for _, name := range []string{"pre", "textarea", "script", "style"} {
		if hasTagAt(html, i, name) {
			return name
		}
	}
	return ""
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

// hasTagAt reports whether the tag name starts at html[i+1], as in "<pre>"
// or "<pre class=...".
func hasTagAt(html []byte, i int, name string) bool {
	rest := html[i+1:]
	if len(rest) <= len(name) || string(rest[:len(name)]) != name {
		return false
	}
	next := rest[len(name)]
	return next == '>' || next == ' ' || next == '\n' || next == '\t' || next == '/'
}

// lastTag is the name of the tag that ends html, which ends in '>'.
func lastTag(html []byte) string {
	start := bytes.LastIndexByte(html, '<')
	if start < 0 {
		return ""
	}
	return tagName(html[start+1:])
}

// nextTag is the name of the tag html starts with.
func nextTag(html []byte) string { return tagName(html[1:]) }

// tagName reads a tag's name after its '<', without the '/' of an end tag.
func tagName(tag []byte) string {
	tag = bytes.TrimPrefix(tag, []byte("/"))
	end := 0
	for end < len(tag) && (tag[end] >= 'a' && tag[end] <= 'z' || tag[end] >= '0' && tag[end] <= '9') {
		end++
	}
	return string(tag[:end])
}

// isBlock reports whether an element is block-level, or in the head:
// white space next to it does not show.
func isBlock(name string) bool {
	switch name {
	case "html", "head", "body", "title", "meta", "link", "script", "style", "base", "noscript":
		return true
	case "address", "article", "aside", "blockquote", "details", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "pre", "br":
		return true
	}
	return false
}
