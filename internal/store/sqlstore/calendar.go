package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// Periods lists a school's periods of a year (all years when yearID is 0)
// by MinLevel, then Start.
func (s *Store) Periods(ctx context.Context, schoolID, yearID int64) ([]diary.Period, error) {
	return list(ctx, s, s.p, "periods", scanPeriod, `SELECT `+periodCols+` FROM periods
		WHERE school_id = $1 AND ($2 = 0 OR year_id = $2) ORDER BY min_level, start_date, id`, schoolID, yearID)
}

// PeriodAt returns the period for class level lvl that contains d;
// diary.ErrNotFound when d lies in none.
func (s *Store) PeriodAt(ctx context.Context, schoolID int64, lvl int, d diary.Date) (diary.Period, error) {
	return one(ctx, s, s.p, fmt.Sprintf("period of level %d at %s", lvl, d), scanPeriod,
		`SELECT `+periodCols+` FROM periods
		WHERE school_id = $1 AND min_level <= $2 AND max_level >= $2 AND start_date <= $3 AND end_date >= $3
		ORDER BY start_date, id LIMIT 1`, schoolID, lvl, s.date(d))
}

// DaysOff lists the vacations and holidays that overlap [from, to], by start.
func (s *Store) DaysOff(ctx context.Context, schoolID int64, from, to diary.Date) ([]diary.DayOff, error) {
	return list(ctx, s, s.p, "days off", scanDayOff, `SELECT `+dayOffCols+` FROM days_off
		WHERE school_id = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY start_date, id`,
		schoolID, s.date(from), s.date(to))
}
