package markdown

// Text returns the page's readable text, one block (paragraph, heading,
// list item, table cell) per line, without code (see plaintext.Lines). It
// feeds the search index, the reading time and the reading grade. It is
// made while Parse walks the syntax tree, so the tree is walked once for
// everything the build learns.
func (d *Doc) Text() string { return d.text }
