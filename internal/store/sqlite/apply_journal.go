package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// applyLessons writes the batch's lessons, matched by ext id.
func (a *applier) applyLessons() error {
	ins := a.b.Lessons
	if len(ins) == 0 {
		return nil
	}
	var classes, groups, subjects, teachers []string
	for _, in := range ins {
		classes, groups = append(classes, in.ClassRef), append(groups, in.GroupRef)
		subjects, teachers = append(subjects, in.SubjectRef), append(teachers, in.TeacherRef)
	}
	err := a.loadAll(loadReq{a.loadClasses, classes}, loadReq{a.loadGroups, groups},
		loadReq{a.loadSubjects, subjects}, loadReq{a.loadStaff, teachers})
	if err != nil {
		return err
	}
	old, err := loadByExt(a, "lessons", `SELECT `+lessonCols+` FROM lessons l
		WHERE l.school_id = ?1 AND l.ext_id IN (SELECT value FROM json_each(?2))`,
		keysOf(ins, func(in diary.LessonIn) string { return in.Lesson.ExtID }),
		scanLesson, func(l diary.Lesson) string { return l.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyLesson(ins[i], old)
	}
	return err
}

// loadReq asks a loader to learn the stored records named by refs.
type loadReq struct {
	load func(refs []string) error
	refs []string
}

// loadAll runs every request.
func (a *applier) loadAll(reqs ...loadReq) error {
	for _, r := range reqs {
		if err := r.load(r.refs); err != nil {
			return err
		}
	}
	return nil
}

// applyLesson writes one lesson. A changed lesson date moves the lesson's
// attendance marks (which repeat it) but not its stored grades: each keeps
// its own date and period (see reperiod); the journal sends a grade again
// when it moved with the lesson.
func (a *applier) applyLesson(in diary.LessonIn, old map[string]diary.Lesson) error {
	want, ok := a.resolveLesson(in)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		a.lessons[want.ExtID] = lessonRef{id: badID}
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	_, err := a.put(diary.KindLessons, found, want == prev, func() (err error) {
		want.ID, err = a.insert("insert lesson", `INSERT INTO lessons (school_id, ext_id, class_id,
			group_id, subject_id, teacher_id, date, number, topic, homework)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, lessonArgs(want)...)
		return err
	}, func() error {
		err := a.exec("update lesson", `UPDATE lessons SET school_id = ?, ext_id = ?, class_id = ?,
			group_id = ?, subject_id = ?, teacher_id = ?, date = ?, number = ?, topic = ?,
			homework = ? WHERE id = ?`, append(lessonArgs(want), want.ID)...)
		if err != nil || want.Date == prev.Date {
			return err
		}
		return a.exec("move attendance", `UPDATE attendance SET date = ? WHERE lesson_id = ?`,
			dateText(want.Date), want.ID)
	})
	old[want.ExtID] = want
	a.lessons[want.ExtID] = lessonRef{want.ID, want.ClassID, want.GroupID, want.SubjectID,
		want.TeacherID, want.Date}
	return err
}

// lessonArgs returns the stored columns of l from school_id to homework.
func lessonArgs(l diary.Lesson) []any {
	return []any{l.SchoolID, l.ExtID, l.ClassID, nullID(l.GroupID), l.SubjectID, nullID(l.TeacherID),
		dateText(l.Date), l.Number, l.Topic, l.Homework}
}

// resolveLesson fills a lesson's ids from its references; a group must be
// one of the lesson's class.
func (a *applier) resolveLesson(in diary.LessonIn) (diary.Lesson, bool) {
	l := in.Lesson
	l.SchoolID = a.school.ID
	c, okC := resolve(a, a.classes, in.Src, nounClass, in.ClassRef)
	g, okG := optional(a, a.groups, in.Src, nounGroup, in.GroupRef)
	s, okS := resolve(a, a.subjects, in.Src, nounSubject, in.SubjectRef)
	t, okT := optional(a, a.staff, in.Src, nounTeacher, in.TeacherRef)
	if okC && okG && g.id != 0 && g.classID != c.id {
		a.fail(in.Src, nounGroup.field, "группа %q не из класса %q", in.GroupRef, in.ClassRef)
		okG = false
	}
	if l.Date.IsZero() {
		a.fail(in.Src, "date", "не указана дата урока")
	}
	l.ClassID, l.GroupID, l.SubjectID, l.TeacherID = c.id, g.id, s.id, t.id
	return l, okC && okG && okS && okT && !l.Date.IsZero()
}

// applyAttendance writes the batch's attendance marks, matched by (student,
// lesson); an empty mark removes the stored one.
func (a *applier) applyAttendance() error {
	ins := a.b.Attendance
	if len(ins) == 0 {
		return nil
	}
	err := a.loadAll(
		loadReq{a.loadStudents, keysOf(ins, func(in diary.AttendanceIn) string { return in.StudentRef })},
		loadReq{a.loadLessons, keysOf(ins, func(in diary.AttendanceIn) string { return in.LessonRef })})
	if err != nil {
		return err
	}
	keys := make([]attendanceKey, 0, len(ins))
	items := make([]attendanceItem, 0, len(ins))
	for _, in := range ins {
		s, okS := resolve(a, a.students, in.Src, nounStudent, in.StudentRef)
		l, okL := resolve(a, a.lessons, in.Src, nounLesson, in.LessonRef)
		if okS && okL && !a.skip[in.Src] {
			k := attendanceKey{s.id, l.id}
			keys, items = append(keys, k), append(items, attendanceItem{k, in.Mark})
		}
	}
	old, err := a.storedAttendance(keys)
	for i := 0; err == nil && i < len(items); i++ {
		err = a.applyMark(items[i], old)
	}
	return err
}

// attendanceKey is how an attendance mark is matched.
type attendanceKey struct{ student, lesson int64 }

// attendanceItem is one resolved mark of the batch.
type attendanceItem struct {
	key  attendanceKey
	mark string
}

// storedAttendance returns the stored marks of the given (student, lesson) pairs.
func (a *applier) storedAttendance(keys []attendanceKey) (map[attendanceKey]string, error) {
	pairs := make([][2]int64, len(keys))
	for i, k := range keys {
		pairs[i] = [2]int64{k.student, k.lesson}
	}
	out := map[attendanceKey]string{}
	rows, err := a.q.QueryContext(a.ctx, `SELECT a.student_id, a.lesson_id, a.mark
		FROM json_each(?) j JOIN attendance a
		  ON a.student_id = j.value ->> 0 AND a.lesson_id = j.value ->> 1`, jsonArray(pairs))
	_, err = collect(rows, err, "load attendance", func(r scanner) (attendanceKey, error) {
		var k attendanceKey
		var mark string
		err := r.Scan(&k.student, &k.lesson, &mark)
		out[k] = mark
		return k, err
	})
	return out, err
}

// applyMark writes, changes or removes one attendance mark.
func (a *applier) applyMark(it attendanceItem, old map[attendanceKey]string) error {
	prev, found := old[it.key]
	if it.mark == "" {
		c := a.count(diary.KindAttendance)
		if !found {
			c.Unchanged++
			return nil
		}
		c.Removed++
		delete(old, it.key)
		return a.exec("remove attendance", `DELETE FROM attendance WHERE student_id = ? AND lesson_id = ?`,
			it.key.student, it.key.lesson)
	}
	old[it.key] = it.mark
	_, err := a.put(diary.KindAttendance, found, prev == it.mark, func() error {
		return a.exec("insert attendance", `INSERT INTO attendance (school_id, student_id, lesson_id, date, mark)
			SELECT ?1, ?2, id, date, ?4 FROM lessons WHERE id = ?3`, a.school.ID, it.key.student, it.key.lesson, it.mark)
	}, func() error {
		return a.exec("update attendance", `UPDATE attendance SET mark = ?
			WHERE student_id = ? AND lesson_id = ?`, it.mark, it.key.student, it.key.lesson)
	})
	return err
}
