package worksheet

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/mdlimits"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/text"
)

// newMarkdown is set up like the builder's (internal/markdown): the same
// extensions, heading ids sharing the page's id space with fields, and ids
// made as the builder makes them (pageIDs). WithUnsafe, which the builder does
// not use, shows that field labels never pass raw HTML.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(freshIDs{goldmark.DefaultParser()}),
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify,
			extension.Footnote, extension.Typographer, New()),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
}

// pageIDs stands in for the builder's ids (internal/markdown, which imports
// this package): an id made like slug's, counted up when repeated.
type pageIDs map[string]bool

func (ids pageIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(string(value))
	id := base
	for n := 2; ids[id]; n++ { // quadratic for one question asked often: the fuzzer's inputs are small
		id = base + "-" + strconv.Itoa(n)
	}
	ids[id] = true
	return []byte(id)
}

func (ids pageIDs) Put(value []byte) { ids[string(value)] = true }

// freshIDs is a parser giving each document its own pageIDs.
type freshIDs struct{ parser.Parser }

func (p freshIDs) Parse(r text.Reader, opts ...parser.ParseOption) ast.Node {
	pc := parser.NewContext(parser.WithIDs(pageIDs{}))
	return p.Parser.Parse(r, append([]parser.ParseOption{parser.WithContext(pc)}, opts...)...)
}

// TestFields runs the cases of testdata/fields.txt: markdown, then the HTML
// expected. Run one case with: go test -run TestFields -args case=3
func TestFields(t *testing.T) {
	testutil.DoTestCaseFile(newMarkdown(), "testdata/fields.txt", t, testutil.ParseCliCaseArg()...)
}

