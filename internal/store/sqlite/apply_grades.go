package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// applyGrades writes the batch's grades, matched by ext id, and moves each
// grade's contribution between running aggregates.
func (a *applier) applyGrades() error {
	ins := a.b.Grades
	if len(ins) == 0 {
		return nil
	}
	err := a.loadAll(
		loadReq{a.loadStudents, keysOf(ins, func(in diary.GradeIn) string { return in.StudentRef })},
		loadReq{a.loadSubjects, keysOf(ins, func(in diary.GradeIn) string { return in.SubjectRef })},
		loadReq{a.loadLessons, keysOf(ins, func(in diary.GradeIn) string { return in.LessonRef })},
		loadReq{a.loadStaff, keysOf(ins, func(in diary.GradeIn) string { return in.TeacherRef })})
	if err != nil {
		return err
	}
	old, err := loadByExt(a, "grades", `SELECT `+gradeCols+` FROM grades
		WHERE school_id = ?1 AND`+inKeys, keysOf(ins, func(in diary.GradeIn) string { return in.Grade.ExtID }),
		scanGrade, func(g diary.Grade) string { return g.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyGrade(ins[i], old)
	}
	if err != nil {
		return err
	}
	return a.flushAggregates()
}

// applyGrade writes one grade and records its aggregate deltas.
func (a *applier) applyGrade(in diary.GradeIn, old map[string]diary.Grade) error {
	if in.Deleted {
		return a.deleteGrade(in, old)
	}
	want, ok := a.resolveGrade(in)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID, want.UpdatedAt = prev.ID, prev.UpdatedAt
	wrote, err := a.put(diary.KindGrades, found, want == prev, func() (err error) {
		want.UpdatedAt = a.now
		want.ID, err = a.insert("insert grade", `INSERT INTO grades (school_id, ext_id, student_id,
			subject_id, lesson_id, teacher_id, period_id, date, value, mark, work_type, weight,
			description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			gradeArgs(want)...)
		return err
	}, func() error {
		want.UpdatedAt = a.now
		return a.exec("update grade", `UPDATE grades SET school_id = ?, ext_id = ?, student_id = ?,
			subject_id = ?, lesson_id = ?, teacher_id = ?, period_id = ?, date = ?, value = ?,
			mark = ?, work_type = ?, weight = ?, description = ?, updated_at = ? WHERE id = ?`,
			append(gradeArgs(want), want.ID)...)
	})
	if wrote {
		if found {
			a.addToAggregate(prev, -1)
		}
		a.addToAggregate(want, +1)
	}
	old[want.ExtID] = want
	return err
}

// deleteGrade removes a stored grade and takes its contribution out of its
// running aggregate; an unknown ext id is a problem on "id".
func (a *applier) deleteGrade(in diary.GradeIn, old map[string]diary.Grade) error {
	ext := in.Grade.ExtID
	if !a.requireExt(in.Src, ext) || a.skip[in.Src] {
		return nil
	}
	prev, found := old[ext]
	if !found {
		a.fail(in.Src, "id", "нет такой оценки %q", ext)
		return nil
	}
	a.count(diary.KindGrades).Removed++
	a.addToAggregate(prev, -1)
	delete(old, ext)
	return a.exec("delete grade", `DELETE FROM grades WHERE id = ?`, prev.ID)
}

// gradeArgs returns the stored columns of g from school_id to updated_at.
func gradeArgs(g diary.Grade) []any {
	return []any{g.SchoolID, g.ExtID, g.StudentID, g.SubjectID, nullID(g.LessonID),
		nullID(g.TeacherID), g.PeriodID, dateText(g.Date), nullInt(g.Value), nullText(g.Mark),
		g.WorkType, g.Weight, g.Description, instantText(g.UpdatedAt)}
}

// resolveGrade fills a grade's ids from its references: subject, teacher and
// date default to the lesson's; the period is the one of the student's class
// level containing the date. Weight 0 means WeightOne.
func (a *applier) resolveGrade(in diary.GradeIn) (diary.Grade, bool) {
	g := in.Grade
	g.SchoolID = a.school.ID
	if g.Weight == 0 {
		g.Weight = diary.WeightOne
	}
	st, ok := resolve(a, a.students, in.Src, nounStudent, in.StudentRef)
	l, okL := optional(a, a.lessons, in.Src, nounLesson, in.LessonRef)
	g.StudentID, g.LessonID = st.id, l.id
	subject, okS := a.lessonDefault(in.Src, a.subjects, nounSubject, in.SubjectRef, l.subjectID, okL)
	teacher, okT := a.lessonDefault(in.Src, a.staff, nounTeacher, in.TeacherRef, l.teacherID, false)
	g.SubjectID, g.TeacherID = subject, teacher
	if g.Date.IsZero() {
		g.Date = l.date
	}
	if !ok || !okL || !okS || !okT {
		return g, false
	}
	return g, a.gradePeriod(in.Src, &g, st.level)
}

// lessonDefault resolves ref in m, or takes the lesson's id when ref is empty
// and the grade has a lesson; required references report their absence.
func (a *applier) lessonDefault(src diary.Source, m map[string]idRef, n noun, ref string, fromLesson int64, required bool) (int64, bool) {
	if ref == "" && fromLesson != 0 {
		return fromLesson, true
	}
	if ref == "" && !required {
		return 0, true
	}
	r, ok := resolve(a, m, src, n, ref)
	return r.id, ok
}

// gradePeriod sets the grade's period from its date and the class level.
func (a *applier) gradePeriod(src diary.Source, g *diary.Grade, lvl int) bool {
	if g.Date.IsZero() {
		a.fail(src, "date", "не указана дата оценки")
		return false
	}
	p, ok := a.periodFor(lvl, g.Date)
	if !ok {
		a.fail(src, "date", "дата %s не входит ни в один учебный период %d класса", g.Date, lvl)
		return false
	}
	g.PeriodID = p.ID
	return true
}

// aggKey names one running aggregate.
type aggKey struct{ student, period, subject int64 }

// aggDelta is a pending change of one aggregate.
type aggDelta struct {
	sum, weights int64
	count        int
	shrank       bool // some grade left it: it may now be empty
}

// addToAggregate adds (sign +1) or removes (sign -1) a grade's contribution.
func (a *applier) addToAggregate(g diary.Grade, sign int) {
	if !g.Numeric() {
		return
	}
	k := aggKey{g.StudentID, g.PeriodID, g.SubjectID}
	d := a.agg[k]
	d.sum += int64(sign * g.Weight * g.Value)
	d.weights += int64(sign * g.Weight)
	d.count += sign
	d.shrank = d.shrank || sign < 0
	a.agg[k] = d
}

// flushAggregates applies the pending deltas to the stored aggregates and
// drops those left without grades.
func (a *applier) flushAggregates() error {
	for k, d := range a.agg {
		if d.sum == 0 && d.weights == 0 && d.count == 0 {
			continue
		}
		err := a.exec("update aggregate", `INSERT INTO aggregates
				(student_id, period_id, subject_id, sum, weights, count) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (student_id, period_id, subject_id) DO UPDATE SET
				sum = sum + excluded.sum, weights = weights + excluded.weights,
				count = count + excluded.count`, k.student, k.period, k.subject, d.sum, d.weights, d.count)
		if err == nil && d.shrank {
			err = a.exec("drop aggregate", `DELETE FROM aggregates
				WHERE student_id = ? AND period_id = ? AND subject_id = ? AND count <= 0`,
				k.student, k.period, k.subject)
		}
		if err != nil {
			return err
		}
	}
	clear(a.agg)
	return nil
}
