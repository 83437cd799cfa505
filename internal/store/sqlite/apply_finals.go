package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// finalKey is how a period, year, exam or final grade is matched.
type finalKey struct {
	student, subject int64
	kind             diary.FinalKind
	year, period     int64
}

// keyOf returns the match key of f.
func keyOf(f diary.FinalGrade) finalKey {
	return finalKey{f.StudentID, f.SubjectID, f.Kind, f.YearID, f.PeriodID}
}

// applyFinals writes the batch's period, year, exam and final grades.
func (a *applier) applyFinals() error {
	ins := a.b.Finals
	if len(ins) == 0 {
		return nil
	}
	err := a.loadAll(
		loadReq{a.loadStudents, keysOf(ins, func(in diary.FinalIn) string { return in.StudentRef })},
		loadReq{a.loadSubjects, keysOf(ins, func(in diary.FinalIn) string { return in.SubjectRef })})
	if err != nil {
		return err
	}
	var wants []diary.FinalGrade
	var students []int64
	for _, in := range ins {
		if f, ok := a.resolveFinal(in); ok && !a.skip[in.Src] {
			wants, students = append(wants, f), append(students, f.StudentID)
		}
	}
	old, err := a.storedFinals(students)
	for i := 0; err == nil && i < len(wants); i++ {
		err = a.applyFinal(wants[i], old)
	}
	return err
}

// resolveFinal fills a final grade's ids. A period grade needs its period; the
// year defaults to the period's.
func (a *applier) resolveFinal(in diary.FinalIn) (diary.FinalGrade, bool) {
	f := in.Final
	f.SchoolID = a.school.ID
	st, ok := resolve(a, a.students, in.Src, nounStudent, in.StudentRef)
	sub, okS := resolve(a, a.subjects, in.Src, nounSubject, in.SubjectRef)
	p, okP := optional(a, a.periodBy, in.Src, nounPeriod, in.PeriodRef)
	if f.Kind == diary.FinalPeriod && in.PeriodRef == "" {
		a.fail(in.Src, nounPeriod.field, "%s", nounPeriod.absent)
		okP = false
	}
	y, okY := yearRef{id: p.yearID}, okP
	if in.YearRef != "" || in.PeriodRef == "" {
		y, okY = resolve(a, a.years, in.Src, nounYear, in.YearRef)
	}
	if f.Kind == "" {
		a.fail(in.Src, "kind", "не указан вид итоговой оценки")
	}
	f.StudentID, f.SubjectID, f.PeriodID, f.YearID = st.id, sub.id, p.id, y.id
	return f, ok && okS && okP && okY && f.Kind != ""
}

// storedFinals returns the stored final grades of the given students.
func (a *applier) storedFinals(students []int64) (map[finalKey]diary.FinalGrade, error) {
	out := map[finalKey]diary.FinalGrade{}
	if len(students) == 0 {
		return out, nil
	}
	rows, err := a.q.QueryContext(a.ctx, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id IN (SELECT value FROM json_each(?))`, jsonArray(students))
	_, err = collect(rows, err, "load final grades", func(r scanner) (diary.FinalGrade, error) {
		f, err := scanFinal(r)
		out[keyOf(f)] = f
		return f, err
	})
	return out, err
}

// applyFinal writes one final grade.
func (a *applier) applyFinal(want diary.FinalGrade, old map[finalKey]diary.FinalGrade) error {
	k := keyOf(want)
	prev, found := old[k]
	want.ID, want.UpdatedAt = prev.ID, prev.UpdatedAt
	_, err := a.put(diary.KindFinals, found, want == prev, func() (err error) {
		want.UpdatedAt = a.now
		want.ID, err = a.insert("insert final grade", `INSERT INTO final_grades (school_id,
			student_id, subject_id, kind, year_id, period_id, value, mark, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, want.SchoolID, want.StudentID, want.SubjectID,
			want.Kind, want.YearID, nullID(want.PeriodID), nullInt(want.Value),
			nullText(want.Mark), instantText(want.UpdatedAt))
		return err
	}, func() error {
		want.UpdatedAt = a.now
		return a.exec("update final grade", `UPDATE final_grades SET value = ?, mark = ?,
			updated_at = ? WHERE id = ?`, nullInt(want.Value), nullText(want.Mark),
			instantText(want.UpdatedAt), want.ID)
	})
	old[k] = want
	return err
}
