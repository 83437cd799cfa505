package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// gradeRefs are a grade's references; subject, teacher and date default to
// its lesson's.
type gradeRefs struct {
	student, subject, lesson, teacher, period *ent
	date                                      diary.Date
}

// resolveGrades resolves the batch's grades.
func (a *applier) resolveGrades() {
	a.rs.grades = make([]gradeRefs, len(a.b.Grades))
	for i, x := range a.b.Grades {
		a.rs.grades[i] = a.resolveGrade(x)
	}
}

// resolveGrade resolves one grade and finds its period: the one of its
// student's class level containing its date. A deleted grade must only be
// stored.
func (a *applier) resolveGrade(x diary.GradeIn) gradeRefs {
	if x.Deleted {
		if _, ok := a.st.grades[x.Grade.ExtID]; !ok && x.Grade.ExtID != "" {
			a.problem(x.Src, "id", msgUnknownGrade, x.Grade.ExtID)
		}
		return gradeRefs{}
	}
	r := gradeRefs{
		student: a.ref(a.students, x.StudentRef, x.Src, "student"),
		lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson"),
		subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject"),
		teacher: a.ref(a.staff, x.TeacherRef, x.Src, "teacher"),
		date:    x.Grade.Date,
	}
	if l := r.lesson; l != nil {
		if x.SubjectRef == "" {
			r.subject = l.subject
		}
		if x.TeacherRef == "" {
			r.teacher = l.teacher
		}
		if r.date.IsZero() {
			r.date = l.date
		}
	}
	if r.student != nil && !r.student.broken && !r.date.IsZero() {
		r.period = a.gradePeriod(x.Src, r.student, r.date)
	}
	return r
}

// gradePeriod returns the period of a grade of student on day d; none is a
// problem on Field "date".
func (a *applier) gradePeriod(src diary.Source, student *ent, d diary.Date) *ent {
	lvl := 0 // a student who left without a class has no periods
	if student.class != nil {
		lvl = student.class.level
	}
	p := a.periodFor(lvl, d)
	switch {
	case p != nil:
	case lvl == 0:
		a.problem(src, "date", msgNoClassPeriod, d)
	default:
		a.problem(src, "date", msgNoPeriod, d, lvl)
	}
	return p
}

// aggKey is an aggregate's key.
type aggKey struct{ student, subject, period int64 }

// aggDelta is a change of an aggregate.
type aggDelta struct {
	sum, weights int64
	count        int
}

// addGrade adds sign times g's contribution to the deltas.
func addGrade(d map[aggKey]aggDelta, g diary.Grade, sign int) {
	if !g.Numeric() {
		return
	}
	k := aggKey{g.StudentID, g.SubjectID, g.PeriodID}
	x := d[k]
	x.sum += int64(sign * g.Weight * g.Value)
	x.weights += int64(sign * g.Weight)
	x.count += sign
	d[k] = x
}

// writeGrades writes the batch's grades, removes the deleted ones and moves
// each grade's contribution between the running aggregates.
func (a *applier) writeGrades(ctx context.Context) error {
	var p pending
	var gone []int64
	deltas := map[aggKey]aggDelta{}
	for i, x := range a.b.Grades {
		n, r := x.Grade, a.rs.grades[i]
		old, ok := a.st.grades[n.ExtID]
		if x.Deleted {
			addGrade(deltas, old, -1)
			gone = append(gone, old.ID)
			continue
		}
		n.ID, n.SchoolID, n.StudentID, n.SubjectID = old.ID, a.school, r.student.id, r.subject.id
		n.LessonID, n.TeacherID, n.PeriodID, n.Date, n.UpdatedAt = idOf(r.lesson), idOf(r.teacher), r.period.id, r.date, old.UpdatedAt
		same := ok && n == old
		if !same {
			if ok {
				addGrade(deltas, old, -1)
			}
			addGrade(deltas, n, +1)
		}
		p.put(old.ID, same, []any{a.school, n.ExtID, n.StudentID, n.SubjectID, n.LessonID, n.TeacherID,
			n.PeriodID, n.Date, n.Value, n.Mark, n.WorkType, n.Weight, n.Description, a.now})
	}
	if err := a.flush(ctx, diary.KindGrades, gradesTable, &p, nil); err != nil {
		return err
	}
	if err := a.remove(ctx, diary.KindGrades, "grades", gone); err != nil {
		return err
	}
	return a.applyDeltas(ctx, deltas)
}

// applyDeltas adds the deltas to the stored aggregates (an upsert) and
// drops those left without grades.
func (a *applier) applyDeltas(ctx context.Context, deltas map[aggKey]aggDelta) error {
	var rows [][]any
	var fewer []int64 // students of keys whose count went down, which may now be 0
	for k, d := range deltas {
		if d == (aggDelta{}) {
			continue
		}
		rows = append(rows, []any{k.student, k.period, k.subject, d.sum, d.weights, d.count})
		if d.count < 0 {
			fewer = append(fewer, k.student)
		}
	}
	if len(rows) > 0 {
		if err := a.tx.Insert(ctx, aggregatesTable, rows, nil); err != nil {
			return a.s.wrap(err, "aggregates")
		}
	}
	if len(fewer) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `DELETE FROM aggregates WHERE count <= 0
		AND student_id IN (`+a.s.d.InList(1, "bigint")+`)`, a.s.d.List(fewer))
	return a.s.wrap(err, "aggregates")
}