func TestCheck(t *testing.T) {
	// at is the text at the start of the field line the problem points to,
	// then, after "…", the scale or {#id} at fault, where it points.
	type want struct{ at, message string }
	tests := []struct {
		name   string
		source string
		want   []want
	}{
		{"good fields", "# Hope\n\n? How hopeful? [0-10]\n? Why? ___ {#why}\n- [x] Done.\n", nil},
		{"backwards scale", "# Hope\n\n? How hopeful? [10-1]\n", []want{
			{"? How hopeful? …[10-1]", "scale [10-1] runs backwards: write the low number first, as [1-10]"},
		}},
		{"too many values", "? A [1-1000]\n\n? B [0-11]\n\n? C [1-99999999999999999999]\n\n? D [1000-1]\n", []want{
			{"? A…[", "scale [1-1000] has too many values: use at most 11, as in [1-10] or [0-10]"},
			{"? B…[", "scale [0-11] has too many values: use at most 11, as in [1-10] or [0-10]"},
			{"? C…[", "scale [1-99999999999999999999] has too many values: use at most 11, as in [1-10] or [0-10]"},
			{"? D…[", "scale [1000-1] has too many values: use at most 11, as in [1-10] or [0-10]"},
		}},
		{"single value", "? How sure? [3-3]\n", []want{
			{"? How sure?…[", "scale [3-3] has a single value: write a range, as in [1-5] or [1-10]"},
		}},
		{"no question", "? ___\n? [1-5]\n? {#x}\n", []want{
			{"? ___", `this field has no question: write it after the "? ", as in "? What did I notice?"`},
			{"? [1-5]", `this field has no question: write it after the "? ", as in "? What did I notice?"`},
			{"? {#x}", `this field has no question: write it after the "? ", as in "? What did I notice?"`},
		}},
		{"duplicate explicit ids", "? First {#same}\n\n? Second {#same}\n", []want{
			{"? Second…{#", `id "same" is already used by the field "First": give each field its own {#id}`},
		}},
		{"explicit id equal to an id made from a question", "? Hope [1-5]\n? Other {#hope}\n", []want{
			{"? Other…{#", `id "hope" is already used by the field "Hope": give each field its own {#id}`},
		}},
		{"explicit id equal to a heading's", "# Hope\n\n? Other {#hope}\n", []want{
			{"? Other…{#", `id "hope" is already used on this page (by a heading?): choose another {#id}`},
		}},
		{"duplicate checkbox ids", "- [ ] One {#x}\n- [ ] Two {#x}\n", []want{
			{"[ ] Two…{#", `id "x" is already used by the field "One": give each field its own {#id}`},
		}},
		{"badly written id", "? Why? {#Not_OK}\n", []want{
			{"? Why?…{#", "id {#Not_OK} should be lowercase letters, digits and single hyphens (48 at most), as in {#not-ok}"},
		}},
		{"an id with spaces is an id, badly written, never text for readers", "? Ready? {#ready to talk}\n- [ ] Done {# done }\n", []want{
			{"? Ready?…{#", "id {#ready to talk} should be lowercase letters, digits and single hyphens (48 at most), as in {#ready-to-talk}"},
			{"[ ] Done…{#", "id {# done } should be lowercase letters, digits and single hyphens (48 at most), as in {#done}"},
		}},
		{"an id before the answer's marker, which would be shown as text", "? A {#a} [0-10: no | yes]\n? B {#b} ___\n", []want{
			{"? A…{#", "an {#id} ends its line, after the answer's ___ or scale: move it there"},
			{"? B…{#", "an {#id} ends its line, after the answer's ___ or scale: move it there"},
		}},
		{"a scale mistyped: not numbers, not closed, labels badly written", "? A [a-b]\n? B [1 to 10]\n? C [1-10\n" +
			"? D [0-10: not at all |\n  completely]\n? E [1-10 low | high]\n? F [1-10: x]\n? G [0-5: a | b | c]\n" +
			"? H [0-10: | completely]\n? I [1-10:]\n? J [x] {#j}\n", []want{
			{"? A…[", `"[a-b]" is not a scale: write a scale as [0-10: not at all | completely], or write "\[" to show a bracket as text`},
			{"? B…[", `"[1 to 10]" is not a scale: write a scale as [0-10: not at all | completely], or write "\[" to show a bracket as text`},
			{"? C…[", `scale "[1-10" is not closed: end it with "]" on the same line, as in [0-10: not at all | completely]`},
			{"? D…[", `scale "[0-10: not at all |" is not closed: end it with "]" on the same line, as in [0-10: not at all | completely]`},
			{"? E…[", `scale "[1-10 low | high]" needs a ":" after its numbers, then its end labels, as in [1-10: not at all | completely]`},
			{"? F…[", `scale "[1-10: x]" needs two end labels with one "|" between them, as in [1-10: not at all | completely]`},
			{"? G…[", `scale "[0-5: a | b | c]" needs two end labels with one "|" between them, as in [0-5: not at all | completely]`},
			{"? H…[", `scale "[0-10: | completely]" has an empty end label: say what both ends mean, as in [0-10: not at all | completely]`},
			{"? I…[", `scale "[1-10:]" needs two end labels with one "|" between them, as in [1-10: not at all | completely]`},
			{"? J…[", `"[x]" is not a scale: write a scale as [0-10: not at all | completely], or write "\[" to show a bracket as text`},
		}},
		{"brackets that mean something else: escaped, a footnote, links", "[g]: /x\n\n? A \\[b\\]\n? B [t][g]\n" +
			"? C [g]\n? D?[^1]\n? E [t][]\n\n[^1]: A note.\n", nil},
		{"a scale with labels, and a bad range before its labels", "? A [0-10: no | yes]\n\n? B [5-1: no | yes]\n", []want{
			{"? B…[", "scale [5-1] runs backwards: write the low number first, as [1-5]"},
		}},
		{"nested, after a wrapped field, Windows line endings", "- item\r\n\r\n  > ? A long\r\n  question\r\n  ? Bad [5-1]\r\n", []want{
			{"? Bad…[", "scale [5-1] runs backwards: write the low number first, as [1-5]"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := newMarkdown()
			doc := md.Parser().Parse(text.NewReader([]byte(tt.source)))
			got := Check(doc)
			var want []Problem
			for _, w := range tt.want {
				line, mark, _ := strings.Cut(w.at, "…")
				i := strings.Index(tt.source, line)
				if j := strings.Index(tt.source[max(i, 0):], mark); i < 0 || j < 0 {
					t.Fatalf("bad test: %q is not in the source", w.at)
				} else {
					i += j
				}
				want = append(want, Problem{Offset: i, Message: w.message})
			}
			if len(got) != len(want) {
				t.Fatalf("Check found %d problems, want %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("problem %d:\n got %d %q (at %q)\nwant %d %q", i, got[i].Offset, got[i].Message,
						tt.source[got[i].Offset:min(len(tt.source), got[i].Offset+10)], want[i].Offset, want[i].Message)
				}
			}
		})
	}
}

