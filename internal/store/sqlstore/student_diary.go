package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// StudentDiary returns a student's whole diary of a period, read in one
// snapshot with a fixed number of queries; diary.ErrNotFound for an unknown
// student or period. A student without a class (one who left) has the zero
// Class and the subjects of their grades only.
func (s *Store) StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error) {
	var d diary.StudentDiary
	err := s.p.Read(ctx, func(q Querier) error { return s.readDiary(ctx, q, &d, studentID, periodID) })
	if err != nil {
		return diary.StudentDiary{}, fmt.Errorf("student diary: %w", err)
	}
	return d, nil
}

// readDiary reads the student, period, class and subjects of d through q.
func (s *Store) readDiary(ctx context.Context, q Querier, d *diary.StudentDiary, studentID, periodID int64) error {
	var err error
	if d.Student, err = s.student(ctx, q, studentID); err != nil {
		return err
	}
	if d.Period, err = s.period(ctx, q, periodID); err != nil {
		return err
	}
	if d.Student.ClassID != 0 {
		if d.Class, err = s.class(ctx, q, d.Student.ClassID); err != nil {
			return err
		}
	}
	d.Subjects, err = s.subjectDiaries(ctx, q, d.Student, d.Period)
	return err
}

// subjectDiaries reads the subjects of a student's period with their grades,
// aggregate (zero sums, with the student, subject and period, for none),
// expected and period grade.
func (s *Store) subjectDiaries(ctx context.Context, q Querier, st diary.Student, p diary.Period) ([]diary.SubjectDiary, error) {
	subjects, err := s.diarySubjects(ctx, q, st, p)
	if err != nil || len(subjects) == 0 {
		return nil, err
	}
	out := make([]diary.SubjectDiary, len(subjects))
	at := make(map[int64]*diary.SubjectDiary, len(subjects))
	for i, sub := range subjects {
		out[i].Subject = sub
		out[i].Aggregate = diary.Aggregate{StudentID: st.ID, SubjectID: sub.ID, PeriodID: p.ID}
		at[sub.ID] = &out[i]
	}
	if err := s.fillGrades(ctx, q, st.ID, p.ID, at); err != nil {
		return nil, err
	}
	return out, s.fillExpectedAndFinal(ctx, q, st.ID, p.ID, at)
}

// diarySubjects lists, by name (Russian order), the subjects with lessons of
// the student's class (whole-class or of the student's groups) in the period
// or with grades of the student in it.
func (s *Store) diarySubjects(ctx context.Context, q Querier, st diary.Student, p diary.Period) ([]diary.Subject, error) {
	subjects, err := list(ctx, s, q, "diary subjects", scanSubject, `SELECT `+subjectCols+` FROM subjects WHERE id IN (
			SELECT subject_id FROM lessons
			WHERE class_id = $1 AND date BETWEEN $2 AND $3
			  AND (group_id IS NULL OR group_id IN (SELECT group_id FROM group_members WHERE student_id = $4))
			UNION
			SELECT subject_id FROM grades WHERE student_id = $4 AND period_id = $5)`,
		NullID(st.ClassID), s.date(p.Start), s.date(p.End), st.ID, p.ID)
	sortSubjects(subjects)
	return subjects, err
}

// fillGrades attaches the student's grades and aggregates of the period.
func (s *Store) fillGrades(ctx context.Context, q Querier, studentID, periodID int64, at map[int64]*diary.SubjectDiary) error {
	gs, err := s.grades(ctx, q, studentID, periodID, 0)
	if err != nil {
		return err
	}
	for _, g := range gs {
		if sd := at[g.SubjectID]; sd != nil {
			sd.Grades = append(sd.Grades, g)
		}
	}
	as, err := s.aggregates(ctx, q, studentID, periodID)
	for _, a := range as {
		if sd := at[a.SubjectID]; sd != nil {
			sd.Aggregate = a
		}
	}
	return err
}

// fillExpectedAndFinal attaches the expected grades and the period grades.
func (s *Store) fillExpectedAndFinal(ctx context.Context, q Querier, studentID, periodID int64, at map[int64]*diary.SubjectDiary) error {
	es, err := s.expectedGrades(ctx, q, studentID, periodID)
	if err != nil {
		return err
	}
	for i := range es {
		if sd := at[es[i].SubjectID]; sd != nil {
			sd.Expected = &es[i]
		}
	}
	fs, err := s.periodFinals(ctx, q, studentID, periodID)
	for i := range fs {
		if sd := at[fs[i].SubjectID]; sd != nil {
			sd.Final = &fs[i]
		}
	}
	return err
}
