package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// SetExpectedGrade records a teacher's expected period grade (1–5) with a
// reason, replacing an earlier one for the same student, subject and period.
// diary.ErrNotFound when the student, subject, period or teacher is unknown;
// an EInvalid *diary.Error for a value outside 1–5.
func (db *DB) SetExpectedGrade(ctx context.Context, g diary.ExpectedGrade) error {
	if g.Value < 1 || g.Value > 5 {
		return diary.Errorf(diary.EInvalid, "ожидаемая оценка должна быть от 1 до 5, а не %d", g.Value)
	}
	if g.SetAt.IsZero() {
		g.SetAt = db.clock()
	}
	return db.inWrite(ctx, func(tx querier) error {
		if err := expectedRefsExist(ctx, tx, g); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO expected_grades
				(student_id, subject_id, period_id, teacher_id, value, reason, set_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (student_id, period_id, subject_id) DO UPDATE SET
				teacher_id = excluded.teacher_id, value = excluded.value,
				reason = excluded.reason, set_at = excluded.set_at`,
			g.StudentID, g.SubjectID, g.PeriodID, nullID(g.TeacherID), g.Value, g.Reason,
			instantText(g.SetAt))
		return wrap(err, "set expected grade")
	})
}

// expectedRefsExist checks the records an expected grade refers to.
func expectedRefsExist(ctx context.Context, tx querier, g diary.ExpectedGrade) error {
	var student, subject, period, teacher bool
	err := tx.QueryRowContext(ctx, `SELECT
			EXISTS (SELECT 1 FROM students WHERE id = ?),
			EXISTS (SELECT 1 FROM subjects WHERE id = ?),
			EXISTS (SELECT 1 FROM periods WHERE id = ?),
			? = 0 OR EXISTS (SELECT 1 FROM staff WHERE id = ?)`,
		g.StudentID, g.SubjectID, g.PeriodID, g.TeacherID, g.TeacherID).
		Scan(&student, &subject, &period, &teacher)
	switch {
	case err != nil:
		return wrap(err, "set expected grade")
	case !student:
		return notFound("set expected grade: student %d", g.StudentID)
	case !subject:
		return notFound("set expected grade: subject %d", g.SubjectID)
	case !period:
		return notFound("set expected grade: period %d", g.PeriodID)
	case !teacher:
		return notFound("set expected grade: teacher %d", g.TeacherID)
	}
	return nil
}
