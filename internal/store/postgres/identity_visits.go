package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const visitCols = `id, school_id, telegram_user_id, coalesce(guardian_id, 0), coalesce(student_id, 0),
	coalesce(staff_id, 0), view_name, at`

func scanVisit(r pgx.Row) (diary.Visit, error) {
	var v diary.Visit
	var at pgtype.Timestamptz
	err := r.Scan(&v.ID, &v.SchoolID, &v.TelegramUserID, &v.GuardianID, &v.StudentID, &v.StaffID, &v.View, &at)
	v.At = timeOf(at)
	return v, err
}

// RecordVisit records a diary view; see diary.Identity.
func (db *DB) RecordVisit(ctx context.Context, v diary.Visit) error {
	if err := v.Validate(); err != nil {
		return fmt.Errorf("record visit: %w", err)
	}
	if v.At.IsZero() {
		v.At = db.clock()
	}
	var n int64
	err := db.withConnExec(ctx, &n, `INSERT INTO visits (school_id, telegram_user_id, guardian_id,
		student_id, staff_id, view_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, v.SchoolID,
		v.TelegramUserID, idArg(v.GuardianID), idArg(v.StudentID), idArg(v.StaffID), v.View, timeArg(v.At))
	return wrap("record visit", err)
}

// Visits lists a school's visits in [from, to) by time.
func (db *DB) Visits(ctx context.Context, schoolID int64, from, to time.Time) ([]diary.Visit, error) {
	return list(ctx, db, "visits", scanVisit, `SELECT `+visitCols+` FROM visits
		WHERE school_id = $1 AND at >= $2 AND at < $3 ORDER BY at, id`, schoolID, from.UTC(), to.UTC())
}