// TestWarnings: a scale without end labels works, but its reader cannot tell
// which end is which (said at the scale); a field with a problem is Check's alone.
func TestWarnings(t *testing.T) {
	source := "# Hope\n\n? A [0-10]\n? B [0-10: no | yes]\n? C [10-1]\n\n> ? D,\n> wrapped [1-5] {#d}\n"
	doc := newMarkdown().Parser().Parse(text.NewReader([]byte(source)))
	want := []Problem{
		{strings.Index(source, "[0-10]"), "scale [0-10] does not say what its ends mean: add two labels, as in [0-10: not at all | completely]"},
		{strings.Index(source, "[1-5]"), "scale [1-5] does not say what its ends mean: add two labels, as in [1-5: not at all | completely]"},
	}
	if got := Warnings(doc); !slices.Equal(got, want) {
		t.Errorf("Warnings:\n got %+v\nwant %+v", got, want)
	}
}

func TestHasFields(t *testing.T) {
	for source, want := range map[string]bool{
		"# An article\n\nJust text.\n\n- a list\n": false,
		"? What did I do?\n":                       true,
		"Text.\n\n- [ ] A checkbox\n":              true,
		"? A broken scale [10-1]\n":                false,
	} {
		md := newMarkdown()
		if got := HasFields(md.Parser().Parse(text.NewReader([]byte(source)))); got != want {
			t.Errorf("HasFields(%q) = %v, want %v", source, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for question, want := range map[string]string{
		"What did I do, in plain words?":  "what-did-i-do-in-plain-words",
		"  --Hello__World--  ":            "hello-world",
		"I'm here; you’re here":           "im-here-youre-here",
		"Été à Noël, Straße":              "été-à-noël-straße",
		"Cafe\u0301 or café":              "café-or-café", // NFD and NFC alike
		"ما الذي شعرت به؟":                "ما-الذي-شعرت-به",
		"😀 👩‍❤️‍👨":                        "field",
		"":                                "field",
		strings.Repeat("word ", 20):       "word-word-word-word-word-word-word-word-word",
		strings.Repeat("x", 60):           strings.Repeat("x", 48),
		"When I think about the evening?": "when-i-think-about-the-evening",
	} {
		if got := slug(question); got != want {
			t.Errorf("slug(%q) = %q, want %q", question, got, want)
		}
	}
}

// TestGoldmarkIDs shows the extension with goldmark's own ids, which keep only
// a-z and digits: ids are still unique, and written ids still checked.
func TestGoldmarkIDs(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New()), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	source := []byte("# Hope\n\n? Hope [1-2]\n? Été? {#ete}\n? Again {#hope-1}\n")
	doc := md.Parser().Parse(text.NewReader(source))
	var ids []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*Field); ok && entering {
			ids = append(ids, f.ID)
		}
		return ast.WalkContinue, nil
	})
	if want := []string{"hope-1", "ete", ""}; !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if p := Check(doc); len(p) != 1 || !strings.Contains(p[0].Message, `id "hope-1" is already used`) {
		t.Errorf("Check = %+v, want hope-1 already used", p)
	}
}

// FuzzFields checks that any input parses and renders, and that every problem
// points at a field line, or at its scale or {#id}.
func FuzzFields(f *testing.F) {
	for _, s := range []string{
		"? What? [1-10] {#a}\n", "- [ ] x {#a}\n- [x] y {#a}\n", "? a\nb\n? c ___\nd\n? [10-1]",
		"? q [0-10: a | b]\n? r [1-\n? s \\[x] [t]\n\n[t]: /u\n",
		"> - ? q\n>   [1-2]\n", "? \t{#}\r\n", "1. [X]\tz ___\n",
		// shapes of pages that were once slow, small: the fuzzer grows them
		strings.Repeat("? a [0-10: x | y] {#x}\n", 30), strings.Repeat("? [a](", 30), strings.Repeat("? *a_", 60),
		strings.Repeat("[r]: /u\n", 30) + "? q [r]\n", strings.Repeat("- [ ] a\n", 30),
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, source string) {
		src := []byte(source)
		if mdlimits.Check(src) != nil {
			return // the builder gives goldmark no such page
		}
		doc := md.Parser().Parse(text.NewReader(src))
		if noted, walked := fieldsOf(doc), treeFields(doc); !slices.Equal(noted, walked) {
			t.Errorf("%d fields noted, %d in the tree", len(noted), len(walked))
		}
		for _, p := range Check(doc) {
			if p.Offset < 0 || p.Offset >= len(src) || !strings.ContainsRune("?[{", rune(src[p.Offset])) {
				t.Errorf("problem %q at offset %d, not at a field line", p.Message, p.Offset)
			}
		}
		if err := md.Renderer().Render(&bytes.Buffer{}, src, doc); err != nil {
			t.Fatal(err)
		}
	})
}
