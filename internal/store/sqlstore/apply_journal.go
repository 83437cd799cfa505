package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// resolved holds the references of the batch's items, by kind and index.
type resolved struct {
	periodYear       []*ent
	staffRoles       [][]roleRef
	studentClass     []*ent
	groupClass       []*ent
	groupMembers     [][]*ent
	guardianStudents [][]*ent
	lessons          []lessonRefs
	grades           []gradeRefs
	attendance       []attendanceRefs
	homework         []homeworkRefs
	finals           []finalRefs
	dayOffClass      []*ent
	slots            []lessonRefs
}

// lessonRefs are a lesson's references.
type lessonRefs struct{ class, group, subject, teacher *ent }

// attendanceRefs are an attendance mark's references.
type attendanceRefs struct{ student, lesson *ent }

// homeworkRefs are an assignment's references; subject and date default to
// its lesson's.
type homeworkRefs struct {
	student, subject, lesson *ent
	date                     diary.Date
}

// finalRefs are a final grade's references.
type finalRefs struct{ student, subject, year, period *ent }

// resolveLessons resolves the lessons' references; a group must be one of
// the lesson's class.
func (a *applier) resolveLessons() {
	a.rs.lessons = make([]lessonRefs, len(a.b.Lessons))
	for i, x := range a.b.Lessons {
		r := lessonRefs{
			class:   a.ref(a.classes, x.ClassRef, x.Src, "class"),
			group:   a.ref(a.groups, x.GroupRef, x.Src, "group"),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject"),
			teacher: a.ref(a.staff, x.TeacherRef, x.Src, "teacher"),
		}
		if r.group != nil && r.class != nil && !r.group.broken && !sameEnt(r.group.class, r.class) {
			a.problem(x.Src, "group", msgGroupClass, x.GroupRef, x.ClassRef)
		}
		a.rs.lessons[i] = r
		e := a.lessons.add(x.Lesson.ExtID)
		e.class, e.subject, e.teacher, e.date = r.class, r.subject, r.teacher, x.Lesson.Date
	}
}

// resolveAttendance resolves the marks' students and lessons.
func (a *applier) resolveAttendance() {
	a.rs.attendance = make([]attendanceRefs, len(a.b.Attendance))
	for i, x := range a.b.Attendance {
		a.rs.attendance[i] = attendanceRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student"),
			lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson"),
		}
	}
}

// resolveHomework resolves the assignments; a deleted one must be stored.
func (a *applier) resolveHomework() {
	a.rs.homework = make([]homeworkRefs, len(a.b.Homework))
	for i, x := range a.b.Homework {
		if x.Deleted {
			if _, ok := a.st.homework[x.Homework.ExtID]; !ok && x.Homework.ExtID != "" {
				a.problem(x.Src, "id", msgUnknownTask, x.Homework.ExtID)
			}
			continue
		}
		r := homeworkRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student"),
			lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson"),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject"),
			date:    x.Homework.Date,
		}
		if r.lesson != nil && x.SubjectRef == "" {
			r.subject = r.lesson.subject
		}
		if r.lesson != nil && r.date.IsZero() {
			r.date = r.lesson.date
		}
		a.rs.homework[i] = r
	}
}

// resolveFinals resolves the final grades; only a period grade names a period.
func (a *applier) resolveFinals() {
	a.rs.finals = make([]finalRefs, len(a.b.Finals))
	for i, x := range a.b.Finals {
		r := finalRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student"),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject"),
			year:    a.ref(a.years, x.YearRef, x.Src, "year"),
		}
		if x.Final.Kind == diary.FinalPeriod {
			r.period = a.ref(a.periods, x.PeriodRef, x.Src, "period")
		}
		a.rs.finals[i] = r
	}
}

