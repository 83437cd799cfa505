package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// applyHomework writes the batch's individual assignments, matched by ext id.
func (a *applier) applyHomework() error {
	ins := a.b.Homework
	if len(ins) == 0 {
		return nil
	}
	err := a.loadAll(
		loadReq{a.loadStudents, keysOf(ins, func(in diary.HomeworkIn) string { return in.StudentRef })},
		loadReq{a.loadSubjects, keysOf(ins, func(in diary.HomeworkIn) string { return in.SubjectRef })},
		loadReq{a.loadLessons, keysOf(ins, func(in diary.HomeworkIn) string { return in.LessonRef })})
	if err != nil {
		return err
	}
	old, err := loadByExt(a, "homework", `SELECT id, school_id, ext_id, student_id, subject_id,
			lesson_id, date, text
		FROM homework WHERE school_id = ?1 AND`+inKeys,
		keysOf(ins, func(in diary.HomeworkIn) string { return in.Homework.ExtID }),
		scanHomework, func(h diary.Homework) string { return h.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyAssignment(ins[i], old)
	}
	return err
}

// applyAssignment writes one individual assignment.
func (a *applier) applyAssignment(in diary.HomeworkIn, old map[string]diary.Homework) error {
	if in.Deleted {
		return a.deleteAssignment(in, old)
	}
	want, ok := a.resolveHomework(in)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	_, err := a.put(diary.KindHomework, found, want == prev, func() (err error) {
		want.ID, err = a.insert("insert homework", `INSERT INTO homework (school_id, ext_id,
			student_id, subject_id, lesson_id, date, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			want.SchoolID, want.ExtID, want.StudentID, want.SubjectID, nullID(want.LessonID),
			dateText(want.Date), want.Text)
		return err
	}, func() error {
		return a.exec("update homework", `UPDATE homework SET student_id = ?, subject_id = ?,
			lesson_id = ?, date = ?, text = ? WHERE id = ?`, want.StudentID, want.SubjectID,
			nullID(want.LessonID), dateText(want.Date), want.Text, want.ID)
	})
	old[want.ExtID] = want
	return err
}

// deleteAssignment removes a stored assignment; an unknown ext id is a
// problem on "id".
func (a *applier) deleteAssignment(in diary.HomeworkIn, old map[string]diary.Homework) error {
	ext := in.Homework.ExtID
	if !a.requireExt(in.Src, ext) || a.skip[in.Src] {
		return nil
	}
	prev, found := old[ext]
	if !found {
		a.fail(in.Src, "id", "нет такого задания %q", ext)
		return nil
	}
	a.count(diary.KindHomework).Removed++
	delete(old, ext)
	return a.exec("delete homework", `DELETE FROM homework WHERE id = ?`, prev.ID)
}

// resolveHomework fills an assignment's ids; subject and date default to the lesson's.
func (a *applier) resolveHomework(in diary.HomeworkIn) (diary.Homework, bool) {
	h := in.Homework
	h.SchoolID = a.school.ID
	st, ok := resolve(a, a.students, in.Src, nounStudent, in.StudentRef)
	l, okL := optional(a, a.lessons, in.Src, nounLesson, in.LessonRef)
	subject, okS := a.lessonDefault(in.Src, a.subjects, nounSubject, in.SubjectRef, l.subjectID, okL)
	h.StudentID, h.LessonID, h.SubjectID = st.id, l.id, subject
	if h.Date.IsZero() {
		h.Date = l.date
	}
	if h.Date.IsZero() && okL {
		a.fail(in.Src, "date", "не указан срок задания")
	}
	return h, ok && okL && okS && !h.Date.IsZero()
}

// scanHomework reads id, school_id, ext_id, student_id, subject_id, lesson_id, date, text.
func scanHomework(r scanner) (diary.Homework, error) {
	var h diary.Homework
	err := r.Scan(&h.ID, &h.SchoolID, &h.ExtID, &h.StudentID, &h.SubjectID,
		idCol{&h.LessonID}, dateCol{&h.Date}, &h.Text)
	return h, err
}
