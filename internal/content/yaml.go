package content

import (
	"go.yaml.in/yaml/v3"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/yamlerr"
)

// parseYAML parses one YAML document into its root node. lineOffset is the
// number of file lines before the YAML text.
func parseYAML(path string, text []byte, lineOffset int, problems *diag.List) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		line, msg := yamlerr.Line(text, err)
		problems.Add(path, line+lineOffset, 1, "the YAML cannot be read: %s; check the indentation and quote values that contain a colon", msg)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	root := doc.Content[0]
	dropRepeatedKeys(root, reportRepeat(path, lineOffset, problems))
	return root, true
}

// reportRepeat reports a key set twice, that dropRepeatedKeys dropped.
func reportRepeat(path string, lineOffset int, problems *diag.List) func(key, first *yaml.Node) {
	return func(key, first *yaml.Node) {
		problems.Add(path, key.Line+lineOffset, key.Column, "%q is set twice (first on line %d): keep one of them", key.Value, first.Line+lineOffset)
	}
}

// dropRepeatedKeys removes from every mapping under n each key that an
// earlier key of the same mapping repeats, with its value, and reports it.
// YAML would keep the last one silently; an author means one of them.
func dropRepeatedKeys(n *yaml.Node, report func(key, first *yaml.Node)) {
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if first, ok := seen[key.Value]; ok && key.Kind == yaml.ScalarNode {
				report(key, first)
				continue
			}
			seen[key.Value] = key
			kept = append(kept, key, n.Content[i+1])
		}
		n.Content = kept
	}
	for _, child := range n.Content {
		dropRepeatedKeys(child, report)
	}
}
