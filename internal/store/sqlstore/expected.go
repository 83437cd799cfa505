package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// SetExpectedGrade records a teacher's expected period grade (1–5) with a
// reason, replacing an earlier one for the same student, subject and period;
// SetAt defaults to now. diary.ErrNotFound when the student is unknown, or the
// subject, period or teacher is unknown or of another school than the
// student's; an EInvalid *diary.Error for a value outside 1–5.
func (s *Store) SetExpectedGrade(ctx context.Context, g diary.ExpectedGrade) error {
	if g.Value < 1 || g.Value > 5 {
		return fmt.Errorf("set expected grade: %w",
			diary.Errorf(diary.EInvalid, "ожидаемая оценка должна быть от 1 до 5, а не %d", g.Value))
	}
	if g.SetAt.IsZero() {
		g.SetAt = s.clock()
	}
	return s.p.Write(ctx, false, func(tx Tx) error {
		if err := s.expectedRefsExist(ctx, tx, g); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO expected_grades
				(school_id, student_id, subject_id, period_id, teacher_id, value, reason, set_at)
			SELECT school_id, id, $2, $3, $4, $5, $6, $7 FROM students WHERE id = $1
			ON CONFLICT (student_id, subject_id, period_id) DO UPDATE SET teacher_id = excluded.teacher_id,
				value = excluded.value, reason = excluded.reason, set_at = excluded.set_at`,
			g.StudentID, g.SubjectID, g.PeriodID, NullID(g.TeacherID), g.Value, g.Reason, s.instant(g.SetAt))
		return s.wrap(err, "set expected grade")
	})
}

// expectedRefs tells which of an expected grade's references exist in the
// student's school.
type expectedRefs struct{ student, subject, period, teacher bool }

// expectedRefsExist checks that the student exists and that the subject,
// period and teacher (when set) belong to the student's school.
func (s *Store) expectedRefsExist(ctx context.Context, q Querier, g diary.ExpectedGrade) error {
	var r expectedRefs
	err := q.QueryRow(ctx, `WITH st AS (SELECT school_id FROM students WHERE id = $1)
		SELECT EXISTS (SELECT 1 FROM st),
			EXISTS (SELECT 1 FROM subjects x, st WHERE x.id = $2 AND x.school_id = st.school_id),
			EXISTS (SELECT 1 FROM periods x, st WHERE x.id = $3 AND x.school_id = st.school_id),
			CAST($4 AS bigint) = 0 OR EXISTS (SELECT 1 FROM staff x, st WHERE x.id = $4 AND x.school_id = st.school_id)`,
		g.StudentID, g.SubjectID, g.PeriodID, g.TeacherID).Scan(&r.student, &r.subject, &r.period, &r.teacher)
	switch {
	case err != nil:
		return s.wrap(err, "set expected grade")
	case !r.student:
		return expectedNotFound("нет ученика %d", g.StudentID)
	case !r.subject:
		return expectedNotFound("нет предмета %d в школе ученика", g.SubjectID)
	case !r.period:
		return expectedNotFound("нет периода %d в школе ученика", g.PeriodID)
	case !r.teacher:
		return expectedNotFound("нет сотрудника %d в школе ученика", g.TeacherID)
	}
	return nil
}

// expectedNotFound returns SetExpectedGrade's ErrNotFound for a reference.
func expectedNotFound(format string, id int64) error {
	return fmt.Errorf("set expected grade: %w", diary.Errorf(diary.ENotFound, format, id))
}
