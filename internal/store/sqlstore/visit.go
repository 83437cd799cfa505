package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const visitCols = `id, school_id, telegram_user_id, coalesce(guardian_id, 0), coalesce(student_id, 0),
	coalesce(staff_id, 0), view_name, at`

// scanVisit reads one row of visitCols.
func scanVisit(r Scanner) (diary.Visit, error) {
	var v diary.Visit
	err := r.Scan(&v.ID, &v.SchoolID, &v.TelegramUserID, &v.GuardianID, &v.StudentID, &v.StaffID, &v.View,
		InstantCol{&v.At})
	return v, err
}

// RecordVisit records a diary view; see diary.Identity.
func (s *Store) RecordVisit(ctx context.Context, v diary.Visit) error {
	if err := v.Validate(); err != nil {
		return fmt.Errorf("record visit: %w", err)
	}
	if v.At.IsZero() {
		v.At = s.clock()
	}
	_, err := s.p.Exec(ctx, `INSERT INTO visits (school_id, telegram_user_id, guardian_id,
		student_id, staff_id, view_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, v.SchoolID,
		v.TelegramUserID, NullID(v.GuardianID), NullID(v.StudentID), NullID(v.StaffID), v.View, s.instant(kept(v.At)))
	return s.wrap(err, "record visit")
}

// Visits lists a school's visits in [from, to) by time, the bounds taken
// to the microsecond as the instants are stored. The zero from is the
// beginning, as the Unix epoch (before any visit); the zero to ends before
// everything.
func (s *Store) Visits(ctx context.Context, schoolID int64, from, to time.Time) ([]diary.Visit, error) {
	if from.IsZero() {
		from = time.Unix(0, 0)
	}
	return list(ctx, s, s.p, "visits", scanVisit, `SELECT `+visitCols+` FROM visits
		WHERE school_id = $1 AND at >= $2 AND at < $3 ORDER BY at, id`, schoolID, s.instant(kept(from)), s.instant(kept(to)))
}

// LastFamilyVisit returns the latest instant in [from, to) at which the
// student's family looked at the student's diary: the guardian guardianID
// from any of their chats or, when guardianID is 0, the student's own
// Telegram user tgUser; staff views do not count. The zero time when there
// is none.
func (s *Store) LastFamilyVisit(ctx context.Context, studentID, guardianID, tgUser int64, from, to time.Time) (time.Time, error) {
	var last time.Time
	err := s.p.QueryRow(ctx, `SELECT max(at) FROM visits
		WHERE student_id = $1 AND staff_id IS NULL AND at >= $4 AND at < $5
		  AND CASE WHEN CAST($2 AS bigint) = 0 THEN guardian_id IS NULL AND telegram_user_id = $3
		           ELSE guardian_id = $2 END`,
		studentID, guardianID, tgUser, s.instant(kept(from)), s.instant(kept(to))).Scan(InstantCol{&last})
	return last, s.wrap(err, "last family visit")
}
