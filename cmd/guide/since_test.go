package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/translation"
)

// TestTranslationsSince: in a git repository, an out-of-date translation
// is out of date since the English page's first commit after the version
// it records, or since an edit not yet committed; without git the report
// gives the English page's own updated: day.
func TestTranslationsSince(t *testing.T) {
	site := frenchSite(t)
	english := filepath.Join(site, "content/articles/first.md")
	v1, _ := os.ReadFile(english)
	mark := func(name string, english []byte) {
		t.Helper()
		data, _ := os.ReadFile(filepath.Join(site, name))
		marked, _ := translation.Mark(data, english)
		write(t, site, name, string(marked))
	}
	mark("content/fr/articles/first.md", v1)
	mark("content/fr/articles/second.md", readBytes(t, site, "content/articles/second.md"))
	want := map[string]string{
		"content/fr/articles/first.md":  "out of date since 2026-11-05",
		"content/fr/articles/second.md": "out of date since an edit not yet committed",
	}
	if _, err := exec.LookPath("git"); err != nil {
		want = map[string]string{"content/fr/articles/first.md": "out of date (English page updated 2026-11-01)"}
	} else {
		git := func(date string, args ...string) {
			t.Helper()
			cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
			cmd.Dir = site
			cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		git("2026-11-01", "init", "-q")
		git("2026-11-01", "add", ".")
		git("2026-11-01", "commit", "-q", "-m", "v1")
		write(t, site, "content/articles/first.md", string(v1)+"\nA new paragraph.\n")
		git("2026-11-05", "commit", "-q", "-am", "v2")
		write(t, site, "content/articles/first.md", string(v1)+"\nA newer paragraph.\n")
		git("2026-11-09", "commit", "-q", "-am", "v3")
		write(t, site, "content/articles/second.md", string(readBytes(t, site, "content/articles/second.md"))+"\nNot committed.\n")
	}
	code, stdout, stderr := guide(t, "translations", "-root", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for name, status := range want {
		if got := statusOf(stdout, name); got != status {
			t.Errorf("%s is %q, want %q:\n%s", name, got, status, stdout)
		}
	}
}

func readBytes(t *testing.T, site, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(site, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// statusOf is the status the table gives a translation.
func statusOf(table, name string) string {
	for _, line := range strings.Split(table, "\n") {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}
