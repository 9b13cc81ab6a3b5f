// Package corpus generates synthetic sites for benchmarks and load tests.
//
// Generate(n, seed) returns a complete site source tree in memory: n pages of
// markdown spread over twenty sections (content/articles/, content/worksheets/
// and eighteen plain ones), a home page and one _index.md per section,
// content/site.yaml with a menu of the sections, templates and a stylesheet.
// The pages look like the guide's own: front matter with title, description,
// date and weight (step on the first articles; short, minutes, for and
// article on worksheets), then headings, paragraphs of plain sentences,
// emphasis, lists, links to other pages of the corpus (some to a heading), a
// table in some pages, and worksheet fields and task lists in the worksheets.
// A page's file is about 5.4 KB on average.
//
// Every generated site builds without a problem, and the same n and seed
// always give the same bytes. To look at one, or to build it with another
// tool, write it to a folder:
//
//	os.CopyFS("/tmp/site", corpus.Generate(1000, 1))
//
// or run go test ./internal/testkit/corpus -run TestWrite -corpus.out /tmp/site -corpus.pages 1000.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"

	"github.com/trustguide/guide/internal/markdown"
)

// Sections are the folders under content/ that pages are dealt into, in
// turn: page i goes to Sections[i%len(Sections)].
var Sections = []string{
	"articles", "worksheets",
	"first-days", "talking", "listening", "apologies", "boundaries", "family", "friends",
	"money", "work", "health", "sleep", "children", "anger", "grief", "hope", "routines",
	"counselling", "stories",
}

// Steps is how many articles are on the guided path (fewer in a tiny corpus).
const Steps = 10

// page is one planned page: what other pages need to know to link to it.
type page struct {
	section  string
	num      int    // 1-based, within the section
	source   string // "content/talking/page-3.md"
	title    string
	headings []heading
}

type heading struct {
	level int
	text  string
	id    string // the id the builder gives it
}

// Generate returns a site of n pages. The seed chooses the words; the
// layout (which page is in which section, which articles are steps) depends
// on n only.
func Generate(n int, seed int64) fstest.MapFS {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	pages := make([]*page, n)
	for i := range pages {
		section := Sections[i%len(Sections)]
		num := i/len(Sections) + 1
		p := &page{
			section: section,
			num:     num,
			source:  fmt.Sprintf("content/%s/page-%d.md", section, num),
			title:   title(rng),
		}
		p.headings = planHeadings(rng, section == "worksheets")
		pages[i] = p
	}

	articles := (n + len(Sections) - 1) / len(Sections)
	fsys := fstest.MapFS{
		"content/site.yaml":   file(siteYAML()),
		"content/_index.md":   file(homePage(rng, n > 0)),
		"static/css/site.css": file(siteCSS),
	}
	for name, text := range templates {
		fsys["templates/"+name] = file(text)
	}
	for _, s := range Sections {
		fsys["content/"+s+"/_index.md"] = file(sectionPage(rng, s))
	}
	for i, p := range pages {
		// Each page has its own generator, so a page's words do not depend
		// on how long the pages before it happened to be.
		w := &writer{rng: rand.New(rand.NewPCG(uint64(seed), uint64(i)+1)), pages: pages, self: p}
		fsys[p.source] = file(w.page(articles))
	}
	return fsys
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// sectionTitle turns a section folder name into words: "first-days" → "First days".
func sectionTitle(section string) string {
	return strings.ToUpper(section[:1]) + strings.ReplaceAll(section[1:], "-", " ")
}

// planHeadings chooses a page's headings: three to seven second-level ones,
// some followed by third-level ones. Their texts are distinct, so their ids
// are the plain slugs of their texts.
func planHeadings(rng *rand.Rand, worksheet bool) []heading {
	var hs []heading
	used := map[string]bool{}
	add := func(level int, text string) {
		id := markdown.Slugify([]byte(text))
		if used[id] {
			return
		}
		used[id] = true
		hs = append(hs, heading{level: level, text: text, id: id})
	}
	if worksheet {
		add(2, "Before you start")
	}
	for range 3 + rng.IntN(5) {
		add(2, headingText(rng))
		if rng.IntN(3) == 0 {
			add(3, headingText(rng))
		}
	}
	return hs
}

func homePage(rng *rand.Rand, steps bool) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Home\ndescription: A guide to rebuilding trust, one step at a time.\n---\n")
	if steps {
		b.WriteString("Welcome. Start with [the first step](articles/page-1.md), or pick a section:\n\n")
	} else {
		b.WriteString("Welcome. Pick a section:\n\n")
	}
	for _, s := range Sections {
		fmt.Fprintf(&b, "- [%s](%s/_index.md): %s %s.\n", sectionTitle(s), s, pick(rng, adjectives), pick(rng, nouns))
	}
	return b.String()
}

func sectionPage(rng *rand.Rand, section string) string {
	t := sectionTitle(section)
	return fmt.Sprintf("---\ntitle: %s\ndescription: Pages about %s.\nweight: %d\n---\nThese pages are about %s, and the %s %s.\n",
		t, strings.ToLower(t), rng.IntN(100), strings.ToLower(t), pick(rng, adjectives), pick(rng, nouns))
}

func siteYAML() string {
	var b strings.Builder
	b.WriteString(`title: Corpus
language: en
description: A generated site for benchmarks.
base_url: https://example.org/
quick_exit: https://www.example.com/
crisis:
  - name: Emergency
    detail: Call 911
    href: tel:911
  - name: Crisis line
    detail: Text 741741
    href: sms:741741
menu:
`)
	for _, s := range Sections {
		fmt.Fprintf(&b, "  - title: %s\n    url: /%s/\n", sectionTitle(s), s)
	}
	return b.String()
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
