package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

const lessonCols = `l.id, l.school_id, l.ext_id, l.class_id, l.group_id, l.subject_id, l.teacher_id,
	l.date, l.number, l.topic, l.homework`

// scanLesson reads one row of lessonCols.
func scanLesson(r scanner) (diary.Lesson, error) {
	var l diary.Lesson
	err := r.Scan(&l.ID, &l.SchoolID, &l.ExtID, &l.ClassID, idCol{&l.GroupID}, &l.SubjectID,
		idCol{&l.TeacherID}, dateCol{&l.Date}, &l.Number, &l.Topic, &l.Homework)
	return l, err
}

// ClassLessons lists a class's lessons in [from, to] (all its groups; one
// subject when subjectID is not 0) by date and number.
func (db *DB) ClassLessons(ctx context.Context, classID, subjectID int64, from, to diary.Date) ([]diary.Lesson, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+lessonCols+` FROM lessons l
		WHERE l.class_id = ? AND l.date BETWEEN ? AND ? AND (? = 0 OR l.subject_id = ?)
		ORDER BY l.date, l.number, l.id`, classID, dateText(from), dateText(to), subjectID, subjectID)
	return collect(rows, err, "class lessons", scanLesson)
}

// StudentLessons lists the lessons a student attends in [from, to]: the
// class's lessons for the whole class and for the student's groups.
func (db *DB) StudentLessons(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Lesson, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+lessonCols+`
		FROM students s JOIN lessons l ON l.class_id = s.class_id
		WHERE s.id = ? AND l.date BETWEEN ? AND ?
		  AND (l.group_id IS NULL OR l.group_id IN (
			SELECT group_id FROM group_members WHERE student_id = s.id))
		ORDER BY l.date, l.number, l.id`, studentID, dateText(from), dateText(to))
	return collect(rows, err, "student lessons", scanLesson)
}

const gradeCols = `id, school_id, ext_id, student_id, subject_id, lesson_id, teacher_id, period_id,
	date, value, mark, work_type, weight, description, updated_at`

// scanGrade reads one row of gradeCols.
func scanGrade(r scanner) (diary.Grade, error) {
	var g diary.Grade
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.StudentID, &g.SubjectID, idCol{&g.LessonID},
		idCol{&g.TeacherID}, &g.PeriodID, dateCol{&g.Date}, intCol{&g.Value}, strCol{&g.Mark},
		&g.WorkType, &g.Weight, &g.Description, instantCol{&g.UpdatedAt})
	return g, err
}

// Grades lists a student's grades of a period (one subject when subjectID is
// not 0) by date, then id.
func (db *DB) Grades(ctx context.Context, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	return grades(ctx, db.reader(), studentID, periodID, subjectID)
}

// grades reads a student's grades of a period through q.
func grades(ctx context.Context, q querier, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = ? AND period_id = ? AND (? = 0 OR subject_id = ?)
		ORDER BY date, id`, studentID, periodID, subjectID, subjectID)
	return collect(rows, err, "grades", scanGrade)
}

// Attendance lists a student's attendance marks in [from, to] by date, number.
func (db *DB) Attendance(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Attendance, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT a.id, a.school_id, a.student_id, a.lesson_id,
			l.subject_id, l.date, l.number, a.mark
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE a.student_id = ? AND l.date BETWEEN ? AND ?
		ORDER BY l.date, l.number, a.id`, studentID, dateText(from), dateText(to))
	return collect(rows, err, "attendance", func(r scanner) (diary.Attendance, error) {
		var a diary.Attendance
		err := r.Scan(&a.ID, &a.SchoolID, &a.StudentID, &a.LessonID, &a.SubjectID,
			dateCol{&a.Date}, &a.Number, &a.Mark)
		return a, err
	})
}

// Homework lists a student's individual assignments due in [from, to], by date.
func (db *DB) Homework(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Homework, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT id, school_id, ext_id, student_id, subject_id,
			lesson_id, date, text
		FROM homework WHERE student_id = ? AND date BETWEEN ? AND ?
		ORDER BY date, id`, studentID, dateText(from), dateText(to))
	return collect(rows, err, "homework", scanHomework)
}

const finalCols = `id, school_id, student_id, subject_id, kind, year_id, period_id, value, mark, updated_at`

// scanFinal reads one row of finalCols.
func scanFinal(r scanner) (diary.FinalGrade, error) {
	var f diary.FinalGrade
	err := r.Scan(&f.ID, &f.SchoolID, &f.StudentID, &f.SubjectID, &f.Kind, &f.YearID,
		idCol{&f.PeriodID}, intCol{&f.Value}, strCol{&f.Mark}, instantCol{&f.UpdatedAt})
	return f, err
}

// FinalGrades lists a student's period, year, exam and final grades of a year.
func (db *DB) FinalGrades(ctx context.Context, studentID, yearID int64) ([]diary.FinalGrade, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = ? AND year_id = ? ORDER BY subject_id, kind, period_id, id`, studentID, yearID)
	return collect(rows, err, "final grades", scanFinal)
}

// scanAggregate reads student_id, subject_id, period_id, sum, weights, count.
func scanAggregate(r scanner) (diary.Aggregate, error) {
	var a diary.Aggregate
	err := r.Scan(&a.StudentID, &a.SubjectID, &a.PeriodID, &a.Sum, &a.Weights, &a.Count)
	return a, err
}

// Aggregates lists a student's running sums of a period, one per subject with
// at least one numeric grade, by subject id.
func (db *DB) Aggregates(ctx context.Context, studentID, periodID int64) ([]diary.Aggregate, error) {
	return aggregates(ctx, db.reader(), studentID, periodID)
}

// aggregates reads a student's running sums of a period through q.
func aggregates(ctx context.Context, q querier, studentID, periodID int64) ([]diary.Aggregate, error) {
	rows, err := q.QueryContext(ctx, `SELECT student_id, subject_id, period_id, sum, weights, count
		FROM aggregates WHERE student_id = ? AND period_id = ? AND count > 0
		ORDER BY subject_id`, studentID, periodID)
	return collect(rows, err, "aggregates", scanAggregate)
}

const expectedCols = `e.student_id, e.subject_id, e.period_id, e.teacher_id, e.value, e.reason, e.set_at`

// scanExpected reads one row of expectedCols.
func scanExpected(r scanner) (diary.ExpectedGrade, error) {
	var e diary.ExpectedGrade
	err := r.Scan(&e.StudentID, &e.SubjectID, &e.PeriodID, idCol{&e.TeacherID}, &e.Value,
		&e.Reason, instantCol{&e.SetAt})
	return e, err
}

// ExpectedGrades lists the expected grades set for a student in a period, by subject id.
func (db *DB) ExpectedGrades(ctx context.Context, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	return expectedGrades(ctx, db.reader(), studentID, periodID)
}

// expectedGrades reads a student's expected grades of a period through q.
func expectedGrades(ctx context.Context, q querier, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+expectedCols+` FROM expected_grades e
		WHERE e.student_id = ? AND e.period_id = ? ORDER BY e.subject_id`, studentID, periodID)
	return collect(rows, err, "expected grades", scanExpected)
}
