package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// The column lists, scanners and reads below serve only the old Apply of
// this package; the store's reads are sqlstore's. They go with Apply.

const schoolCols = `id, code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at`

// scanSchool reads one row of schoolCols.
func scanSchool(r scanner) (diary.School, error) {
	var s diary.School
	err := r.Scan(&s.ID, &s.Code, &s.Name, &s.TimeZone, &s.RoundUpFrom, &s.ReplyRule,
		&s.ReplyDays, &s.SchoolDays, instantCol{&s.CreatedAt})
	return s, err
}

// schoolByCode reads a school by code through q (a pool or a transaction).
func schoolByCode(ctx context.Context, q querier, code string) (diary.School, error) {
	return scanSchool(q.QueryRowContext(ctx, `SELECT `+schoolCols+` FROM schools WHERE code = ?`, code))
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

// scanDayOff reads id, school_id, name, kind, min_level, max_level, start_date, end_date.
func scanDayOff(r scanner) (diary.DayOff, error) {
	var h diary.DayOff
	err := r.Scan(&h.ID, &h.SchoolID, &h.Name, &h.Kind, &h.MinLevel, &h.MaxLevel,
		dateCol{&h.Start}, dateCol{&h.End})
	return h, err
}

const classCols = `id, school_id, ext_id, name, level`

// scanClass reads one row of classCols.
func scanClass(r scanner) (diary.Class, error) {
	var c diary.Class
	err := r.Scan(&c.ID, &c.SchoolID, &c.ExtID, &c.Name, &c.Level)
	return c, err
}

const subjectCols = `id, school_id, ext_id, name, short`

// scanSubject reads one row of subjectCols.
func scanSubject(r scanner) (diary.Subject, error) {
	var s diary.Subject
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name, &s.Short)
	return s, err
}
