package yamlerr

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestLine(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
	}{
		{"flow sequence never closed, first line", "a: [x\nb: c\n", 1},
		{"flow sequence never closed, later line", "a: b\nc: d\ne: [x\nf: g\n", 3},
		{"flow mapping never closed", "a: b\nc: {x: y\n", 2},
		{"tab on the first line", "\ta: b\n", 1},
		{"tab on a later line", "a: b\n\tc: d\n", 2},
		{"colon in a plain value", "a: b\nc: d: e\n", 2},
		{"key missing in a block mapping", "a: b\n c: d\ne: f\n", 2},
		{"byte order mark", "\uFEFFa: b\nc: [x\nd: e\n", 2},
	}
	for _, tt := range tests {
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(tt.text), &doc)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if line, msg := Line([]byte(tt.text), err); line != tt.line {
			t.Errorf("%s: line %d (%s), want %d; the YAML package said %q", tt.name, line, msg, tt.line, err)
		}
	}
}
