package postgres

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

var gradesTable = newTable("grades", "", `ext_id text, student_id bigint, subject_id bigint,
	lesson_id nbigint, teacher_id nbigint, period_id bigint, date date, value nsmallint, mark ntext,
	work_type text, weight int, description text, updated_at timestamptz`)

// gradeRefs are a grade's references; subject, teacher and date default to
// its lesson's.
type gradeRefs struct {
	student, subject, lesson, teacher, period *ent
	date                                      diary.Date
}

func (a *applier) resolveGrades() {
	a.rs.grades = make([]gradeRefs, len(a.b.Grades))
	for i, x := range a.b.Grades {
		a.rs.grades[i] = a.resolveGrade(x)
	}
}

// resolveGrade resolves one grade and finds its period; a deleted grade
// must only be stored.
func (a *applier) resolveGrade(x diary.GradeIn) gradeRefs {
	if x.Deleted {
		if _, ok := a.st.grades[x.Grade.ExtID]; !ok && x.Grade.ExtID != "" {
			a.problem(x.Src, "id", fmt.Sprintf("нет такой оценки %q", x.Grade.ExtID))
		}
		return gradeRefs{}
	}
	r := gradeRefs{
		student: a.ref(a.students, x.StudentRef, x.Src, "student", true),
		lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson", false),
		teacher: a.ref(a.staff, x.TeacherRef, x.Src, "teacher", false),
		date:    x.Grade.Date,
	}
	r.subject = a.ref(a.subjects, x.SubjectRef, x.Src, "subject", x.LessonRef == "")
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
	if r.date.IsZero() {
		if x.LessonRef == "" && a.checked == 0 {
			a.problem(x.Src, "date", "не указана дата")
		}
		return r
	}
	if r.student != nil {
		lvl := 0 // a student who left without a class has no periods
		if r.student.class != nil {
			lvl = r.student.class.level
		}
		if r.period = a.periodFor(lvl, r.date); r.period == nil {
			a.problem(x.Src, "date", fmt.Sprintf("дата %s не входит ни в один учебный период %d класса", r.date, lvl))
		}
	}
	return r
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
		if x.Deleted {
			old := a.st.grades[n.ExtID]
			addGrade(deltas, old, -1)
			gone = append(gone, old.ID)
			continue
		}
		old, ok := a.st.grades[n.ExtID]
		n.ID, n.SchoolID, n.StudentID, n.SubjectID = old.ID, a.school, r.student.id, r.subject.id
		n.LessonID, n.TeacherID, n.PeriodID, n.Date, n.UpdatedAt = idOf(r.lesson), idOf(r.teacher), r.period.id, r.date, old.UpdatedAt
		same := ok && n == old
		if !same {
			if ok {
				addGrade(deltas, old, -1)
			}
			addGrade(deltas, n, +1)
		}
		p.put(old.ID, same, []any{n.ExtID, n.StudentID, n.SubjectID, idArg(n.LessonID), idArg(n.TeacherID),
			n.PeriodID, dateArg(n.Date), intArg(n.Value), textArg(n.Mark), n.WorkType, n.Weight, n.Description, a.now})
	}
	if err := a.flush(ctx, diary.KindGrades, gradesTable, &p, nil); err != nil {
		return err
	}
	if err := a.remove(ctx, diary.KindGrades, "grades", gone); err != nil {
		return err
	}
	return a.applyDeltas(ctx, deltas)
}

// remove deletes the rows of table with the given ids and counts them
// Removed under kind.
func (a *applier) remove(ctx context.Context, kind, table string, ids []int64) error {
	a.count(kind, 0, 0, 0, len(ids))
	if len(ids) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `DELETE FROM `+table+` WHERE id = ANY($1)`, ids)
	return wrap("remove "+table, err)
}

// applyDeltas adds the deltas to the stored aggregates and drops those left
// without grades.
func (a *applier) applyDeltas(ctx context.Context, deltas map[aggKey]aggDelta) error {
	var st, su, pe, sums, ws []int64
	var cs []int
	var fewer [3][]int64 // keys whose count went down, which may now be 0
	for k, d := range deltas {
		if d == (aggDelta{}) {
			continue
		}
		st, su, pe = append(st, k.student), append(su, k.subject), append(pe, k.period)
		sums, ws, cs = append(sums, d.sum), append(ws, d.weights), append(cs, d.count)
		if d.count < 0 {
			fewer[0], fewer[1], fewer[2] = append(fewer[0], k.student), append(fewer[1], k.subject), append(fewer[2], k.period)
		}
	}
	err := chunked(len(st), func(lo, hi int) error {
		_, err := a.tx.Exec(ctx, `INSERT INTO aggregates AS g (student_id, subject_id, period_id, sum, weights, count)
			SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::int[])
			ON CONFLICT (student_id, period_id, subject_id) DO UPDATE SET sum = g.sum + excluded.sum,
			  weights = g.weights + excluded.weights, count = g.count + excluded.count`,
			st[lo:hi], su[lo:hi], pe[lo:hi], sums[lo:hi], ws[lo:hi], cs[lo:hi])
		return wrap("aggregates", err)
	})
	if err != nil || len(fewer[0]) == 0 {
		return err
	}
	_, err = a.tx.Exec(ctx, `DELETE FROM aggregates x USING unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS k(st, su, pe)
		WHERE x.student_id = k.st AND x.subject_id = k.su AND x.period_id = k.pe AND x.count = 0`,
		fewer[0], fewer[1], fewer[2])
	return wrap("aggregates", err)
}
