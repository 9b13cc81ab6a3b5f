package translation

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable writes the status of every page in one language, as "guide
// translations" prints it: one line per English page, then a count of
// each state. An out-of-date line gives the English page's own updated:
// date, the one date that is known without version control; it says when
// the English page last changed as its author recorded it, not when the
// translation fell behind. Where the caller could tell that (Since), the
// line says it instead.
func WriteTable(w io.Writer, lang string, entries []Entry) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tstatus\n", lang)
	counts := map[State]int{}
	for _, e := range entries {
		counts[e.State]++
		fmt.Fprintf(tw, "%s\t%s\n", e.Translation, describe(e))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d pages: %d up to date, %d out of date, %d not marked, %d missing\n",
		len(entries), counts[UpToDate], counts[OutOfDate], counts[Unmarked], counts[Missing])
	return err
}

func describe(e Entry) string {
	s := ""
	switch {
	case e.State == UpToDate:
		s = "up to date"
	case e.State == OutOfDate && !hashPattern.MatchString(e.source):
		s = "source: is not a hash: run guide translations -mark " + e.Translation + " once it matches the English page"
	case e.State == OutOfDate && e.Since != "":
		s = "out of date since " + e.Since
	case e.State == OutOfDate && e.Updated != "":
		s = "out of date (English page updated " + e.Updated + ")"
	case e.State == OutOfDate:
		s = "out of date (the English page gives no date)"
	case e.State == Unmarked:
		s = "not marked: run guide translations -mark " + e.Translation
	case e.State == Missing:
		s = "missing"
	}
	if e.Draft {
		s += " [English draft]"
	}
	if e.TranslationDraft {
		s += " [translation draft]"
	}
	return s
}
