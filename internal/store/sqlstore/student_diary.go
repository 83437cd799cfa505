package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// diarySubjectsSQL selects the subjects with lessons the student ($1)
// attends in the period ($2) — the class's, whole-class or of the student's
// groups — or with the student's grades in it.
const diarySubjectsSQL = `SELECT ` + subjectCols + ` FROM subjects WHERE id IN (
	SELECT l.subject_id FROM lessons l, periods p
	 WHERE p.id = $2 AND l.class_id = (SELECT class_id FROM students WHERE id = $1)
	   AND l.date BETWEEN p.start_date AND p.end_date
	   AND (l.group_id IS NULL OR l.group_id IN (SELECT group_id FROM group_members WHERE student_id = $1))
	UNION SELECT subject_id FROM grades WHERE student_id = $1 AND period_id = $2)`

// diaryRows are the rows of one student's diary, as the batch reads them.
type diaryRows struct {
	students []diary.Student
	periods  []diary.Period
	classes  []diary.Class // none for a student without a class
	subjects []diary.Subject
	grades   []diary.Grade
	aggs     []diary.Aggregate
	expected []diary.ExpectedGrade
	finals   []diary.FinalGrade
}

// StudentDiary returns a student's whole diary of a period, read in one
// batch (one round trip on PostgreSQL) on one snapshot; diary.ErrNotFound
// for an unknown student or period. A student without a class (one who
// left) has the zero Class and the subjects of their grades only.
func (s *Store) StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error) {
	var r diaryRows
	b := &Batch{}
	queueList(b, scanStudent, &r.students, `SELECT `+studentCols+` FROM students WHERE id = $1`, studentID)
	queueList(b, scanPeriod, &r.periods, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	queueList(b, scanClass, &r.classes, `SELECT `+classCols+` FROM classes
		WHERE id = (SELECT class_id FROM students WHERE id = $1)`, studentID)
	queueList(b, scanSubject, &r.subjects, diarySubjectsSQL, studentID, periodID)
	queueList(b, scanGrade, &r.grades, `SELECT `+gradeCols+` FROM grades
		WHERE student_id = $1 AND period_id = $2 ORDER BY date, id`, studentID, periodID)
	queueList(b, scanAggregate, &r.aggs, `SELECT `+aggregateCols+` FROM aggregates
		WHERE student_id = $1 AND period_id = $2 AND count > 0`, studentID, periodID)
	queueList(b, scanExpected, &r.expected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE student_id = $1 AND period_id = $2`, studentID, periodID)
	queueList(b, scanFinal, &r.finals, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id = $1 AND period_id = $2 AND kind = $3 ORDER BY subject_id, id`,
		studentID, periodID, string(diary.FinalPeriod))
	if err := s.readBatch(ctx, "student diary", b); err != nil {
		return diary.StudentDiary{}, err
	}
	return r.assemble(studentID, periodID)
}

// assemble builds the diary from its rows: not found without the student or
// the period; subjects by name (Russian order), each with its grades, sums
// (zero, with the student, subject and period, for none), expected and
// period grade.
func (r *diaryRows) assemble(studentID, periodID int64) (diary.StudentDiary, error) {
	var d diary.StudentDiary
	var err error
	if d.Student, err = first(r.students, "student diary: student %d", studentID); err != nil {
		return diary.StudentDiary{}, err
	}
	if d.Period, err = first(r.periods, "student diary: period %d", periodID); err != nil {
		return diary.StudentDiary{}, err
	}
	if len(r.classes) > 0 {
		d.Class = r.classes[0]
	}
	d.Subjects = r.subjectDiaries(d.Student.ID, d.Period.ID)
	return d, nil
}

// subjectDiaries groups the rows by subject.
func (r *diaryRows) subjectDiaries(studentID, periodID int64) []diary.SubjectDiary {
	if len(r.subjects) == 0 {
		return nil
	}
	sortSubjects(r.subjects)
	out := make([]diary.SubjectDiary, len(r.subjects))
	at := make(map[int64]*diary.SubjectDiary, len(r.subjects))
	for i, sub := range r.subjects {
		out[i].Subject = sub
		out[i].Aggregate = diary.Aggregate{StudentID: studentID, SubjectID: sub.ID, PeriodID: periodID}
		at[sub.ID] = &out[i]
	}
	for _, g := range r.grades {
		if sd := at[g.SubjectID]; sd != nil {
			sd.Grades = append(sd.Grades, g)
		}
	}
	for _, a := range r.aggs {
		if sd := at[a.SubjectID]; sd != nil {
			sd.Aggregate = a
		}
	}
	for i := range r.expected {
		if sd := at[r.expected[i].SubjectID]; sd != nil {
			sd.Expected = &r.expected[i]
		}
	}
	for i := range r.finals {
		if sd := at[r.finals[i].SubjectID]; sd != nil {
			sd.Final = &r.finals[i]
		}
	}
	return out
}
