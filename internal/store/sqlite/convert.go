package sqlite

import (
	"database/sql"
	"fmt"
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

// nullID returns id, or NULL for 0.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullInt returns v, or NULL for 0.
func nullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// nullText returns s, or NULL for "".
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dateCol scans a stored date into a diary.Date.
type dateCol struct{ d *diary.Date }

// Scan implements sql.Scanner.
func (c dateCol) Scan(v any) error {
	s, err := textOf(v)
	if err != nil || s == "" {
		*c.d = diary.Date{}
		return err
	}
	d, err := diary.ParseDate(s)
	if err != nil {
		return fmt.Errorf("scan date: %w", err)
	}
	*c.d = d
	return nil
}

// instantCol scans a stored instant (or NULL) into a UTC time.Time.
type instantCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c instantCol) Scan(v any) error {
	s, err := textOf(v)
	if err != nil || s == "" {
		*c.t = time.Time{}
		return err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("scan instant: %w", err)
	}
	*c.t = t.UTC()
	return nil
}

// textOf returns the text of a scanned value; NULL is "".
func textOf(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case []byte:
		return string(x), nil
	}
	return "", fmt.Errorf("scan: want text, got %T", v)
}

// idCol scans a nullable id into an int64 (NULL is 0).
type idCol struct{ p *int64 }

// Scan implements sql.Scanner.
func (c idCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.p = n.Int64
	return nil
}

// intCol scans a nullable integer into an int (NULL is 0).
type intCol struct{ p *int }

// Scan implements sql.Scanner.
func (c intCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.p = int(n.Int64)
	return nil
}

// strCol scans nullable text into a string (NULL is "").
type strCol struct{ p *string }

// Scan implements sql.Scanner.
func (c strCol) Scan(v any) error {
	s, err := textOf(v)
	*c.p = s
	return err
}
