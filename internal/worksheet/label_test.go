package worksheet

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/plaintext"
	"github.com/trustguide/guide/internal/testkit/corpus"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TestLabelAsBefore: a field's data-field (plaintext.Label) is the text the
// worksheet's own walk gave before there was one walker, for the fields of
// a generated site, of the guide and of the cases, and for escapes and
// character references of every sort.
func TestLabelAsBefore(t *testing.T) {
	md := newMarkdown()
	fields := 0
	for name, src := range testPages() {
		doc := md.Parser().Parse(text.NewReader(src))
		for _, f := range treeFields(doc) {
			fields++
			if got, want := plaintext.Label(f, src), labelByWalk(f, src); !bytes.Equal(got, want) {
				t.Errorf("%s: label\n got %q\nwant %q", name, got, want)
			}
		}
	}
	if fields < 100 {
		t.Fatalf("only %d fields: where are the pages?", fields)
	}
}

// TestFieldsNoted: the fields the parser notes on a page are those of its
// tree, in its order, so the builder's passes see every field (footnotes,
// lists and quotes included) without a walk.
func TestFieldsNoted(t *testing.T) {
	md := newMarkdown()
	pages := testPages()
	pages["footnotes"] = []byte("Text[^1] and[^2].\n\n[^2]: ? Second? ___\n[^1]: ? First?\n[^3]: ? Unused?\n\n> ? Quoted [1-2]\n")
	for name, src := range pages {
		doc := md.Parser().Parse(text.NewReader(src))
		if noted, walked := fieldsOf(doc), treeFields(doc); !slices.Equal(noted, walked) {
			t.Errorf("%s: %d fields noted, %d in the tree", name, len(noted), len(walked))
		}
	}
}

// testPages are the pages of a generated site, of the guide, of the cases,
// and one with escapes and character references of every sort.
func testPages() map[string][]byte {
	pages := map[string][]byte{
		"escapes": []byte("? Tom &amp; Jerry's `&lt;  x` \\* &copy 2020 &#32; <b>hi</b> [link](/a) <https://a.example/?a&amp;b>\n" +
			"  \"said\" -- then...\n"),
	}
	for name, f := range corpus.Generate(300, 3) {
		if strings.HasSuffix(name, ".md") {
			pages[name] = f.Data
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "*", "*.md"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "content", "*", "*", "*.md"))
	for _, name := range append(append(files, more...), "testdata/fields.txt") {
		pages[name], _ = os.ReadFile(name)
	}
	return pages
}

// treeFields walks doc for its fields.
func treeFields(doc ast.Node) []*Field {
	var fields []*Field
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*Field); ok && entering {
			fields = append(fields, f)
		}
		return ast.WalkContinue, nil
	})
	return fields
}

// labelByWalk is how a field's label was made before plaintext.Label.
func labelByWalk(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	var walk func(n ast.Node, code bool)
	walk = func(n ast.Node, code bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(source)
				if !code && !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				v := c.Value
				if c.IsCode() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
				}
				b.Write(v)
			default:
				walk(c, code || c.Kind() == ast.KindCodeSpan)
			}
		}
	}
	walk(n, false)
	return bytes.Join(bytes.Fields(b.Bytes()), []byte(" "))
}
