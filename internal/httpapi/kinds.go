package httpapi

import (
	"github.com/schooldiary/diary/internal/diary"
)

// kind is one journal endpoint: its item fields and how an item joins a batch.
type kind struct {
	name   string   // diary.Kind*, the last path segment
	fields []string // the JSON fields an item may have
	// add reads an item into the batch; src locates it for the store.
	add func(it *item, src diary.Source, b *diary.Batch)
	// key identifies the record an item writes, to catch repeats in a call.
	key func(it *item) string
}

// kinds are the API's endpoints; item fields mirror the import columns.
var kinds = []kind{
	{name: diary.KindLessons, add: addLesson, key: byID,
		fields: []string{"id", "class", "group", "subject", "teacher", "date", "number", "topic", "homework"}},
	{name: diary.KindGrades, add: addGrade, key: byID,
		fields: []string{"id", "student", "subject", "lesson", "teacher", "date", "value", "mark", "weight", "work_type", "description", "deleted"}},
	{name: diary.KindAttendance, add: addAttendance, key: byStudentLesson,
		fields: []string{"student", "lesson", "mark"}},
	{name: diary.KindHomework, add: addHomework, key: byID,
		fields: []string{"id", "student", "subject", "lesson", "date", "text", "deleted"}},
}

func byID(it *item) string { return it.peek("id") }

func byStudentLesson(it *item) string {
	s, l := it.peek("student"), it.peek("lesson")
	if s == "" || l == "" {
		return ""
	}
	return s + "\x00" + l
}

func addLesson(it *item, src diary.Source, b *diary.Batch) {
	b.Lessons = append(b.Lessons, diary.LessonIn{
		Src: src,
		Lesson: diary.Lesson{
			ExtID:    it.need("id"),
			Date:     it.needDate("date"),
			Number:   it.intIn("number", 1, diary.MaxLessonNumber),
			Topic:    it.str("topic"),
			Homework: it.str("homework"),
		},
		ClassRef:   it.need("class"),
		GroupRef:   it.str("group"),
		SubjectRef: it.need("subject"),
		TeacherRef: it.str("teacher"),
	})
}

// addGrade reads a grade; with "deleted": true only "id" is read.
func addGrade(it *item, src diary.Source, b *diary.Batch) {
	if it.flag("deleted") {
		b.Grades = append(b.Grades, diary.GradeIn{Src: src, Grade: diary.Grade{ExtID: it.need("id")}, Deleted: true})
		return
	}
	g := diary.GradeIn{
		Src:        src,
		Grade:      diary.Grade{ExtID: it.need("id"), Date: it.date("date")},
		StudentRef: it.need("student"),
		SubjectRef: it.str("subject"),
		LessonRef:  it.str("lesson"),
		TeacherRef: it.str("teacher"),
	}
	if g.LessonRef == "" && (g.SubjectRef == "" || g.Grade.Date.IsZero()) {
		it.fail("lesson", "нужен lesson или subject и date")
	}
	g.Grade.Value, g.Grade.Mark = it.grade()
	g.Grade.Weight = it.weight()
	g.Grade.WorkType = it.str("work_type")
	g.Grade.Description = it.str("description")
	b.Grades = append(b.Grades, g)
}

func addAttendance(it *item, src diary.Source, b *diary.Batch) {
	b.Attendance = append(b.Attendance, diary.AttendanceIn{
		Src:        src,
		StudentRef: it.need("student"),
		LessonRef:  it.need("lesson"),
		Mark:       it.attendanceMark(),
	})
}

// addHomework reads an assignment; with "deleted": true only "id" is read.
func addHomework(it *item, src diary.Source, b *diary.Batch) {
	if it.flag("deleted") {
		b.Homework = append(b.Homework, diary.HomeworkIn{Src: src, Homework: diary.Homework{ExtID: it.need("id")}, Deleted: true})
		return
	}
	b.Homework = append(b.Homework, diary.HomeworkIn{
		Src: src,
		Homework: diary.Homework{
			ExtID: it.need("id"),
			Date:  it.needDate("date"),
			Text:  it.need("text"),
		},
		StudentRef: it.need("student"),
		SubjectRef: it.need("subject"),
		LessonRef:  it.str("lesson"),
	})
}
