package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// School returns the school with id; diary.ErrNotFound.
func (s *Store) School(ctx context.Context, id int64) (diary.School, error) {
	return one(ctx, s, s.p, fmt.Sprintf("school %d", id), scanSchool, `SELECT `+schoolCols+` FROM schools WHERE id = $1`, id)
}

// SchoolByCode returns the school with code; diary.ErrNotFound.
func (s *Store) SchoolByCode(ctx context.Context, code string) (diary.School, error) {
	return one(ctx, s, s.p, fmt.Sprintf("school %q", code), scanSchool, `SELECT `+schoolCols+` FROM schools WHERE code = $1`, code)
}

// Schools lists all schools by code.
func (s *Store) Schools(ctx context.Context) ([]diary.School, error) {
	return list(ctx, s, s.p, "schools", scanSchool, `SELECT `+schoolCols+` FROM schools ORDER BY code, id`)
}

// Years lists a school's academic years by start.
func (s *Store) Years(ctx context.Context, schoolID int64) ([]diary.AcademicYear, error) {
	return list(ctx, s, s.p, "years", scanYear,
		`SELECT `+yearCols+` FROM years WHERE school_id = $1 ORDER BY start_date, id`, schoolID)
}
