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
// translation fell behind.
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
	switch e.State {
	case UpToDate:
		s = "up to date"
	case OutOfDate:
		s = "out of date"
		if e.Updated != "" {
			s += " (English page updated " + e.Updated + ")"
		}
	case Unmarked:
		s = "not marked: run guide translations -mark " + e.Translation
	case Missing:
		s = "missing"
	}
	if e.Draft {
		s += " [English draft]"
	}
	return s
}