// writeLessons writes the batch's lessons. A changed lesson date moves the
// lesson's attendance marks (which repeat it) but not its stored grades:
// each keeps its own date and period (see reperiod); the journal sends a
// grade again when it moved with the lesson.
func (a *applier) writeLessons(ctx context.Context) error {
	var p pending
	var moved []int64 // stored lessons whose date changed
	for i, x := range a.b.Lessons {
		n, r := x.Lesson, a.rs.lessons[i]
		old, ok := a.st.lessons[n.ExtID]
		n.ID, n.SchoolID, n.ClassID, n.GroupID = old.ID, a.school, r.class.id, idOf(r.group)
		n.SubjectID, n.TeacherID = r.subject.id, idOf(r.teacher)
		if ok && n.Date != old.Date {
			moved = append(moved, old.ID)
		}
		p.put(old.ID, ok && n == old, []any{a.school, n.ExtID, n.ClassID, n.GroupID, n.SubjectID,
			n.TeacherID, n.Date, n.Number, n.Topic, n.Homework})
	}
	if err := a.flush(ctx, diary.KindLessons, lessonsTable, &p, &a.lessons); err != nil {
		return err
	}
	if len(moved) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `UPDATE attendance SET date = (SELECT l.date FROM lessons l WHERE l.id = attendance.lesson_id)
		WHERE lesson_id IN (`+a.s.d.InList(1, "bigint")+`)`, a.s.d.List(moved))
	return a.s.wrap(err, "move attendance")
}

// writeAttendance writes the batch's marks; an empty mark removes a stored one.
func (a *applier) writeAttendance(ctx context.Context) error {
	var p pending
	var gone []int64
	for i, x := range a.b.Attendance {
		r := a.rs.attendance[i]
		old, ok := a.st.attendance[[2]int64{r.student.id, r.lesson.id}]
		if x.Mark == "" {
			if ok {
				gone = append(gone, old.ID)
			} else {
				p.unchanged++
			}
			continue
		}
		p.put(old.ID, ok && old.Mark == x.Mark, []any{a.school, r.student.id, r.lesson.id, r.lesson.date, x.Mark})
	}
	if err := a.flush(ctx, diary.KindAttendance, attendanceTable, &p, nil); err != nil {
		return err
	}
	return a.remove(ctx, diary.KindAttendance, "attendance", gone)
}

// writeHomework writes the batch's assignments and removes the deleted ones.
func (a *applier) writeHomework(ctx context.Context) error {
	var p pending
	var gone []int64
	for i, x := range a.b.Homework {
		n, r := x.Homework, a.rs.homework[i]
		old, ok := a.st.homework[n.ExtID]
		if x.Deleted {
			gone = append(gone, old.ID)
			continue
		}
		n.ID, n.SchoolID, n.StudentID, n.SubjectID = old.ID, a.school, r.student.id, r.subject.id
		n.LessonID, n.Date = idOf(r.lesson), r.date
		p.put(old.ID, ok && n == old, []any{a.school, n.ExtID, n.StudentID, n.SubjectID, n.LessonID, n.Date, n.Text})
	}
	if err := a.flush(ctx, diary.KindHomework, homeworkTable, &p, nil); err != nil {
		return err
	}
	return a.remove(ctx, diary.KindHomework, "homework", gone)
}

// writeFinals writes the batch's period, year, exam and final grades.
func (a *applier) writeFinals(ctx context.Context) error {
	var p pending
	for i, x := range a.b.Finals {
		n, r := x.Final, a.rs.finals[i]
		n.SchoolID, n.StudentID, n.SubjectID, n.YearID, n.PeriodID = a.school, r.student.id, r.subject.id, r.year.id, idOf(r.period)
		old, ok := a.st.finals[finalKey{n.StudentID, n.SubjectID, n.Kind, n.YearID, n.PeriodID}]
		n.ID, n.UpdatedAt = old.ID, old.UpdatedAt
		p.put(old.ID, ok && n == old, []any{a.school, n.StudentID, n.SubjectID, kindText(n.Kind), n.YearID,
			n.PeriodID, n.Value, n.Mark, a.now})
	}
	return a.flush(ctx, diary.KindFinals, finalsTable, &p, nil)
}
