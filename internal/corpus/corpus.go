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
// or run go test ./internal/corpus -run TestWrite -corpus.out /tmp/site -corpus.pages 1000.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
	"time"

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

// writer writes one page's markdown.
type writer struct {
	rng   *rand.Rand
	pages []*page
	self  *page
	b     strings.Builder

	table     bool // a table is still to come
	checklist bool // a task list is still to come (worksheets have their own)
}

// page writes the whole file: front matter, then a body of about the size
// drawn for it.
func (w *writer) page(articles int) string {
	p := w.self
	size := 2200 + w.rng.IntN(5800) // the file's length, before the last block; 5.4 KB on average after it
	w.table = w.rng.IntN(4) == 0
	w.checklist = p.section != "worksheets" && w.rng.IntN(10) == 0
	w.frontMatter(articles)
	w.paragraph()
	for i, h := range p.headings {
		w.printf("%s %s\n\n", strings.Repeat("#", h.level), h.text)
		// Spread the words over the headings left.
		share := (size - w.b.Len()) / (len(p.headings) - i)
		w.section(w.b.Len()+share, p.section == "worksheets" && i > 0)
	}
	if w.rng.IntN(8) == 0 {
		w.printf("\nThis page was checked by a counsellor.[^1]\n\n[^1]: %s\n", w.sentence())
	}
	return w.b.String()
}

func (w *writer) frontMatter(articles int) {
	p := w.self
	w.printf("---\ntitle: %s\ndescription: %s\n", p.title, w.sentence())
	// RFC 3339 date-times, as Hugo and most tools write them.
	date := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, w.rng.IntN(4*365)).Add(time.Duration(w.rng.IntN(86400)) * time.Second)
	w.printf("date: %s\n", date.Format(time.RFC3339))
	if w.rng.IntN(4) == 0 {
		w.printf("updated: %s\n", date.AddDate(0, 0, 1+w.rng.IntN(300)).Format(time.RFC3339))
	}
	w.printf("weight: %d\n", w.rng.IntN(100))
	if w.rng.IntN(5) == 0 {
		w.printf("tags: [%s, %s]\n", pick(w.rng, nouns), pick(w.rng, nouns))
	}
	switch p.section {
	case "articles":
		if p.num <= Steps {
			w.printf("step: %d\n", p.num)
		}
	case "worksheets":
		w.printf("short: ws-%d\nminutes: %d\nfor: %s\n", p.num, 5+w.rng.IntN(26), pick(w.rng, audiences))
		w.printf("article: ../articles/page-%d.md\n", 1+w.rng.IntN(articles))
	}
	w.printf("---\n")
}

// section writes blocks under one heading until the file is end bytes long.
// A worksheet's sections end with fields to fill in.
func (w *writer) section(end int, fields bool) {
	w.paragraph()
	for w.b.Len() < end {
		switch r := w.rng.IntN(20); {
		case r < 11:
			w.paragraph()
		case r < 14:
			w.list(false)
		case r < 16:
			w.list(true)
		case r < 17:
			w.quote()
		case r < 18 && w.table:
			w.writeTable()
			w.table = false
		case r < 19 && w.checklist:
			w.writeChecklist()
			w.checklist = false
		default:
			w.paragraph()
		}
	}
	if fields {
		w.fields()
		w.writeChecklist()
	}
}

func (w *writer) paragraph() {
	n := 3 + w.rng.IntN(4)
	for i := range n {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		if w.rng.IntN(10) == 0 {
			w.b.WriteString(w.linkSentence())
		} else {
			w.b.WriteString(w.sentence())
		}
	}
	w.b.WriteString("\n\n")
}

func (w *writer) list(ordered bool) {
	for i := range 3 + w.rng.IntN(4) {
		if ordered {
			w.printf("%d. ", i+1)
		} else {
			w.b.WriteString("- ")
		}
		if w.rng.IntN(8) == 0 {
			w.b.WriteString(w.linkSentence())
		} else {
			w.b.WriteString(w.sentence())
		}
		w.b.WriteByte('\n')
	}
	w.b.WriteByte('\n')
}

func (w *writer) quote() {
	w.printf("> %s %s\n>\n> -- %s\n\n", w.sentence(), w.sentence(), pick(w.rng, people))
}

func (w *writer) writeTable() {
	w.b.WriteString("| When | What you can say | What helps |\n|---|---|---|\n")
	for range 3 + w.rng.IntN(4) {
		w.printf("| %s | %s | *%s* |\n", capitalize(pick(w.rng, times)), w.sentence(), pick(w.rng, adjectives)+" "+pick(w.rng, nouns))
	}
	w.b.WriteByte('\n')
}

func (w *writer) writeChecklist() {
	for range 3 + w.rng.IntN(3) {
		mark := " "
		if w.rng.IntN(6) == 0 {
			mark = "x"
		}
		w.printf("- [%s] I %s the %s %s.\n", mark, pick(w.rng, verbs), pick(w.rng, nouns), pick(w.rng, times))
	}
	w.b.WriteByte('\n')
}

