package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

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
