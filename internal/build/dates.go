package build

import (
	"strconv"
	"time"

	"github.com/trustguide/guide/internal/i18n"
)

// dateKeys are the strings a date is written with, in each language:
// "March 2, 2026", "2 mars 2026", "1er mars 2026". No month's name is in Go.
var dateKeys = func() []string {
	keys := []string{"date.format", "date.day.first"}
	for m := 1; m <= 12; m++ {
		keys = append(keys, monthKey(time.Month(m)))
	}
	return keys
}()

func monthKey(m time.Month) string { return "date.month." + strconv.Itoa(int(m)) }

// dateFunc is the template function date of a language: a front matter day
// ("2026-03-02", as .Page.Date and .Page.Updated give it) written as that
// language writes dates; "" for none.
func dateFunc(strs *i18n.Strings) func(day string) (string, error) {
	return func(day string) (string, error) {
		if day == "" || strs == nil {
			return "", nil
		}
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return "", err
		}
		month, err := strs.String(monthKey(t.Month()), nil)
		if err != nil {
			return "", err
		}
		d := strconv.Itoa(t.Day())
		if t.Day() == 1 {
			if d, err = strs.String("date.day.first", nil); err != nil {
				return "", err
			}
		}
		return strs.String("date.format", map[string]any{"day": d, "month": month, "year": strconv.Itoa(t.Year())})
	}
}
