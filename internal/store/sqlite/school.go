package sqlite

import (
	"context"
	"database/sql"

	"github.com/schooldiary/diary/internal/diary"
)

const schoolCols = `id, code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at`

// scanSchool reads one row of schoolCols.
func scanSchool(r scanner) (diary.School, error) {
	var s diary.School
	err := r.Scan(&s.ID, &s.Code, &s.Name, &s.TimeZone, &s.RoundUpFrom, &s.ReplyRule,
		&s.ReplyDays, &s.SchoolDays, instantCol{&s.CreatedAt})
	return s, err
}

// School returns the school with id; diary.ErrNotFound.
func (db *DB) School(ctx context.Context, id int64) (diary.School, error) {
	s, err := scanSchool(db.reader().QueryRowContext(ctx,
		`SELECT `+schoolCols+` FROM schools WHERE id = ?`, id))
	return s, wrap(err, "school %d", id)
}

// SchoolByCode returns the school with code; diary.ErrNotFound.
func (db *DB) SchoolByCode(ctx context.Context, code string) (diary.School, error) {
	s, err := schoolByCode(ctx, db.reader(), code)
	return s, wrap(err, "school %q", code)
}

// schoolByCode reads a school by code through q (a pool or a transaction).
func schoolByCode(ctx context.Context, q querier, code string) (diary.School, error) {
	return scanSchool(q.QueryRowContext(ctx, `SELECT `+schoolCols+` FROM schools WHERE code = ?`, code))
}

// Schools lists all schools by code.
func (db *DB) Schools(ctx context.Context) ([]diary.School, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+schoolCols+` FROM schools ORDER BY code`)
	return collect(rows, err, "schools", scanSchool)
}

// Years lists a school's academic years by start.
func (db *DB) Years(ctx context.Context, schoolID int64) ([]diary.AcademicYear, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT id, school_id, name, start_date, end_date
		FROM years WHERE school_id = ? ORDER BY start_date, id`, schoolID)
	return collect(rows, err, "years", scanYear)
}

// scanYear reads one academic year.
func scanYear(r scanner) (diary.AcademicYear, error) {
	var y diary.AcademicYear
	err := r.Scan(&y.ID, &y.SchoolID, &y.Name, dateCol{&y.Start}, dateCol{&y.End})
	return y, err
}

const periodCols = `id, school_id, year_id, ext_id, name, kind, min_level, max_level, start_date, end_date`

// scanPeriod reads one row of periodCols.
func scanPeriod(r scanner) (diary.Period, error) {
	var p diary.Period
	err := r.Scan(&p.ID, &p.SchoolID, &p.YearID, &p.ExtID, &p.Name, &p.Kind,
		&p.MinLevel, &p.MaxLevel, dateCol{&p.Start}, dateCol{&p.End})
	return p, err
}

// Periods lists a school's periods of a year (all years when yearID is 0) by
// MinLevel, then Start.
func (db *DB) Periods(ctx context.Context, schoolID, yearID int64) ([]diary.Period, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+periodCols+` FROM periods
		WHERE school_id = ? AND (? = 0 OR year_id = ?)
		ORDER BY min_level, start_date, id`, schoolID, yearID, yearID)
	return collect(rows, err, "periods", scanPeriod)
}

// PeriodAt returns the period for class level lvl containing d; diary.ErrNotFound.
func (db *DB) PeriodAt(ctx context.Context, schoolID int64, lvl int, d diary.Date) (diary.Period, error) {
	p, err := scanPeriod(db.reader().QueryRowContext(ctx, `SELECT `+periodCols+` FROM periods
		WHERE school_id = ? AND min_level <= ? AND max_level >= ?
		  AND start_date <= ? AND end_date >= ?
		ORDER BY start_date, id LIMIT 1`, schoolID, lvl, lvl, dateText(d), dateText(d)))
	return p, wrap(err, "period of level %d at %s", lvl, d)
}

// period reads a period by id through q.
func period(ctx context.Context, q querier, id int64) (diary.Period, error) {
	p, err := scanPeriod(q.QueryRowContext(ctx, `SELECT `+periodCols+` FROM periods WHERE id = ?`, id))
	return p, wrap(err, "period %d", id)
}

// DaysOff lists the vacations and holidays overlapping [from, to], by start.
func (db *DB) DaysOff(ctx context.Context, schoolID int64, from, to diary.Date) ([]diary.DayOff, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT id, school_id, name, kind, min_level, max_level,
			start_date, end_date
		FROM days_off WHERE school_id = ? AND start_date <= ? AND end_date >= ?
		ORDER BY start_date, id`, schoolID, dateText(to), dateText(from))
	return collect(rows, err, "days off", scanDayOff)
}

// scanDayOff reads id, school_id, name, kind, min_level, max_level, start_date, end_date.
func scanDayOff(r scanner) (diary.DayOff, error) {
	var h diary.DayOff
	err := r.Scan(&h.ID, &h.SchoolID, &h.Name, &h.Kind, &h.MinLevel, &h.MaxLevel,
		dateCol{&h.Start}, dateCol{&h.End})
	return h, err
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// querier is a *sql.DB, *sql.Tx, *sql.Conn or cached.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// collect scans every row with scan and closes rows; err is the query's error.
func collect[T any](rows *sql.Rows, err error, what string, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, wrap(err, "%s", what)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrap(err, "%s", what)
		}
		out = append(out, v)
	}
	return out, wrap(rows.Err(), "%s", what)
}
