package postgres

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

// dateArg is a date parameter: NULL for the zero Date.
func dateArg(d diary.Date) pgtype.Date {
	if d.IsZero() {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: d.Time(), Valid: true}
}

// idArg is an id parameter: NULL for 0.
func idArg(id int64) pgtype.Int8 { return pgtype.Int8{Int64: id, Valid: id != 0} }

// intArg is a small number parameter: NULL for 0.
func intArg(v int) pgtype.Int2 { return pgtype.Int2{Int16: int16(v), Valid: v != 0} }

// textArg is a text parameter: NULL for "".
func textArg(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }

// timeArg is an instant parameter: NULL for the zero time.
func timeArg(t time.Time) pgtype.Timestamptz {
	return pgtype.Timestamptz{Time: t.UTC(), Valid: !t.IsZero()}
}