// fields writes worksheet field lines: an answer box, a one-line answer and
// a scale, in a random order and number.
func (w *writer) fields() {
	for range 2 + w.rng.IntN(4) {
		switch w.rng.IntN(3) {
		case 0:
			w.printf("? What did you %s when the %s felt %s?\n", pick(w.rng, verbs), pick(w.rng, nouns), pick(w.rng, adjectives))
		case 1:
			w.printf("? One %s you will %s this week: ___\n", pick(w.rng, nouns), pick(w.rng, verbs))
		default:
			w.printf("? How %s do you feel about the %s? %s\n", pick(w.rng, adjectives), pick(w.rng, nouns), pick(w.rng, scales))
		}
	}
	w.b.WriteByte('\n')
}

// sentence is a plain sentence with some emphasis and typography.
func (w *writer) sentence() string {
	r := w.rng
	var s string
	switch r.IntN(7) {
	case 0:
		s = fmt.Sprintf("%s %s the %s %s", pick(r, subjects), pick(r, verbs), w.adjective(), pick(r, nouns))
	case 1:
		s = fmt.Sprintf("%s %s the %s %s", pick(r, subjects), pick(r, verbs), pick(r, nouns), pick(r, adverbs))
	case 2:
		s = fmt.Sprintf("%s can %s a %s %s when %s %s the %s", pick(r, subjects), pick(r, verbs), w.adjective(), pick(r, nouns),
			strings.ToLower(pick(r, subjects)), pick(r, verbs), pick(r, nouns))
	case 3:
		s = fmt.Sprintf("It's %s to %s the %s before you %s", w.adjective(), pick(r, verbs), pick(r, nouns), pick(r, verbs))
	case 4:
		s = fmt.Sprintf("When the %s is %s, %s %s the %s -- and that's %s", pick(r, nouns), pick(r, adjectives),
			strings.ToLower(pick(r, subjects)), pick(r, verbs), pick(r, nouns), pick(r, adjectives))
	case 5:
		s = fmt.Sprintf("%s often say \"%s\" %s", pick(r, subjects), pick(r, quoted), pick(r, times))
	default:
		s = fmt.Sprintf("%s don't have to %s every %s %s", pick(r, subjects), pick(r, verbs), pick(r, nouns), pick(r, times))
	}
	return s + "."
}

func (w *writer) adjective() string {
	a := pick(w.rng, adjectives)
	switch w.rng.IntN(10) {
	case 0:
		return "*" + a + "*"
	case 1:
		return "**" + a + "**"
	}
	return a
}

// linkSentence is a sentence with a link to another page of the corpus,
// its section's index or a heading of it, or now and then another site.
func (w *writer) linkSentence() string {
	r := w.rng
	text := pick(r, adjectives) + " " + pick(r, nouns)
	switch r.IntN(20) {
	case 0:
		return fmt.Sprintf("See [%s](https://example.org/%s/) for more.", text, pick(r, nouns))
	case 1:
		s := pick(r, Sections)
		return fmt.Sprintf("Everything about it is in [%s](%s).", strings.ToLower(sectionTitle(s)), w.rel("content/"+s+"/_index.md"))
	}
	target := w.pages[r.IntN(len(w.pages))]
	dest := w.rel(target.source)
	if r.IntN(3) == 0 {
		dest += "#" + target.headings[r.IntN(len(target.headings))].id
	}
	if r.IntN(2) == 0 {
		text = "“" + target.title + "”"
	}
	return fmt.Sprintf("Read [%s](%s) %s.", text, dest, pick(r, times))
}

// rel is the link from this page to a file under content/.
func (w *writer) rel(target string) string {
	target = strings.TrimPrefix(target, "content/")
	if dir, name, _ := strings.Cut(target, "/"); dir == w.self.section {
		return name
	}
	return "../" + target
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

func title(rng *rand.Rand) string {
	switch rng.IntN(4) {
	case 0:
		return "How to " + pick(rng, verbs) + " the " + pick(rng, nouns)
	case 1:
		return capitalize(pick(rng, adjectives)) + " " + pick(rng, nouns) + " and " + pick(rng, adjectives) + " " + pick(rng, nouns)
	case 2:
		return "When the " + pick(rng, nouns) + " feels " + pick(rng, adjectives)
	}
	return capitalize(pick(rng, nouns)) + " after a " + pick(rng, adjectives) + " " + pick(rng, nouns)
}

// headingText never starts like a field question ("What", "One", "How"), so
// a heading and a field never ask for the same id.
func headingText(rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return capitalize(pick(rng, adjectives)) + " " + pick(rng, nouns)
	case 1:
		return "Why the " + pick(rng, nouns) + " matters"
	}
	return "The " + pick(rng, nouns) + " and the " + pick(rng, nouns)
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
