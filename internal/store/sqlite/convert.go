package sqlite

import (
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// instantLayout stores instants in UTC with fixed-width nanoseconds so that
// they sort as text; instantText writes whole microseconds only (the last
// three digits are 0), as PostgreSQL keeps them.
const instantLayout = "2006-01-02T15:04:05.000000000Z07:00"

// dateText returns d as stored, YYYY-MM-DD, or the empty string for the zero
// date. It is diary.Date.String without fmt, as every grade write calls it.
func dateText(d diary.Date) string {
	if d.IsZero() || d.Year < 0 || d.Year > 9999 {
		return d.String()
	}
	b := make([]byte, 10)
	put := func(at, v, width int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, d.Year, 4)
	b[4], b[7] = '-', '-'
	put(5, int(d.Month), 2)
	put(8, d.Day, 2)
	return string(b)
}

// instantText returns t as stored: UTC, truncated to the microsecond, fixed
// width; the empty string for the zero time. A value written and read back
// is then equal on both stores.
func instantText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Microsecond).Format(instantLayout)
}

// nullInstant returns t as stored, or NULL for the zero time.
func nullInstant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return instantText(t)
}
