package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// StudentDiary returns a student's whole diary of a period in one snapshot and
// a fixed number of queries; diary.ErrNotFound for an unknown student or period.
func (db *DB) StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error) {
	var d diary.StudentDiary
	err := db.inRead(ctx, func(tx querier) error {
		var err error
		if d.Student, err = student(ctx, tx, studentID); err != nil {
			return err
		}
		if d.Period, err = period(ctx, tx, periodID); err != nil {
			return err
		}
		if d.Class, err = class(ctx, tx, d.Student.ClassID); err != nil {
			return err
		}
		d.Subjects, err = subjectDiaries(ctx, tx, d.Student, d.Period)
		return err
	})
	return d, err
}

// subjectDiaries reads the subjects of a student's period with their grades,
// aggregate, expected and period grade.
func subjectDiaries(ctx context.Context, tx querier, s diary.Student, p diary.Period) ([]diary.SubjectDiary, error) {
	subjects, err := diarySubjects(ctx, tx, s, p)
	if err != nil || len(subjects) == 0 {
		return nil, err
	}
	out := make([]diary.SubjectDiary, len(subjects))
	at := make(map[int64]*diary.SubjectDiary, len(subjects))
	for i, sub := range subjects {
		out[i].Subject = sub
		out[i].Aggregate = diary.Aggregate{StudentID: s.ID, SubjectID: sub.ID, PeriodID: p.ID}
		at[sub.ID] = &out[i]
	}
	return out, fillSubjectDiaries(ctx, tx, s.ID, p.ID, at)
}

// diarySubjects lists, by name, the subjects with lessons of the student's
// class (or groups) in the period or with grades of the student in it.
func diarySubjects(ctx context.Context, tx querier, s diary.Student, p diary.Period) ([]diary.Subject, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+subjectCols+` FROM subjects WHERE id IN (
			SELECT subject_id FROM lessons
			WHERE class_id = ?1 AND date BETWEEN ?2 AND ?3
			  AND (group_id IS NULL OR group_id IN (
				SELECT group_id FROM group_members WHERE student_id = ?4))
			UNION
			SELECT subject_id FROM grades WHERE student_id = ?4 AND period_id = ?5)
		ORDER BY name, id`, s.ClassID, dateText(p.Start), dateText(p.End), s.ID, p.ID)
	return collect(rows, err, "diary subjects", scanSubject)
}

// fillSubjectDiaries attaches grades, aggregates, expected and period grades.
func fillSubjectDiaries(ctx context.Context, tx querier, studentID, periodID int64, at map[int64]*diary.SubjectDiary) error {
	gs, err := grades(ctx, tx, studentID, periodID, 0)
	if err != nil {
		return err
	}
	for _, g := range gs {
		if sd := at[g.SubjectID]; sd != nil {
			sd.Grades = append(sd.Grades, g)
		}
	}
	as, err := aggregates(ctx, tx, studentID, periodID)
	if err != nil {
		return err
	}
	for _, a := range as {
		if sd := at[a.SubjectID]; sd != nil {
			sd.Aggregate = a
		}
	}
	return fillExpectedAndFinal(ctx, tx, studentID, periodID, at)
}

