package readability

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// guideText is the text of every page of the guide, as markdown: close
// enough to what the build scores.
func guideText(b *testing.B) string {
	files, _ := filepath.Glob("../../content/*/*.md")
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(data)
	}
	if all.Len() == 0 {
		b.Skip("no content to score")
	}
	return all.String()
}

func BenchmarkGradeEnglish(b *testing.B) {
	text := guideText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Grade(text)
	}
}
