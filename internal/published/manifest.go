// Package published keeps the promise that a published URL never breaks.
//
// content/urls.txt lists every URL the site has ever published, one per
// line. A build checks that each is still answered (by a page or a
// redirect); "guide build" adds the new ones. Counsellors print links and QR
// codes on handouts, so a URL that vanishes is a broken promise to a client.
package published

import (
	"bytes"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/diag"
)

// Path is where the manifest lives, relative to the site root.
const Path = "content/urls.txt"

const header = "# Every URL this site has published. The builder adds new ones; a URL that\n" +
	"# disappears fails the build. To move a page, give it `aliases: [/old/url/]`.\n"

// Entry is one published URL and the line it is on.
type Entry struct {
	URL  string
	Line int
}

// Parse reads the manifest; blank lines and lines starting with # are
// skipped, and so is the byte order mark some editors put at the start.
func Parse(data []byte) []Entry {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var out []Entry
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, Entry{URL: line, Line: i + 1})
	}
	return out
}

// Draft is a page left out of the build as a draft: where its `draft:`
// line is, and the addresses it would answer (its URL, short link and
// aliases).
type Draft struct {
	Path string
	Line int
	URLs []string
}

// Check reports each published URL that the new site no longer answers,
// and each line that is no path at all, whose remedy is not an alias.
// answered tells whether a URL is a page or a redirect of the new site.
// The URLs a draft would answer are reported once, at the draft: making a
// page a draft is what took them away.
func Check(entries []Entry, answered func(string) bool, drafts []Draft, problems *diag.List) {
	held := map[string]int{} // URL → its draft, by index
	for i, d := range drafts {
		for _, u := range d.URLs {
			held[u] = i
		}
	}
	gone := make([][]string, len(drafts)) // each draft's published URLs
	for _, e := range entries {
		if !strings.HasPrefix(e.URL, "/") || strings.ContainsAny(e.URL, " \t") {
			problems.Add(Path, e.Line, 1, "%q is not an address of this site: each line is one path, such as /about/ "+
				"(or a comment, after #); mend it, or delete the line", e.URL)
		} else if answered(e.URL) {
			continue
		} else if i, ok := held[e.URL]; ok {
			gone[i] = append(gone[i], e.URL)
		} else {
			problems.Add(Path, e.Line, 1, "%s is listed as published, and this build has no page or redirect there: "+
				"if a page replaces it, add `aliases: [%s]` to that page; if it never went online (a page tried out and deleted), delete this line", e.URL, e.URL)
		}
	}
	for i, urls := range gone {
		if len(urls) > 0 {
			problems.Add(drafts[i].Path, drafts[i].Line, 1, "this page is a draft, left out of this build, and it has been published at %s (%s): "+
				"readers who kept those links would find nothing; remove `draft: true`, or give them to the page that replaces it with `aliases`",
				strings.Join(urls, " and "), Path)
		}
	}
}

// Update returns the manifest with the URLs of current that it lacks added
// at the end, in sorted order, and whether it changed. Nothing is removed or
// reordered, so comments an author writes (why a URL is kept, which leaflet
// printed it) stay where they are.
func Update(old []byte, current []string) ([]byte, bool) {
	added := lacking(old, current)
	if len(added) == 0 && len(old) > 0 {
		return old, false
	}
	sort.Strings(added)
	var b bytes.Buffer
	if len(old) == 0 {
		b.WriteString(header)
	}
	b.Write(old)
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		b.WriteByte('\n')
	}
	for _, u := range added {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return b.Bytes(), true
}

// Added lists the URLs that the manifest updated lists and old does not:
// what a build added, or would add.
func Added(old, updated []byte) []string {
	var urls []string
	for _, e := range Parse(updated) {
		urls = append(urls, e.URL)
	}
	return lacking(old, urls)
}

// lacking lists, once each and in their order, the URLs that the manifest
// old does not list.
func lacking(old []byte, urls []string) []string {
	known := map[string]bool{}
	for _, e := range Parse(old) {
		known[e.URL] = true
	}
	var out []string
	for _, u := range urls {
		if !known[u] {
			known[u] = true
			out = append(out, u)
		}
	}
	return out
}

// Guard keeps the promise for one build: it reports each URL of the
// manifest old that the site no longer answers (at the draft that holds
// it, if one does), and returns the manifest
// to write, with the URLs of current added, or nil when the build must not
// promise anything (a build with drafts: drafts are never published).
func Guard(old []byte, answered func(string) bool, drafts []Draft, current []string, promise bool, problems *diag.List) []byte {
	Check(Parse(old), answered, drafts, problems)
	if !promise {
		return nil
	}
	updated, _ := Update(old, current)
	return updated
}
