package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func staffHomeTests() []contractTest {
	return []contractTest{
		{"StaffHome/TeacherLessonsOwnOnly", testTeacherLessons},
		{"StaffHome/TeachingDistinct", testTeaching},
		{"StaffHome/LessonAndGroup", testLessonAndGroup},
		{"StaffHome/LessonAndClassAttendance", testStaffAttendance},
		{"StaffHome/StudentAccess", testStudentAccess},
	}
}

func testTeacherLessons(t *testing.T, f *fixture) {
	r := f.small(t)
	for _, tc := range []struct {
		name, staff, from, to string
		want                  []string
	}{
		{"first days", StaffIvanova, "2026-09-07", "2026-09-08", []string{LessonMath0907, LessonRus0907, LessonMath0908}},
		{"both groups", StaffSmirnova, "2026-09-07", "2026-09-07", []string{LessonEng0907, LessonGer0907}},
		{"two classes", StaffPetrov, "2026-09-01", "2026-12-27", []string{LessonPE0909, Lesson10Math0907, Lesson10Math1109}},
		{"no lessons", StaffOrlov, "2026-09-01", "2026-12-27", nil},
		{"nothing in range", StaffIvanova, "2026-09-11", "2026-11-09", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.TeacherLessons(t.Context(), id(t, r.Staff, tc.staff), d(tc.from), d(tc.to))
			must(t, err, "teacher lessons")
			wantLessons(t, "lessons", got, tc.want...)
		})
	}
	got, err := f.s.TeacherLessons(t.Context(), 1<<40, wideFrom, wideTo)
	must(t, err, "unknown teacher's lessons")
	equal(t, "unknown teacher's lessons", len(got), 0)
}

func testTeaching(t *testing.T, f *fixture) {
	r := f.small(t)
	c5a, c10b := id(t, r.Classes, Class5A), id(t, r.Classes, Class10B)
	subj := func(ext string) int64 { return id(t, r.Subjects, ext) }
	for _, tc := range []struct {
		staff string
		want  []diary.Teaching
	}{
		{StaffIvanova, []diary.Teaching{{ClassID: c5a, SubjectID: subj(SubjMath)}, {ClassID: c5a, SubjectID: subj(SubjRus)}}},
		{StaffSmirnova, []diary.Teaching{
			{ClassID: c5a, GroupID: id(t, r.Groups, GroupEng), SubjectID: subj(SubjEng)},
			{ClassID: c5a, GroupID: id(t, r.Groups, GroupGer), SubjectID: subj(SubjGer)}}},
		{StaffPetrov, []diary.Teaching{{ClassID: c5a, SubjectID: subj(SubjPE)}, {ClassID: c10b, SubjectID: subj(SubjMath)}}},
		{StaffOrlov, nil},
	} {
		t.Run(tc.staff, func(t *testing.T) {
			got, err := f.s.Teaching(t.Context(), id(t, r.Staff, tc.staff), wideFrom, wideTo)
			must(t, err, "teaching")
			sortBy(got, func(x diary.Teaching) string { return key(x.ClassID, x.GroupID, x.SubjectID) })
			sortBy(tc.want, func(x diary.Teaching) string { return key(x.ClassID, x.GroupID, x.SubjectID) })
			if len(tc.want) == 0 {
				tc.want = []diary.Teaching{}
			}
			if got == nil {
				got = []diary.Teaching{}
			}
			equal(t, "teaching", got, tc.want)
		})
	}
}

func testLessonAndGroup(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	l, err := f.s.Lesson(ctx, id(t, r.Lessons, LessonEng0907))
	must(t, err, "lesson")
	equal(t, "lesson", []any{l.ExtID, l.GroupID, l.Number, l.Topic, l.Homework},
		[]any{LessonEng0907, id(t, r.Groups, GroupEng), 3, "Greetings", "Выучить слова"})
	_, err = f.s.Lesson(ctx, 1<<40)
	wantNotFound(t, err, "unknown lesson")
	ss, err := f.s.StudentsOfGroup(ctx, id(t, r.Groups, GroupEng))
	must(t, err, "students of group")
	equal(t, "english group", names(ss), []string{"Белов Антон Игоревич", "Волков Борис Сергеевич"})
}