// fillExpectedAndFinal attaches the expected grades and the period grades.
func fillExpectedAndFinal(ctx context.Context, tx querier, studentID, periodID int64, at map[int64]*diary.SubjectDiary) error {
	es, err := expectedGrades(ctx, tx, studentID, periodID)
	if err != nil {
		return err
	}
	for i := range es {
		if sd := at[es[i].SubjectID]; sd != nil {
			sd.Expected = &es[i]
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = ? AND kind = ? AND period_id = ?`, studentID, diary.FinalPeriod, periodID)
	fs, err := collect(rows, err, "period grades", scanFinal)
	for i := range fs {
		if sd := at[fs[i].SubjectID]; sd != nil {
			sd.Final = &fs[i]
		}
	}
	return err
}

// ClassSummary returns the aggregates and expected grades of every enrolled
// student of a class in a period; diary.ErrNotFound for an unknown class or period.
func (db *DB) ClassSummary(ctx context.Context, classID, periodID int64) (diary.ClassSummary, error) {
	var cs diary.ClassSummary
	err := db.inRead(ctx, func(tx querier) error {
		var err error
		if cs.Class, err = class(ctx, tx, classID); err != nil {
			return err
		}
		if cs.Period, err = period(ctx, tx, periodID); err != nil {
			return err
		}
		if cs.Students, err = studentsOfClass(ctx, tx, classID); err != nil {
			return err
		}
		return fillClassSums(ctx, tx, &cs)
	})
	return cs, err
}

// fillClassSums reads the aggregates and expected grades of the class's
// enrolled students, by student id, then subject id.
func fillClassSums(ctx context.Context, tx querier, cs *diary.ClassSummary) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.student_id, a.subject_id, a.period_id, a.sum,
			a.weights, a.count
		FROM students s JOIN aggregates a ON a.student_id = s.id AND a.period_id = ?
		WHERE s.class_id = ? AND s.status = 'enrolled' AND a.count > 0
		ORDER BY a.student_id, a.subject_id`, cs.Period.ID, cs.Class.ID)
	if cs.Aggregates, err = collect(rows, err, "class aggregates", scanAggregate); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT `+expectedCols+`
		FROM students s JOIN expected_grades e ON e.student_id = s.id AND e.period_id = ?
		WHERE s.class_id = ? AND s.status = 'enrolled'
		ORDER BY e.student_id, e.subject_id`, cs.Period.ID, cs.Class.ID)
	cs.Expected, err = collect(rows, err, "class expected grades", scanExpected)
	return err
}

// period reads a period by id through q.
func period(ctx context.Context, q querier, id int64) (diary.Period, error) {
	p, err := scanPeriod(q.QueryRowContext(ctx, `SELECT `+periodCols+` FROM periods WHERE id = ?`, id))
	return p, wrap(err, "period %d", id)
}

// class reads a class by id through q.
func class(ctx context.Context, q querier, id int64) (diary.Class, error) {
	c, err := scanClass(q.QueryRowContext(ctx, `SELECT `+classCols+` FROM classes WHERE id = ?`, id))
	return c, wrap(err, "class %d", id)
}

// student reads a student by id through q.
func student(ctx context.Context, q querier, id int64) (diary.Student, error) {
	s, err := scanStudent(q.QueryRowContext(ctx,
		`SELECT `+studentCols+` FROM students s WHERE s.id = ?`, id))
	return s, wrap(err, "student %d", id)
}

// studentsOfClass reads the enrolled students of a class through q.
func studentsOfClass(ctx context.Context, q querier, classID int64) ([]diary.Student, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+studentCols+` FROM students s
		WHERE s.class_id = ? AND s.status = 'enrolled'`+byName, classID)
	return collect(rows, err, "students of class", scanStudent)
}

// grades reads a student's grades of a period through q.
func grades(ctx context.Context, q querier, studentID, periodID, subjectID int64) ([]diary.Grade, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = ? AND period_id = ? AND (? = 0 OR subject_id = ?)
		ORDER BY date, id`, studentID, periodID, subjectID, subjectID)
	return collect(rows, err, "grades", scanGrade)
}

// scanAggregate reads student_id, subject_id, period_id, sum, weights, count.
func scanAggregate(r scanner) (diary.Aggregate, error) {
	var a diary.Aggregate
	err := r.Scan(&a.StudentID, &a.SubjectID, &a.PeriodID, &a.Sum, &a.Weights, &a.Count)
	return a, err
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

// expectedGrades reads a student's expected grades of a period through q.
func expectedGrades(ctx context.Context, q querier, studentID, periodID int64) ([]diary.ExpectedGrade, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+expectedCols+` FROM expected_grades e
		WHERE e.student_id = ? AND e.period_id = ? ORDER BY e.subject_id`, studentID, periodID)
	return collect(rows, err, "expected grades", scanExpected)
}
