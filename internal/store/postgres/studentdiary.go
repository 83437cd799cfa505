package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// Reads of a whole diary or class go to the server as one pipelined batch of
// queries: one round trip, no query per subject or per student.

// diarySubjects selects the subjects with lessons the student attends in
// the period (the class's, whole-class or of the student's groups) or with
// the student's grades in it.
const diarySubjects = `SELECT ` + subjectCols + ` FROM subjects WHERE id IN (
	SELECT l.subject_id FROM lessons l, periods p
	 WHERE p.id = $2 AND l.class_id = (SELECT class_id FROM students WHERE id = $1)
	   AND l.date BETWEEN p.start_date AND p.end_date
	   AND (l.group_id IS NULL OR l.group_id IN (SELECT group_id FROM group_members WHERE student_id = $1))
	UNION SELECT subject_id FROM grades WHERE student_id = $1 AND period_id = $2)
	ORDER BY name, id`

// StudentDiary returns a student's diary of a period in one round trip;
// ErrNotFound for an unknown student or period.
func (db *DB) StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error) {
	var d diary.StudentDiary
	var subjects []diary.Subject
	var grades []diary.Grade
	var aggs []diary.Aggregate
	var exp []diary.ExpectedGrade
	var finals []diary.FinalGrade
	b := &pgx.Batch{}
	queueOne(b, scanStudent, &d.Student, `SELECT `+studentCols+` FROM students WHERE id = $1`, studentID)
	queueOne(b, scanPeriod, &d.Period, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	var classes []diary.Class // none for a student without a class
	queueAll(b, scanClass, &classes, `SELECT `+classCols+` FROM classes
		WHERE id = (SELECT class_id FROM students WHERE id = $1)`, studentID)
	queueAll(b, scanSubject, &subjects, diarySubjects, studentID, periodID)
	queueAll(b, scanGrade, &grades, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = $1 AND period_id = $2 ORDER BY date, id`, studentID, periodID)
	queueAll(b, scanAggregate, &aggs, `SELECT `+aggregateCols+` FROM aggregates
		WHERE student_id = $1 AND period_id = $2 AND count > 0`, studentID, periodID)
	queueAll(b, scanExpected, &exp, `SELECT `+expectedCols+` FROM expected_grades
		WHERE student_id = $1 AND period_id = $2`, studentID, periodID)
	queueAll(b, scanFinal, &finals, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = $1 AND period_id = $2 AND kind = 'period'`, studentID, periodID)
	if err := db.sendBatch(ctx, b); err != nil {
		return diary.StudentDiary{}, wrap("student diary", err)
	}
	if len(classes) > 0 {
		d.Class = classes[0]
	}
	d.Subjects = assemble(subjects, grades, aggs, exp, finals)
	return d, nil
}

// assemble groups a diary's rows by subject.
func assemble(subjects []diary.Subject, grades []diary.Grade, aggs []diary.Aggregate,
	exp []diary.ExpectedGrade, finals []diary.FinalGrade) []diary.SubjectDiary {
	out := make([]diary.SubjectDiary, len(subjects))
	at := make(map[int64]*diary.SubjectDiary, len(subjects))
	for i, s := range subjects {
		out[i].Subject = s
		at[s.ID] = &out[i]
	}
	for _, g := range grades {
		if sd := at[g.SubjectID]; sd != nil {
			sd.Grades = append(sd.Grades, g)
		}
	}
	for _, a := range aggs {
		if sd := at[a.SubjectID]; sd != nil {
			sd.Aggregate = a
		}
	}
	for i := range exp {
		if sd := at[exp[i].SubjectID]; sd != nil {
			sd.Expected = &exp[i]
		}
	}
	for i := range finals {
		if sd := at[finals[i].SubjectID]; sd != nil {
			sd.Final = &finals[i]
		}
	}
	return out
}

// ClassSummary returns the aggregates and expected grades of every enrolled
// student of a class in a period in one round trip; ErrNotFound for an
// unknown class or period.
func (db *DB) ClassSummary(ctx context.Context, classID, periodID int64) (diary.ClassSummary, error) {
	var s diary.ClassSummary
	b := &pgx.Batch{}
	queueOne(b, scanClass, &s.Class, `SELECT `+classCols+` FROM classes WHERE id = $1`, classID)
	queueOne(b, scanPeriod, &s.Period, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	queueAll(b, scanStudent, &s.Students, `SELECT `+studentCols+` FROM students
		WHERE class_id = $1 AND status = 'enrolled'`+byName, classID)
	queueAll(b, scanAggregate, &s.Aggregates, `SELECT `+aggregateCols+` FROM aggregates
		WHERE period_id = $2 AND count > 0 AND student_id IN
		  (SELECT id FROM students WHERE class_id = $1 AND status = 'enrolled')
		ORDER BY student_id, subject_id`, classID, periodID)
	queueAll(b, scanExpected, &s.Expected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE period_id = $2 AND student_id IN
		  (SELECT id FROM students WHERE class_id = $1 AND status = 'enrolled')
		ORDER BY student_id, subject_id`, classID, periodID)
	if err := db.sendBatch(ctx, b); err != nil {
		return diary.ClassSummary{}, wrap("class summary", err)
	}
	return s, nil
}

// queueOne queues a query whose single row scan stores in dst; no row
// fails the batch with pgx.ErrNoRows.
func queueOne[T any](b *pgx.Batch, scan scanFunc[T], dst *T, sql string, args ...any) {
	b.Queue(sql, args...).QueryRow(func(r pgx.Row) error {
		v, err := scan(r)
		*dst = v
		return err
	})
}

// queueAll queues a query whose rows scan appends to dst.
func queueAll[T any](b *pgx.Batch, scan scanFunc[T], dst *[]T, sql string, args ...any) {
	b.Queue(sql, args...).Query(func(rows pgx.Rows) error {
		v, err := collect(rows, scan)
		*dst = v
		return err
	})
}

// sendBatch sends b on a pooled connection and runs its callbacks.
func (db *DB) sendBatch(ctx context.Context, b *pgx.Batch) error {
	return db.withConn(ctx, func(c *pgx.Conn) error {
		return c.SendBatch(ctx, b).Close()
	})
}

// byName orders people by last, first and middle name.
const byName = ` ORDER BY last_name, first_name, middle_name, id`
