package published

import (
	"reflect"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/diag"
)

const published = "# Every URL this site has published.\n" +
	"\n" +
	"/\n" +
	"  /articles/acknowledge/  \n" + // spaces around are trimmed
	"# /articles/draft/ was never published\n" +
	"\n" +
	"/w/name-it\n"

func TestParse(t *testing.T) {
	want := []Entry{{"/", 3}, {"/articles/acknowledge/", 4}, {"/w/name-it", 7}}
	if got := Parse([]byte(published)); !reflect.DeepEqual(got, want) {
		t.Errorf("Parse = %v, want %v", got, want)
	}
	if got := Parse(nil); len(got) != 0 {
		t.Errorf("Parse(nil) = %v, want nothing", got)
	}
}

func TestCheck(t *testing.T) {
	answered := map[string]bool{"/": true, "/w/name-it": true}
	var problems diag.List
	Check(Parse([]byte(published)), func(u string) bool { return answered[u] }, nil, &problems)
	if len(problems) != 1 {
		t.Fatalf("got %d problems, want 1:\n%v", len(problems), problems)
	}
	got := problems[0].String()
	for _, want := range []string{
		"content/urls.txt:4:1: ",
		"/articles/acknowledge/ is listed as published, and this build has no page or redirect there",
		"aliases: [/articles/acknowledge/]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problem %q does not say %q", got, want)
		}
	}
}

// A line that is no path is mended in urls.txt, not with an alias.
func TestLineThatIsNoPath(t *testing.T) {
	for _, line := range []string{"about", "https://example.org/about/", "/about us/"} {
		var problems diag.List
		Check(Parse([]byte("/\n"+line+"\n")), func(string) bool { return false }, nil, &problems)
		if len(problems) != 2 || !strings.HasPrefix(problems[1].String(), "content/urls.txt:2:1: ") ||
			!strings.Contains(problems[1].Message, "is not an address of this site") {
			t.Errorf("%q: got %v", line, problems)
		}
	}
}

func TestUpdate(t *testing.T) {
	old, changed := Update(nil, []string{"/w/name-it", "/", "/articles/b/"})
	if !changed {
		t.Error("a new manifest is not reported changed")
	}
	if want := header + "/\n/articles/b/\n/w/name-it\n"; string(old) != want {
		t.Errorf("new manifest:\n%s\nwant:\n%s", old, want)
	}

	// A page that disappears stays listed; a new one is added at the end,
	// so the file reads in the order URLs were published.
	got, changed := Update(old, []string{"/", "/articles/a/"})
	if !changed {
		t.Error("an added URL is not reported changed")
	}
	if want := header + "/\n/articles/b/\n/w/name-it\n/articles/a/\n"; string(got) != want {
		t.Errorf("updated manifest:\n%s\nwant:\n%s", got, want)
	}

	if again, changed := Update(got, []string{"/articles/a/", "/"}); changed || string(again) != string(got) {
		t.Errorf("same URLs again: changed = %v, manifest:\n%s", changed, again)
	}
}