func testStaffAttendance(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	at, err := f.s.LessonAttendance(ctx, id(t, r.Lessons, LessonMath0908))
	must(t, err, "lesson attendance")
	equal(t, "marks at the lesson", marks(t, r, at), []string{StudentBelov + " " + diary.Absent})
	at, err = f.s.ClassAttendance(ctx, id(t, r.Classes, Class5A), d("2026-09-07"), d("2026-09-09"))
	must(t, err, "class attendance")
	equal(t, "marks of the class", marks(t, r, at), []string{
		StudentVolkov + " " + diary.Ill, StudentBelov + " " + diary.Absent, StudentBelov + " " + diary.Late})
	at, err = f.s.ClassAttendance(ctx, id(t, r.Classes, Class5A), d("2026-09-09"), d("2026-09-09"))
	must(t, err, "one day")
	equal(t, "one day", marks(t, r, at), []string{StudentBelov + " " + diary.Late})
}

// marks names attendance marks as «student-ext mark».
func marks(t *testing.T, r *Refs, at []diary.Attendance) []string {
	t.Helper()
	byID := map[int64]string{}
	for ext, id := range r.Students {
		byID[id] = ext
	}
	out := []string{}
	for _, a := range at {
		out = append(out, byID[a.StudentID]+" "+a.Mark)
	}
	return out
}

func testStudentAccess(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov, volkov, guseva := id(t, r.Students, StudentBelov), id(t, r.Students, StudentVolkov), id(t, r.Students, StudentGuseva)
	code, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	f.redeem(t, code, userBelova)
	_, err := f.s.RecordConsent(ctx, diary.Consent{TelegramUserID: userBelova, GuardianID: id(t, r.Guardians, GuardianBelova),
		StudentID: belov, Version: "v1"})
	must(t, err, "consent")
	code, _ = f.issue(t, studentCode(t, r, StudentVolkov))
	f.redeem(t, code, userVolkov)
	since := Start.Add(time.Hour)
	visit := func(v diary.Visit) { must(t, f.s.RecordVisit(ctx, v), "visit") }
	visit(diary.Visit{SchoolID: r.School.ID, TelegramUserID: userBelova, StudentID: belov, View: "grades", At: Start})
	visit(diary.Visit{SchoolID: r.School.ID, TelegramUserID: userBelova, StudentID: belov, View: "grades", At: since.Add(time.Hour)})
	visit(diary.Visit{SchoolID: r.School.ID, TelegramUserID: userVolkov, StudentID: volkov, View: "homework", At: Start})
	visit(diary.Visit{SchoolID: r.School.ID, TelegramUserID: userIvanova, StaffID: id(t, r.Staff, StaffIvanova),
		StudentID: guseva, View: "staff.card", At: since.Add(time.Hour)})
	got, err := f.s.StudentAccess(ctx, r.School.ID, id(t, r.Classes, Class5A), since)
	must(t, err, "student access")
	for i := range got {
		got[i].LastVisit = us(got[i].LastVisit)
	}
	c5a := id(t, r.Classes, Class5A)
	equal(t, "5А", got, []diary.StudentAccess{
		{StudentID: belov, ClassID: c5a, Linked: true, Consented: true, LastVisit: us(since.Add(time.Hour))},
		{StudentID: volkov, ClassID: c5a, Linked: true},
		{StudentID: guseva, ClassID: c5a},
	})
	all, err := f.s.StudentAccess(ctx, r.School.ID, 0, since)
	must(t, err, "school access")
	equal(t, "whole school", len(all), 5)
}
