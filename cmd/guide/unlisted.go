package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/published"
)

// unlisted warns, in check, of the URLs this site publishes that
// content/urls.txt does not list yet. Only `guide build` adds them, and
// Netlify's build throws its copy away: a page made and pushed without a
// local build is online with no record, and a later rename that loses its
// URL would pass without a word. manifest is the file as a build would
// write it, or nil when the build promises nothing (drafts).
func unlisted(rootDir string, manifest []byte) diag.List {
	var l diag.List
	if manifest == nil {
		return l
	}
	old, _ := os.ReadFile(filepath.Join(rootDir, filepath.FromSlash(published.Path)))
	if bytes.Equal(old, manifest) {
		return l
	}
	if urls := published.Added(old, manifest); len(urls) > 0 {
		line := bytes.Count(old, []byte("\n")) + 1 // where guide build adds them
		if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
			line++
		}
		l.Warn(published.Path, line, 1, "this site publishes %s, not listed here yet: run `guide build`, which adds them, "+
			"and commit this file with the pages, so that a later move that loses one fails the build", strings.Join(urls, ", "))
	}
	return l
}
