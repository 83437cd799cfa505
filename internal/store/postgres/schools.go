package postgres

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// School returns the school with id; ErrNotFound.
func (db *DB) School(ctx context.Context, id int64) (diary.School, error) {
	return one(ctx, db, "school", scanSchool, `SELECT `+schoolCols+` FROM schools WHERE id = $1`, id)
}

// SchoolByCode returns the school with code; ErrNotFound.
func (db *DB) SchoolByCode(ctx context.Context, code string) (diary.School, error) {
	return one(ctx, db, "school by code", scanSchool, `SELECT `+schoolCols+` FROM schools WHERE code = $1`, code)
}

// Schools lists all schools by code.
func (db *DB) Schools(ctx context.Context) ([]diary.School, error) {
	return list(ctx, db, "schools", scanSchool, `SELECT `+schoolCols+` FROM schools ORDER BY code`)
}

// Years lists a school's academic years by start.
func (db *DB) Years(ctx context.Context, schoolID int64) ([]diary.AcademicYear, error) {
	return list(ctx, db, "years", scanYear,
		`SELECT `+yearCols+` FROM years WHERE school_id = $1 ORDER BY start_date, id`, schoolID)
}

// Periods lists a school's periods of a year (all years when yearID is 0)
// by MinLevel, then Start.
func (db *DB) Periods(ctx context.Context, schoolID, yearID int64) ([]diary.Period, error) {
	return list(ctx, db, "periods", scanPeriod, `SELECT `+periodCols+` FROM periods
		WHERE school_id = $1 AND ($2 = 0 OR year_id = $2) ORDER BY min_level, start_date, id`, schoolID, yearID)
}

// PeriodAt returns the period for class level lvl that contains d; ErrNotFound.
func (db *DB) PeriodAt(ctx context.Context, schoolID int64, lvl int, d diary.Date) (diary.Period, error) {
	return one(ctx, db, "period at", scanPeriod, `SELECT `+periodCols+` FROM periods
		WHERE school_id = $1 AND $2 BETWEEN min_level AND max_level AND $3 BETWEEN start_date AND end_date
		ORDER BY start_date, id LIMIT 1`, schoolID, lvl, dateArg(d))
}

// DaysOff lists the vacations and holidays that overlap [from, to], by start.
func (db *DB) DaysOff(ctx context.Context, schoolID int64, from, to diary.Date) ([]diary.DayOff, error) {
	return list(ctx, db, "days off", scanDayOff, `SELECT `+dayOffCols+` FROM days_off
		WHERE school_id = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY start_date, id`,
		schoolID, dateArg(from), dateArg(to))
}
