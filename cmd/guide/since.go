package main

import (
	"os/exec"
	"strconv"
	"strings"

	"github.com/trustguide/guide/internal/translation"
)

// maxCommits bounds how far back gitSince looks for the version translated.
const maxCommits = 500

// notCommitted is what gitSince says when the English page matched the
// translation at its last commit: the change is only on disk.
const notCommitted = "an edit not yet committed"

// gitSince tells, from version control, since when a translation has been
// out of date: the day of the English page's first commit after the
// version it records (or notCommitted). It says nothing ("") where git
// cannot tell: no git, a page it does not track, a recorded version that
// was never committed. It is for "guide translations" alone: builds never
// ask version control anything.
func gitSince(rootDir, english, source string) string {
	out, err := exec.Command("git", "-C", rootDir, "log", "-n", strconv.Itoa(maxCommits), "--format=%H %cs", "--", english).Output()
	if err != nil {
		return ""
	}
	newer := notCommitted
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		commit, day, ok := strings.Cut(line, " ")
		if !ok {
			return ""
		}
		data, err := exec.Command("git", "-C", rootDir, "show", commit+":./"+english).Output()
		if err != nil {
			return ""
		}
		if translation.Hash(data) == source {
			return newer
		}
		newer = day
	}
	return ""
}
