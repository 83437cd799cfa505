package storetest

import (
	"slices"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func journalReadTests() []contractTest {
	return []contractTest{
		{"Journal/ClassLessons", testClassLessons},
		{"Journal/StudentLessonsOwnGroupsOnly", testStudentLessons},
		{"Journal/GradesByDateThenID", testGrades},
		{"Journal/AttendanceRange", testAttendance},
		{"Journal/HomeworkRange", testHomework},
	}
}

// wantLessons checks that lessons come by date, then number, and are those of
// want (lessons of one date and number, such as two groups', in any order).
func wantLessons(t *testing.T, what string, got []diary.Lesson, want ...string) {
	t.Helper()
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if c := a.Date.Compare(b.Date); c > 0 || c == 0 && a.Number > b.Number {
			t.Errorf("%s: %s #%d comes before %s #%d", what, a.Date, a.Number, b.Date, b.Number)
		}
	}
	ids := exts(got, func(l diary.Lesson) string { return l.ExtID })
	slices.Sort(ids)
	want = slices.Sorted(slices.Values(want))
	if len(want) == 0 {
		want = []string{}
	}
	equal(t, what, ids, want)
}

func testClassLessons(t *testing.T, f *fixture) {
	r := f.small(t)
	c5a, math := id(t, r.Classes, Class5A), id(t, r.Subjects, SubjMath)
	for _, tc := range []struct {
		name     string
		class    int64
		subject  int64
		from, to string
		want     []string
	}{
		{"first week, both groups", c5a, 0, "2026-09-07", "2026-09-10", []string{LessonMath0907, LessonRus0907,
			LessonEng0907, LessonGer0907, LessonMath0908, LessonPE0909, LessonRus0910}},
		{"one subject", c5a, math, "2026-09-01", "2026-12-27", []string{LessonMath0907, LessonMath0908, LessonMath1110}},
		{"one day, bounds inclusive", c5a, 0, "2026-09-08", "2026-09-08", []string{LessonMath0908}},
		{"other class", id(t, r.Classes, Class10B), 0, "2026-09-01", "2026-12-27", []string{Lesson10Math0907, Lesson10Math1109}},
		{"class without lessons", id(t, r.Classes, Class5B), 0, "2026-09-01", "2026-12-27", nil},
		{"nothing in range", c5a, 0, "2026-09-11", "2026-11-09", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.ClassLessons(t.Context(), tc.class, tc.subject, d(tc.from), d(tc.to))
			must(t, err, "class lessons")
			wantLessons(t, "lessons", got, tc.want...)
		})
	}
}

func testStudentLessons(t *testing.T, f *fixture) {
	r := f.small(t)
	for _, tc := range []struct {
		student  string
		from, to string
		want     []string
	}{
		{StudentBelov, "2026-09-07", "2026-09-10", []string{LessonMath0907, LessonRus0907, LessonEng0907,
			LessonMath0908, LessonPE0909, LessonRus0910}},
		{StudentGuseva, "2026-09-07", "2026-09-07", []string{LessonMath0907, LessonRus0907, LessonGer0907}},
		{StudentBelova, "2026-09-01", "2026-12-27", []string{Lesson10Math0907, Lesson10Math1109}},
		{StudentBelov, "2026-11-10", "2026-11-10", []string{LessonMath1110}},
	} {
		got, err := f.s.StudentLessons(t.Context(), id(t, r.Students, tc.student), d(tc.from), d(tc.to))
		must(t, err, "student lessons")
		wantLessons(t, "lessons of "+tc.student+" from "+tc.from, got, tc.want...)
	}
}

// wantGrades checks that grades come by date, then id, and are want's.
func wantGrades(t *testing.T, what string, got []diary.Grade, want ...string) {
	t.Helper()
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if c := a.Date.Compare(b.Date); c > 0 || c == 0 && a.ID > b.ID {
			t.Errorf("%s: %s (%s, %d) comes before %s (%s, %d)", what, a.ExtID, a.Date, a.ID, b.ExtID, b.Date, b.ID)
		}
	}
	ids := exts(got, func(g diary.Grade) string { return g.ExtID })
	slices.Sort(ids)
	want = slices.Sorted(slices.Values(want))
	if len(want) == 0 {
		want = []string{}
	}
	equal(t, what, ids, want)
}

