package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const visitCols = `id, school_id, telegram_user_id, guardian_id, student_id, staff_id, view_name, at`

// scanVisit reads one row of visitCols.
func scanVisit(r scanner) (diary.Visit, error) {
	var v diary.Visit
	err := r.Scan(&v.ID, &v.SchoolID, &v.TelegramUserID, idCol{&v.GuardianID}, idCol{&v.StudentID},
		idCol{&v.StaffID}, &v.View, instantCol{&v.At})
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
	_, err := db.writer().ExecContext(ctx, `INSERT INTO visits (school_id, telegram_user_id, guardian_id,
		student_id, staff_id, view_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)`, v.SchoolID, v.TelegramUserID,
		nullID(v.GuardianID), nullID(v.StudentID), nullID(v.StaffID), v.View, instantText(v.At))
	return wrap(err, "record visit")
}

// Visits lists a school's visits in [from, to) by time.
func (db *DB) Visits(ctx context.Context, schoolID int64, from, to time.Time) ([]diary.Visit, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+visitCols+` FROM visits
		WHERE school_id = ? AND at >= ? AND at < ? ORDER BY at, id`, schoolID, instantText(from), instantText(to))
	return collect(rows, err, "visits", scanVisit)
}
