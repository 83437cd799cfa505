package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// applySubjects writes the batch's subjects, matched by ext id.
func (a *applier) applySubjects() error {
	ins := a.b.Subjects
	if len(ins) == 0 {
		return nil
	}
	old, err := loadByExt(a, "subjects", `SELECT `+subjectCols+` FROM subjects
		WHERE school_id = ?1 AND`+inKeys, keysOf(ins, func(in diary.SubjectIn) string { return in.Subject.ExtID }),
		scanSubject, func(s diary.Subject) string { return s.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applySubject(ins[i], old)
	}
	return err
}

// applySubject writes one subject.
func (a *applier) applySubject(in diary.SubjectIn, old map[string]diary.Subject) error {
	want := in.Subject
	want.SchoolID = a.school.ID
	if !a.requireExt(in.Src, want.ExtID) || a.skip[in.Src] {
		a.subjects[want.ExtID] = idRef{badID}
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	_, err := a.put(diary.KindSubjects, found, want == prev, func() (err error) {
		want.ID, err = a.insert("insert subject", `INSERT INTO subjects (school_id, ext_id, name, short)
			VALUES (?, ?, ?, ?)`, want.SchoolID, want.ExtID, want.Name, want.Short)
		return err
	}, func() error {
		return a.exec("update subject", `UPDATE subjects SET name = ?, short = ? WHERE id = ?`,
			want.Name, want.Short, want.ID)
	})
	old[want.ExtID], a.subjects[want.ExtID] = want, idRef{want.ID}
	return err
}

// applyClasses writes the batch's classes, matched by ext id.
func (a *applier) applyClasses() error {
	ins := a.b.Classes
	if len(ins) == 0 {
		return nil
	}
	old, err := loadByExt(a, "classes", `SELECT `+classCols+` FROM classes
		WHERE school_id = ?1 AND`+inKeys, keysOf(ins, func(in diary.ClassIn) string { return in.Class.ExtID }),
		scanClass, func(c diary.Class) string { return c.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyClass(ins[i], old)
	}
	return err
}

// applyClass writes one class.
func (a *applier) applyClass(in diary.ClassIn, old map[string]diary.Class) error {
	want := in.Class
	want.SchoolID = a.school.ID
	if !a.requireExt(in.Src, want.ExtID) || a.skip[in.Src] {
		a.classes[want.ExtID] = classRef{id: badID}
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	_, err := a.put(diary.KindClasses, found, want == prev, func() (err error) {
		want.ID, err = a.insert("insert class", `INSERT INTO classes (school_id, ext_id, name, level)
			VALUES (?, ?, ?, ?)`, want.SchoolID, want.ExtID, want.Name, want.Level)
		return err
	}, func() error {
		return a.exec("update class", `UPDATE classes SET name = ?, level = ? WHERE id = ?`,
			want.Name, want.Level, want.ID)
	})
	old[want.ExtID], a.classes[want.ExtID] = want, classRef{want.ID, want.Level}
	return err
}

// applyStudents writes the batch's students, matched by ext id.
func (a *applier) applyStudents() error {
	ins := a.b.Students
	if len(ins) == 0 {
		return nil
	}
	err := a.loadClasses(keysOf(ins, func(in diary.StudentIn) string { return in.ClassRef }))
	if err != nil {
		return err
	}
	old, err := loadByExt(a, "students", `SELECT `+studentCols+` FROM students s
		WHERE s.school_id = ?1 AND s.ext_id IN (SELECT value FROM json_each(?2))`,
		keysOf(ins, func(in diary.StudentIn) string { return in.Student.ExtID }),
		scanStudent, func(s diary.Student) string { return s.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyStudent(ins[i], old)
	}
	return err
}

// applyStudent writes one student. An enrolled student has no leaving date or reason.
func (a *applier) applyStudent(in diary.StudentIn, old map[string]diary.Student) error {
	want := in.Student
	want.SchoolID = a.school.ID
	prev, found := old[want.ExtID]
	c, ok := a.studentClass(in, prev)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		a.students[want.ExtID] = studentRef{id: badID}
		return nil
	}
	want.ClassID = c.id
	if want.Status == "" {
		want.Status = diary.Enrolled
	}
	if want.Status == diary.Enrolled {
		want.LeftOn, want.LeftReason = diary.Date{}, ""
	}
	want.ID, want.UpdatedAt = prev.ID, prev.UpdatedAt
	_, err := a.put(diary.KindStudents, found, want == prev, func() (err error) {
		want.UpdatedAt = a.now
		want.ID, err = a.insert("insert student", `INSERT INTO students (school_id, ext_id, last_name,
			first_name, middle_name, class_id, birth_date, phone, email, status, left_on,
			left_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			studentArgs(want)...)
		return err
	}, func() error {
		want.UpdatedAt = a.now
		return a.exec("update student", `UPDATE students SET school_id = ?, ext_id = ?,
			last_name = ?, first_name = ?, middle_name = ?, class_id = ?, birth_date = ?,
			phone = ?, email = ?, status = ?, left_on = ?, left_reason = ?, updated_at = ?
			WHERE id = ?`, append(studentArgs(want), want.ID)...)
	})
	old[want.ExtID], a.students[want.ExtID] = want, studentRef{want.ID, c.id, c.level}
	a.listed[want.ID] = true
	if found && prev.ClassID != want.ClassID {
		a.moved = append(a.moved, want.ID)
	}
	return err
}

// studentClass resolves a student's class. A student who left may come
// without one: they keep the stored class, or none.
func (a *applier) studentClass(in diary.StudentIn, prev diary.Student) (classRef, bool) {
	if in.ClassRef != "" || in.Student.Status != diary.Left {
		return resolve(a, a.classes, in.Src, nounClass, in.ClassRef)
	}
	if prev.ClassID == 0 {
		return classRef{}, true
	}
	var c classRef
	err := a.q.QueryRowContext(a.ctx, `SELECT id, level FROM classes WHERE id = ?`, prev.ClassID).
		Scan(&c.id, &c.level)
	return c, err == nil
}

// studentArgs returns the stored columns of s from school_id to updated_at.
func studentArgs(s diary.Student) []any {
	return []any{s.SchoolID, s.ExtID, s.Name.Last, s.Name.First, s.Name.Middle, nullID(s.ClassID),
		dialect.Date(s.BirthDate), s.Phone, s.Email, s.Status, dialect.Date(s.LeftOn), s.LeftReason,
		instantText(s.UpdatedAt)}
}

// markLeft marks, for a roster batch, every enrolled student of the school
// the batch does not list as left on AsOf (clause 3.2).
func (a *applier) markLeft() error {
	if !a.b.Roster {
		return nil
	}
	on := a.b.AsOf
	if on.IsZero() {
		on = diary.DateIn(a.now, a.school.Location())
	}
	rows, err := a.q.QueryContext(a.ctx, `SELECT `+studentCols+` FROM students s
		WHERE s.school_id = ? AND s.status = ?`+byName, a.school.ID, diary.Enrolled)
	enrolled, err := collect(rows, err, "load enrolled students", scanStudent)
	for _, s := range enrolled {
		if err != nil || a.listed[s.ID] {
			continue
		}
		s.Status, s.LeftOn, s.LeftReason, s.UpdatedAt = diary.Left, on, diary.LeftNotInRoster, a.now
		err = a.exec("mark student left", `UPDATE students SET status = ?, left_on = ?,
			left_reason = ?, updated_at = ? WHERE id = ?`,
			s.Status, dateText(s.LeftOn), s.LeftReason, instantText(s.UpdatedAt), s.ID)
		a.left = append(a.left, s)
	}
	return err
}
