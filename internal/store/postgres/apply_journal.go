package postgres

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

var (
	lessonsTable = newTable("lessons", "ext_id", `ext_id text, class_id bigint, group_id nbigint,
		subject_id bigint, teacher_id nbigint, date date, number int, topic text, homework text`)
	attendanceTable = newTable("attendance", "", "student_id bigint, lesson_id bigint, date date, mark text")
	homeworkTable   = newTable("homework", "", `ext_id text, student_id bigint, subject_id bigint,
		lesson_id nbigint, date date, text text`)
	finalsTable = newTable("final_grades", "", `student_id bigint, subject_id bigint, kind text, year_id bigint,
		period_id nbigint, value nsmallint, mark ntext, updated_at timestamptz`)
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
}

type lessonRefs struct{ class, group, subject, teacher *ent }

type attendanceRefs struct{ student, lesson *ent }

type homeworkRefs struct {
	student, subject, lesson *ent
	date                     diary.Date
}

type finalRefs struct{ student, subject, year, period *ent }

func (a *applier) resolveLessons() {
	a.rs.lessons = make([]lessonRefs, len(a.b.Lessons))
	for i, x := range a.b.Lessons {
		r := lessonRefs{
			class:   a.ref(a.classes, x.ClassRef, x.Src, "class", true),
			group:   a.ref(a.groups, x.GroupRef, x.Src, "group", false),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject", true),
			teacher: a.ref(a.staff, x.TeacherRef, x.Src, "teacher", false),
		}
		if r.group != nil && r.class != nil && r.group.class != r.class {
			a.problem(x.Src, "group", fmt.Sprintf("группа %q не из класса %q", x.GroupRef, x.ClassRef))
		}
		a.rs.lessons[i] = r
		e := a.lessons.add(x.Lesson.ExtID)
		e.class, e.subject, e.teacher, e.date = r.class, r.subject, r.teacher, x.Lesson.Date
	}
}

func (a *applier) resolveAttendance() {
	a.rs.attendance = make([]attendanceRefs, len(a.b.Attendance))
	for i, x := range a.b.Attendance {
		a.rs.attendance[i] = attendanceRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student", true),
			lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson", true),
		}
	}
}

func (a *applier) resolveHomework() {
	a.rs.homework = make([]homeworkRefs, len(a.b.Homework))
	for i, x := range a.b.Homework {
		if x.Deleted {
			a.checkStored(x)
			continue
		}
		r := homeworkRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student", true),
			lesson:  a.ref(a.lessons, x.LessonRef, x.Src, "lesson", false),
			date:    x.Homework.Date,
		}
		r.subject = a.ref(a.subjects, x.SubjectRef, x.Src, "subject", x.LessonRef == "")
		if r.lesson != nil && x.SubjectRef == "" {
			r.subject = r.lesson.subject
		}
		if r.lesson != nil && r.date.IsZero() {
			r.date = r.lesson.date
		}
		a.rs.homework[i] = r
	}
}

// checkStored reports a deleted assignment that is not stored.
func (a *applier) checkStored(x diary.HomeworkIn) {
	if _, ok := a.st.homework[x.Homework.ExtID]; !ok && x.Homework.ExtID != "" {
		a.problem(x.Src, "id", fmt.Sprintf("нет такого задания %q", x.Homework.ExtID))
	}
}

func (a *applier) resolveFinals() {
	a.rs.finals = make([]finalRefs, len(a.b.Finals))
	for i, x := range a.b.Finals {
		r := finalRefs{
			student: a.ref(a.students, x.StudentRef, x.Src, "student", true),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject", true),
			year:    a.ref(a.years, x.YearRef, x.Src, "year", true),
		}
		if x.Final.Kind == diary.FinalPeriod {
			r.period = a.ref(a.periods, x.PeriodRef, x.Src, "period", true)
		}
		a.rs.finals[i] = r
	}
}

// writeLessons writes the batch's lessons. A changed lesson date does not
// move the stored grades of the lesson: each keeps its own date and period
// (see reperiod); the journal sends a grade again when it moved with the lesson.
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
		p.put(old.ID, ok && n == old, []any{n.ExtID, n.ClassID, idArg(n.GroupID), n.SubjectID,
			idArg(n.TeacherID), dateArg(n.Date), n.Number, n.Topic, n.Homework})
	}
	if err := a.flush(ctx, diary.KindLessons, lessonsTable, &p, a.lessons); err != nil {
		return err
	}
	if len(moved) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `UPDATE attendance a SET date = l.date FROM lessons l
		WHERE l.id = ANY($1) AND a.lesson_id = l.id`, moved)
	return wrap("move attendance", err)
}

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
		p.put(old.ID, ok && old.Mark == x.Mark, []any{r.student.id, r.lesson.id, dateArg(r.lesson.date), x.Mark})
	}
	if err := a.flush(ctx, diary.KindAttendance, attendanceTable, &p, nil); err != nil {
		return err
	}
	a.count(diary.KindAttendance, 0, 0, 0, len(gone))
	if len(gone) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `DELETE FROM attendance WHERE id = ANY($1)`, gone)
	return wrap("remove attendance", err)
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
		p.put(old.ID, ok && n == old, []any{n.ExtID, n.StudentID, n.SubjectID, idArg(n.LessonID),
			dateArg(n.Date), n.Text})
	}
	if err := a.flush(ctx, diary.KindHomework, homeworkTable, &p, nil); err != nil {
		return err
	}
	return a.remove(ctx, diary.KindHomework, "homework", gone)
}

func (a *applier) writeFinals(ctx context.Context) error {
	var p pending
	for i, x := range a.b.Finals {
		n, r := x.Final, a.rs.finals[i]
		n.SchoolID, n.StudentID, n.SubjectID, n.YearID, n.PeriodID = a.school, r.student.id, r.subject.id, r.year.id, idOf(r.period)
		old, ok := a.st.finals[finalKey{n.StudentID, n.SubjectID, n.Kind, n.YearID, n.PeriodID}]
		n.ID, n.UpdatedAt = old.ID, old.UpdatedAt
		p.put(old.ID, ok && n == old, []any{n.StudentID, n.SubjectID, string(n.Kind), n.YearID,
			idArg(n.PeriodID), intArg(n.Value), textArg(n.Mark), a.now})
	}
	return a.flush(ctx, diary.KindFinals, finalsTable, &p, nil)
}
