package content

import (
	"strings"
	"time"
)

// Date is a date of the front matter: a day ("2026-11-25"), or a moment
// written in RFC 3339 ("2026-11-25T10:00:00-04:00"), as Hugo and most tools
// write it. The zero Date means none was given.
type Date struct {
	Day  string // "2026-11-25": what pages and the sitemap show, as the author wrote it
	Time string // the moment in UTC, RFC 3339, for the feed: midnight UTC when only a day was given
}

// ParseDate reads a front matter date.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) == len(time.DateOnly) {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return Date{}, false
		}
		return Date{Day: s, Time: t.Format(time.RFC3339)}, true
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return Date{}, false
	}
	return Date{Day: t.Format(time.DateOnly), Time: t.UTC().Format(time.RFC3339)}, true
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Day == "" }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Time < e.Time }