func testGrades(t *testing.T, f *fixture) {
	r := f.small(t)
	belov, q1 := id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1)
	for _, tc := range []struct {
		name    string
		period  int64
		subject int64
		want    []string
	}{
		{"whole period", q1, 0, []string{"gr-belov-math-1", "gr-belov-eng-1", "gr-belov-math-2", "gr-belov-pe-1", "gr-belov-rus-1"}},
		{"one subject", q1, id(t, r.Subjects, SubjMath), []string{"gr-belov-math-1", "gr-belov-math-2"}},
		{"another period", r.Period(t, PeriodQ2), 0, []string{"gr-belov-math-q2"}},
		{"period without grades", r.Period(t, PeriodQ3), 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.Grades(t.Context(), belov, tc.period, tc.subject)
			must(t, err, "grades")
			wantGrades(t, "grades", got, tc.want...)
		})
	}
	got, err := f.s.Grades(t.Context(), belov, q1, 0)
	must(t, err, "grades")
	if len(got) == 5 {
		equal(t, "dates", exts(got, func(g diary.Grade) string { return g.Date.String() }),
			[]string{"2026-09-07", "2026-09-07", "2026-09-08", "2026-09-09", "2026-09-11"})
		equal(t, "non-numeric mark", [2]any{got[3].Value, got[3].Mark}, [2]any{0, diary.MarkPass})
	}
}

func testAttendance(t *testing.T, f *fixture) {
	r := f.small(t)
	belov := id(t, r.Students, StudentBelov)
	mark := func(lesson, subj, date string, num int, m string) diary.Attendance {
		return diary.Attendance{SchoolID: r.School.ID, StudentID: belov, LessonID: id(t, r.Lessons, lesson),
			SubjectID: id(t, r.Subjects, subj), Date: d(date), Number: num, Mark: m}
	}
	for _, tc := range []struct {
		name     string
		from, to string
		want     []diary.Attendance
	}{
		{"whole autumn", "2026-09-01", "2026-12-27", []diary.Attendance{
			mark(LessonMath0908, SubjMath, "2026-09-08", 1, diary.Absent), mark(LessonPE0909, SubjPE, "2026-09-09", 4, diary.Late)}},
		{"one day", "2026-09-09", "2026-09-09", []diary.Attendance{mark(LessonPE0909, SubjPE, "2026-09-09", 4, diary.Late)}},
		{"none", "2026-09-10", "2026-09-30", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.Attendance(t.Context(), belov, d(tc.from), d(tc.to))
			must(t, err, "attendance")
			for i := range got {
				got[i].ID = 0
			}
			if len(got) == 0 {
				got = nil
			}
			equal(t, "attendance", got, tc.want)
		})
	}
}

// Homework lists a student's own assignments due in the range, by date.
func testHomework(t *testing.T, f *fixture) {
	r := f.small(t)
	belov := id(t, r.Students, StudentBelov)
	for _, tc := range []struct {
		name     string
		student  string
		from, to string
		want     []string
	}{
		{"month", StudentBelov, "2026-09-01", "2026-09-30", []string{"hw-belov-1", "hw-belov-2"}},
		{"bounds inclusive", StudentBelov, "2026-09-11", "2026-09-14", []string{"hw-belov-2"}},
		{"another student", StudentBelova, "2026-09-01", "2026-09-30", []string{"hw-belova-1"}},
		{"none", StudentVolkov, "2026-09-01", "2026-09-30", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.Homework(t.Context(), id(t, r.Students, tc.student), d(tc.from), d(tc.to))
			must(t, err, "homework")
			ids := exts(got, func(h diary.Homework) string { return h.ExtID })
			if len(ids) == 0 {
				ids = nil
			}
			equal(t, "homework", ids, tc.want)
		})
	}
	got, err := f.s.Homework(t.Context(), belov, d("2026-09-14"), d("2026-09-14"))
	must(t, err, "homework")
	equal(t, "assignment", got, []diary.Homework{{ID: firstID(got, func(h diary.Homework) int64 { return h.ID }),
		SchoolID: r.School.ID, ExtID: "hw-belov-2", StudentID: belov, SubjectID: id(t, r.Subjects, SubjRus),
		Date: d("2026-09-14"), Text: "Выписать 10 словарных слов"}})
}
