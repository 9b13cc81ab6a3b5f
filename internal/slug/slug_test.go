package slug

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestMake(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"What did I do, in plain words?", "what-did-i-do-in-plain-words"},
		{"What's next?", "whats-next"},
		{"What’s next?", "whats-next"},
		{"  --Hello__World--  ", "hello-world"},
		{"Ça va, Zoë", "ça-va-zoë"},
		{"Доверие", "доверие"},
		{"ما الذي شعرت به؟", "ما-الذي-شعرت-به"},
		{"!!! 😀", ""},
	} {
		if got := Make(c.text, 60); got != c.want {
			t.Errorf("Make(%q, 60) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Accents typed as a letter and a combining mark (NFD, as some Mac tools
// save text) give the id of the composed letters (NFC): a reader cannot
// tell them apart, and neither may the id of their heading or answer.
// Heading ids used to cut the word at the mark ("de-cide"), field ids to
// drop the accent ("decide").
func TestMakeNFDAsNFC(t *testing.T) {
	for _, text := range []string{"Décidé à Noël", "Ça s’est passé", "Tiếng Việt"} {
		nfc, nfd := Make(norm.NFC.String(text), 60), Make(norm.NFD.String(text), 60)
		if nfc != nfd {
			t.Errorf("Make(%q): NFC gives %q, NFD %q", text, nfc, nfd)
		}
	}
}

// A mark that no composed letter holds stays with its letter: Hindi's
// vowel signs are part of the word. Heading ids used to break the word at
// each one ("ह-ह-द"), field ids to drop some of them.
func TestMakeKeepsMarks(t *testing.T) {
	if got, want := Make("हिंदी में", 60), "हिंदी-में"; got != want {
		t.Errorf("Make = %q, want %q", got, want)
	}
}

// A long text is cut at a word in the second half of the id, so a heading
// id no longer ends inside a word or with a dash (it was cut at 60
// characters flat); a word longer than that is cut at max characters, and
// never between a letter and its accent.
func TestMakeCuts(t *testing.T) {
	for _, c := range []struct {
		text string
		max  int
		want string
	}{
		{strings.Repeat("word ", 20), 48, "word-word-word-word-word-word-word-word-word"},
		{strings.Repeat("ab ", 30), 60, strings.TrimSuffix(strings.Repeat("ab-", 20), "-")},
		{strings.Repeat("x", 70), 60, strings.Repeat("x", 60)},
		{"a " + strings.Repeat("x", 70), 60, "a-" + strings.Repeat("x", 58)},
		{strings.Repeat("कि", 10), 3, "किकिकि"},
		{strings.Repeat("ि", 3) + "abc", 2, "ab"},
	} {
		got := Make(c.text, c.max)
		if got != c.want {
			t.Errorf("Make(%q, %d) = %q, want %q", c.text, c.max, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > 2*c.max {
			t.Errorf("Make(%q, %d) has %d runes", c.text, c.max, n)
		}
	}
}

// Make keeps an id it made, so the page's ids (which make heading ids) leave
// a field's id as the worksheet made it, and an author's {#id} is checked
// by making it again.
func FuzzMakeKeepsIDs(f *testing.F) {
	for _, s := range []string{"What's next?", "a'\u0301b", "Cafe\u0301", "हिंदी में", strings.Repeat("word ", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		id := Make(text, 48)
		if again := Make(id, 48); again != id {
			t.Errorf("Make(%q) = %q, made again %q", text, id, again)
		}
		if again := Make(id, 60); again != id {
			t.Errorf("Make(%q, 48) = %q, made again at 60 %q", text, id, again)
		}
		if !utf8.ValidString(id) || strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
			t.Errorf("Make(%q) = %q", text, id)
		}
	})
}
