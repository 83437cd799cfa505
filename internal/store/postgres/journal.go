package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// SetExpectedGrade records a teacher's expected period grade, replacing an
// earlier one; SetAt defaults to now. ErrNotFound when the student is
// unknown, or the subject, period or teacher is unknown or of another school
// than the student's; EInvalid for a value outside 1–5.
func (db *DB) SetExpectedGrade(ctx context.Context, g diary.ExpectedGrade) error {
	if g.Value < 1 || g.Value > 5 {
		return fmt.Errorf("set expected grade: %w",
			diary.Errorf(diary.EInvalid, "ожидаемая оценка должна быть от 1 до 5, а не %d", g.Value))
	}
	if g.SetAt.IsZero() {
		g.SetAt = db.clock()
	}
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if err := expectedRefsExist(ctx, tx, g); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO expected_grades
			(school_id, student_id, subject_id, period_id, teacher_id, value, reason, set_at)
			SELECT school_id, id, $2, $3, $4, $5, $6, $7 FROM students WHERE id = $1
			ON CONFLICT (student_id, subject_id, period_id) DO UPDATE SET teacher_id = excluded.teacher_id,
			  value = excluded.value, reason = excluded.reason, set_at = excluded.set_at`,
			g.StudentID, g.SubjectID, g.PeriodID, idArg(g.TeacherID), g.Value, g.Reason, timeArg(g.SetAt))
		return wrap("set expected grade", err)
	})
}

// expectedRefsExist checks that the student exists and that the subject,
// period and teacher (when set) belong to the student's school.
func expectedRefsExist(ctx context.Context, tx pgx.Tx, g diary.ExpectedGrade) error {
	var student, subject, period, teacher bool
	err := tx.QueryRow(ctx, `WITH st AS (SELECT school_id FROM students WHERE id = $1)
		SELECT EXISTS (SELECT 1 FROM st),
			EXISTS (SELECT 1 FROM subjects x, st WHERE x.id = $2 AND x.school_id = st.school_id),
			EXISTS (SELECT 1 FROM periods x, st WHERE x.id = $3 AND x.school_id = st.school_id),
			$4::bigint = 0 OR EXISTS (SELECT 1 FROM staff x, st WHERE x.id = $4 AND x.school_id = st.school_id)`,
		g.StudentID, g.SubjectID, g.PeriodID, g.TeacherID).Scan(&student, &subject, &period, &teacher)
	switch {
	case err != nil:
		return wrap("set expected grade", err)
	case !student:
		return expectedNotFound("нет ученика %d", g.StudentID)
	case !subject:
		return expectedNotFound("нет предмета %d в школе ученика", g.SubjectID)
	case !period:
		return expectedNotFound("нет периода %d в школе ученика", g.PeriodID)
	case !teacher:
		return expectedNotFound("нет сотрудника %d в школе ученика", g.TeacherID)
	}
	return nil
}

// expectedNotFound returns SetExpectedGrade's ErrNotFound for a reference.
func expectedNotFound(format string, id int64) error {
	return fmt.Errorf("set expected grade: %w", diary.Errorf(diary.ENotFound, format, id))
}
