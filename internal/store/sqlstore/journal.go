package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// ClassLessons lists a class's lessons in [from, to] (all its groups; one
// subject when subjectID is not 0), by date and number.
func (s *Store) ClassLessons(ctx context.Context, classID, subjectID int64, from, to diary.Date) ([]diary.Lesson, error) {
	return list(ctx, s, s.p, "class lessons", scanLesson, `SELECT `+lessonCols+` FROM lessons
		WHERE class_id = $1 AND ($2 = 0 OR subject_id = $2) AND date BETWEEN $3 AND $4
		ORDER BY date, number, id`, classID, subjectID, s.date(from), s.date(to))
}

// StudentLessons lists the lessons a student attends in [from, to]: the
// class's lessons for the whole class and for the student's groups, by date
// and number.
func (s *Store) StudentLessons(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Lesson, error) {
	return list(ctx, s, s.p, "student lessons", scanLesson, `SELECT `+lessonCols+` FROM lessons
		WHERE class_id = (SELECT class_id FROM students WHERE id = $1) AND date BETWEEN $2 AND $3
		  AND (group_id IS NULL OR group_id IN (SELECT group_id FROM group_members WHERE student_id = $1))
		ORDER BY date, number, id`, studentID, s.date(from), s.date(to))
}

// Grades lists a student's grades of a period (one subject when subjectID
// is not 0), by date, then id.
func (s *Store) Grades(ctx context.Context, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	return s.grades(ctx, s.p, studentID, periodID, subjectID)
}

// grades reads a student's grades of a period through q, by date, then id.
func (s *Store) grades(ctx context.Context, q Querier, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	return list(ctx, s, q, "grades", scanGrade, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = $1 AND period_id = $2 AND ($3 = 0 OR subject_id = $3) ORDER BY date, id`,
		studentID, periodID, subjectID)
}

// Attendance lists a student's attendance marks in [from, to] by date and
// the lesson's number.
func (s *Store) Attendance(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Attendance, error) {
	return list(ctx, s, s.p, "attendance", scanAttendance, `SELECT `+attendanceCols+`
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE a.student_id = $1 AND a.date BETWEEN $2 AND $3 ORDER BY a.date, l.number, a.id`,
		studentID, s.date(from), s.date(to))
}

// Homework lists a student's individual assignments due in [from, to], by date.
func (s *Store) Homework(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Homework, error) {
	return list(ctx, s, s.p, "homework", scanHomework, `SELECT `+homeworkCols+` FROM homework
		WHERE student_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, id`, studentID, s.date(from), s.date(to))
}

// FinalGrades lists a student's period, year, exam and final grades of a
// year, by subject id, kind, then period (the grades of no period first).
func (s *Store) FinalGrades(ctx context.Context, studentID, yearID int64) ([]diary.FinalGrade, error) {
	return list(ctx, s, s.p, "final grades", scanFinal, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = $1 AND year_id = $2 ORDER BY subject_id, kind, coalesce(period_id, 0), id`,
		studentID, yearID)
}

// Aggregates lists a student's running sums of a period, one per subject
// with at least one numeric grade, by subject id.
func (s *Store) Aggregates(ctx context.Context, studentID, periodID int64) ([]diary.Aggregate, error) {
	return s.aggregates(ctx, s.p, studentID, periodID)
}

// aggregates reads a student's running sums of a period through q.
func (s *Store) aggregates(ctx context.Context, q Querier, studentID, periodID int64) ([]diary.Aggregate, error) {
	return list(ctx, s, q, "aggregates", scanAggregate, `SELECT `+aggregateCols+` FROM aggregates
		WHERE student_id = $1 AND period_id = $2 AND count > 0 ORDER BY subject_id`, studentID, periodID)
}

// ExpectedGrades lists the expected grades set for a student in a period,
// by subject id.
func (s *Store) ExpectedGrades(ctx context.Context, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	return s.expectedGrades(ctx, s.p, studentID, periodID)
}

// expectedGrades reads a student's expected grades of a period through q.
func (s *Store) expectedGrades(ctx context.Context, q Querier, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	return list(ctx, s, q, "expected grades", scanExpected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE student_id = $1 AND period_id = $2 ORDER BY subject_id`, studentID, periodID)
}
