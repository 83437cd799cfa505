package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// ClassLessons lists a class's lessons in [from, to] (one subject when
// subjectID is not 0), by date and number.
func (db *DB) ClassLessons(ctx context.Context, classID, subjectID int64, from, to diary.Date) ([]diary.Lesson, error) {
	return list(ctx, db, "class lessons", scanLesson, `SELECT `+lessonCols+` FROM lessons
		WHERE class_id = $1 AND ($2 = 0 OR subject_id = $2) AND date BETWEEN $3 AND $4
		ORDER BY date, number, id`, classID, subjectID, dateArg(from), dateArg(to))
}

// StudentLessons lists the lessons a student attends in [from, to]: the
// class's lessons for the whole class and for the student's groups.
func (db *DB) StudentLessons(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Lesson, error) {
	return list(ctx, db, "student lessons", scanLesson, `SELECT `+lessonCols+` FROM lessons
		WHERE class_id = (SELECT class_id FROM students WHERE id = $1) AND date BETWEEN $2 AND $3
		  AND (group_id IS NULL OR group_id IN (SELECT group_id FROM group_members WHERE student_id = $1))
		ORDER BY date, number, id`, studentID, dateArg(from), dateArg(to))
}

// Grades lists a student's grades of a period (one subject when subjectID
// is not 0), by date, then id.
func (db *DB) Grades(ctx context.Context, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	return list(ctx, db, "grades", scanGrade, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = $1 AND period_id = $2 AND ($3 = 0 OR subject_id = $3) ORDER BY date, id`,
		studentID, periodID, subjectID)
}

// Attendance lists a student's attendance marks in [from, to] by date, number.
func (db *DB) Attendance(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Attendance, error) {
	return list(ctx, db, "attendance", scanAttendance, `SELECT `+attendanceCols+`
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE a.student_id = $1 AND a.date BETWEEN $2 AND $3 ORDER BY a.date, l.number, a.id`,
		studentID, dateArg(from), dateArg(to))
}

// Homework lists a student's individual assignments due in [from, to], by date.
func (db *DB) Homework(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Homework, error) {
	return list(ctx, db, "homework", scanHomework, `SELECT `+homeworkCols+` FROM homework
		WHERE student_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, id`, studentID, dateArg(from), dateArg(to))
}

// FinalGrades lists a student's period, year, exam and final grades of a
// year, by subject, kind (as text) and period.
func (db *DB) FinalGrades(ctx context.Context, studentID, yearID int64) ([]diary.FinalGrade, error) {
	return list(ctx, db, "final grades", scanFinal, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = $1 AND year_id = $2 ORDER BY subject_id, kind, period_id NULLS FIRST, id`,
		studentID, yearID)
}

// Aggregates lists a student's running sums of a period, one per subject
// with at least one numeric grade, by subject id.
func (db *DB) Aggregates(ctx context.Context, studentID, periodID int64) ([]diary.Aggregate, error) {
	return list(ctx, db, "aggregates", scanAggregate, `SELECT `+aggregateCols+` FROM aggregates
		WHERE student_id = $1 AND period_id = $2 AND count > 0 ORDER BY subject_id`, studentID, periodID)
}

// ExpectedGrades lists the expected grades set for a student in a period,
// by subject id.
func (db *DB) ExpectedGrades(ctx context.Context, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	return list(ctx, db, "expected grades", scanExpected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE student_id = $1 AND period_id = $2 ORDER BY subject_id`, studentID, periodID)
}

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
