package sqlstore

import (
	"fmt"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// The column types below scan what either driver returns: pgx hands a
// sql.Scanner time.Time for date and timestamptz columns, SQLite text.

// DateCol scans a stored date (or NULL, or "") into a diary.Date.
type DateCol struct{ D *diary.Date }

// Scan implements sql.Scanner.
func (c DateCol) Scan(v any) error {
	if t, ok := v.(time.Time); ok {
		*c.D = diary.DateOf(t)
		return nil
	}
	s, err := textOf(v)
	if err != nil || s == "" {
		*c.D = diary.Date{}
		return err
	}
	d, err := diary.ParseDate(s)
	if err != nil {
		return fmt.Errorf("scan date: %w", err)
	}
	*c.D = d
	return nil
}

// InstantCol scans a stored instant (or NULL, or "") into a UTC time.Time.
type InstantCol struct{ T *time.Time }

// Scan implements sql.Scanner.
func (c InstantCol) Scan(v any) error {
	if t, ok := v.(time.Time); ok {
		*c.T = t.UTC()
		return nil
	}
	s, err := textOf(v)
	if err != nil || s == "" {
		*c.T = time.Time{}
		return err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("scan instant: %w", err)
	}
	*c.T = t.UTC()
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
	case int64:
		return strconv.FormatInt(x, 10), nil
	}
	return "", fmt.Errorf("scan: want text, got %T", v)
}

// NullID returns id, or NULL for 0.
func NullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// NullInt returns v, or NULL for 0.
func NullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// NullText returns s, or NULL for "".
func NullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}
