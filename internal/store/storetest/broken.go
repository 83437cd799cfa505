package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func brokenTests() []contractTest {
	return []contractTest{
		{"Broken/Apply", func(t *testing.T, f *fixture) { testBroken(t, f, false) }},
		{"Broken/DryRun", func(t *testing.T, f *fixture) { testBroken(t, f, true) }},
	}
}

// brokenCase is a batch applied over SmallSchool with every problem it must
// be refused for, written out in full and in the order Apply reports them
// (kind by kind as Validate walks the batch, then item by item; an item's
// own problems before those of its references); a case without problems
// must pass with counts.
type brokenCase struct {
	name     string
	batch    func() *diary.Batch
	problems []diary.ItemError
	counts   map[string]diary.Counts
}

// item is a problem at the i-th line of a kind's file.
func item(kind string, i int, field, msg string) diary.ItemError {
	return diary.ItemError{Src: src(kind, i), Field: field, Msg: msg}
}

// withGrades returns a batch of the stored school with grades.
func withGrades(gs ...diary.GradeIn) *diary.Batch {
	b := onlyCode(SchoolCode)
	b.Grades = gs
	return b
}

// mathGrade is a new grade of a student in mathematics on a day.
func mathGrade(i int, ext, student, day string) diary.GradeIn {
	return diary.GradeIn{Src: src("grades", i), StudentRef: student, SubjectRef: SubjMath,
		Grade: diary.Grade{ExtID: ext, Date: d(day), Value: 4, Weight: diary.WeightOne, WorkType: "ответ на уроке"}}
}

// brokenCases is the table both stores must answer alike.
func brokenCases() []brokenCase {
	return append(append(referenceCases(), calendarCases()...), append(ruleCases(), passingCases()...)...)
}

func referenceCases() []brokenCase {
	return []brokenCase{
		{"unknown teacher", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, SubjectRef: SubjMath, TeacherRef: "t-nobody", Lesson: newLesson("l-new")}}
			g := mathGrade(0, "gr-new", StudentBelov, "2026-09-14")
			g.TeacherRef = "t-nobody2"
			b.Grades = []diary.GradeIn{g}
			return b
		}, []diary.ItemError{
			item("lessons", 0, "teacher", `нет такого учителя "t-nobody"`),
			item("grades", 0, "teacher", `нет такого учителя "t-nobody2"`),
		}, nil},
		{"unknown class", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Staff = []diary.StaffIn{{Src: src("staff", 0), Staff: diary.Staff{ExtID: "t-new", Name: diary.Name{Last: "Романова", First: "Ольга"}},
				Roles: []diary.StaffRoleIn{{Role: diary.RoleClassTeacher, ClassRef: "9z"}}}}
			b.Students = []diary.StudentIn{{Src: src("students", 0), ClassRef: "9z", Student: newStudent("st-new", "Новиков", "Олег")}}
			b.Groups = []diary.GroupIn{{Src: src("groups", 0), ClassRef: "9y", Group: diary.Group{ExtID: "g-new", Name: "Группа"}}}
			b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: "9x", SubjectRef: SubjMath, Lesson: newLesson("l-new")}}
			b.Grades = []diary.GradeIn{mathGrade(0, "gr-new", "st-new", "2026-09-14")}
			return b
		}, []diary.ItemError{
			item("staff", 0, "class", `нет такого класса "9z"`),
			item("students", 0, "class", `нет такого класса "9z"`),
			item("groups", 0, "class", `нет такого класса "9y"`),
			item("lessons", 0, "class", `нет такого класса "9x"`),
		}, nil},
		{"unknown student", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Groups = []diary.GroupIn{{Src: src("groups", 0), ClassRef: Class5A, Group: diary.Group{ExtID: GroupEng, Name: "5А английский"},
				StudentRefs: []string{StudentBelov, "st-a"}}}
			b.Guardians = []diary.GuardianIn{{Src: src("guardians", 0), StudentRefs: []string{"st-b", "st-c"}, Guardian: diary.Guardian{
				ExtID: "gd-new", Name: diary.Name{Last: "Носова", First: "Вера"}, Kind: diary.Parent}}}
			b.Grades = []diary.GradeIn{mathGrade(0, "gr-new", "st-d", "2026-09-14")}
			b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: "st-e", LessonRef: LessonMath0907, Mark: diary.Absent}}
			b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), StudentRef: "st-f", SubjectRef: SubjMath,
				Homework: diary.Homework{ExtID: "hw-new", Date: d("2026-09-10"), Text: "Задание"}}}
			b.Finals = []diary.FinalIn{{Src: src("finals", 0), StudentRef: "st-g", SubjectRef: SubjMath, YearRef: YearName,
				Final: diary.FinalGrade{Kind: diary.FinalYear, Value: 4}}}
			return b
		}, []diary.ItemError{
			item("groups", 0, "student", `нет такого ученика "st-a"`),
			item("guardians", 0, "student", `нет такого ученика "st-b"`),
			item("guardians", 0, "student", `нет такого ученика "st-c"`),
			item("grades", 0, "student", `нет такого ученика "st-d"`),
			item("attendance", 0, "student", `нет такого ученика "st-e"`),
			item("homework", 0, "student", `нет такого ученика "st-f"`),
			item("finals", 0, "student", `нет такого ученика "st-g"`),
		}, nil},
		{"unknown lesson, subject, group, year and period", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Periods = []diary.PeriodIn{{Src: src("periods", 0), YearRef: "1999/2000", Period: diary.Period{ExtID: "q9",
				Name: "9 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2000-01-10"), End: d("2000-03-20")}}}
			b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, GroupRef: "g-nope", SubjectRef: "chem", Lesson: newLesson("l-new")}}
			b.Grades = []diary.GradeIn{{Src: src("grades", 0), StudentRef: StudentBelov, LessonRef: "l-nope", Grade: newGrade("gr-new", 4)}}
			b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: "l-nope", Mark: diary.Absent}}
			b.Finals = []diary.FinalIn{{Src: src("finals", 0), StudentRef: StudentBelov, SubjectRef: SubjMath, YearRef: "2030/2031",
				PeriodRef: "q7", Final: diary.FinalGrade{Kind: diary.FinalPeriod, Value: 4}}}
			return b
		}, []diary.ItemError{
			item("periods", 0, "year", `нет такого учебного года "1999/2000"`),
			item("lessons", 0, "group", `нет такой группы "g-nope"`),
			item("lessons", 0, "subject", `нет такого предмета "chem"`),
			item("grades", 0, "lesson", `нет такого урока "l-nope"`),
			item("attendance", 0, "lesson", `нет такого урока "l-nope"`),
			item("finals", 0, "year", `нет такого учебного года "2030/2031"`),
			item("finals", 0, "period", `нет такого учебного периода "q7"`),
		}, nil},
		{"group of another class, deleted records that are not stored", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5B, GroupRef: GroupEng, SubjectRef: SubjEng, Lesson: newLesson("l-new")}}
			b.Grades = []diary.GradeIn{{Src: src("grades", 0), Grade: diary.Grade{ExtID: "gr-never"}, Deleted: true}}
			b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), Homework: diary.Homework{ExtID: "hw-never"}, Deleted: true}}
			return b
		}, []diary.ItemError{
			item("lessons", 0, "group", `группа "5a-eng" не из класса "5b"`),
			item("grades", 0, "id", `нет такой оценки "gr-never"`),
			item("homework", 0, "id", `нет такого задания "hw-never"`),
		}, nil},
	}
}

func calendarCases() []brokenCase {
	period := func(i int, ext string, lo, hi int, start, end string) diary.PeriodIn {
		return diary.PeriodIn{Src: src("periods", i), YearRef: YearName, Period: diary.Period{ExtID: ext, Name: ext,
			Kind: diary.Quarter, MinLevel: lo, MaxLevel: hi, Start: d(start), End: d(end)}}
	}
	return []brokenCase{
		{"overlapping periods", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Periods = []diary.PeriodIn{
				period(0, "x1", 1, 4, "2026-10-20", "2026-11-07"),
				period(1, "x2", 11, 11, "2027-06-01", "2027-06-30"),
				period(2, "x3", 11, 11, "2027-06-30", "2027-07-10"),
			}
			return b
		}, []diary.ItemError{
			item("periods", 0, "start", "период пересекается с периодом «1 четверть» (q1) по классам и датам"),
			item("periods", 0, "start", "период пересекается с периодом «2 четверть» (q2) по классам и датам"),
			item("periods", 1, "start", "период пересекается с периодом «x3» (x3) по классам и датам"),
			item("periods", 2, "start", "период пересекается с периодом «x2» (x2) по классам и датам"),
		}, nil},
		{"grade outside any period", func() *diary.Batch {
			return withGrades(
				mathGrade(0, "gr-a", StudentBelov, "2026-10-28"),  // the autumn vacation: no quarter
				mathGrade(1, "gr-b", StudentBelova, "2026-10-28"), // within the first half: fine
				mathGrade(2, "gr-c", StudentBelov, "2026-07-15"),
				mathGrade(3, "gr-d", StudentErshov, "2027-05-27"))
		}, []diary.ItemError{
			item("grades", 0, "date", "дата 2026-10-28 не входит ни в один учебный период 5 класса"),
			item("grades", 2, "date", "дата 2026-07-15 не входит ни в один учебный период 5 класса"),
			item("grades", 3, "date", "дата 2027-05-27 не входит ни в один учебный период 10 класса"),
		}, nil},
		{"bad date order", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Years = []diary.YearIn{{Src: src("years", 0), Year: diary.AcademicYear{Name: "2027/2028", Start: d("2028-08-31"), End: d("2027-09-01")}}}
			b.Periods = []diary.PeriodIn{period(0, "x1", 1, 9, "2027-09-30", "2027-09-01")}
			b.DaysOff = []diary.DayOffIn{{Src: src("days_off", 0), DayOff: diary.DayOff{Name: "Каникулы", Kind: diary.Vacation,
				Start: d("2027-01-10"), End: d("2027-01-01")}}}
			b.Staff = []diary.StaffIn{{Src: src("staff", 0), Staff: diary.Staff{ExtID: "t-new", Name: diary.Name{Last: "Романова", First: "Ольга"},
				ActiveFrom: d("2026-09-01"), ActiveTo: d("2026-08-31")}, Roles: []diary.StaffRoleIn{{Role: diary.RoleTeacher}}}}
			return b
		}, []diary.ItemError{
			item("years", 0, "end", "дата окончания раньше даты начала"),
			item("periods", 0, "end", "дата окончания раньше даты начала"),
			item("days_off", 0, "end", "дата окончания раньше даты начала"),
			item("staff", 0, "active_to", "дата окончания раньше даты начала"),
		}, nil},
		{"a changed period leaves stored grades outside every period", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			q1 := smallPeriods()[0]
			q1.Period.Start = d("2026-09-08")
			b.Periods = []diary.PeriodIn{q1}
			return b
		}, []diary.ItemError{
			item("periods", 0, "start", "оценка за 2026-09-07 (5 класс) после изменения не входит ни в один период"),
		}, nil},
	}
}

func ruleCases() []brokenCase {
	grade := func(i, value int, mark string, weight int) diary.GradeIn {
		return diary.GradeIn{Src: src("grades", i), StudentRef: StudentBelov, LessonRef: LessonMath0907,
			Grade: diary.Grade{ExtID: fmt.Sprintf("gr-rule-%d", i), Value: value, Mark: mark, Weight: weight}}
	}
	return []brokenCase{
		{"duplicate ext id", func() *diary.Batch {
			b := onlyCode(SchoolCode)
			b.Subjects = []diary.SubjectIn{
				{Src: src("subjects", 0), Subject: diary.Subject{ExtID: "chem", Name: "Химия"}},
				{Src: src("subjects", 1), Subject: diary.Subject{ExtID: "chem", Name: "Химия и биология"}},
			}
			b.Grades = []diary.GradeIn{grade(0, 4, "", 100), grade(1, 5, "", 100)}
			b.Grades[1].Grade.ExtID = b.Grades[0].Grade.ExtID
			return b
		}, []diary.ItemError{
			item("subjects", 1, "id", "повторяется: такая запись уже есть (subjects.csv:2)"),
			item("grades", 1, "id", "повторяется: такая запись уже есть (grades.csv:2)"),
		}, nil},
		{"values the schema's CHECKs refuse", func() *diary.Batch {
			b := withGrades(grade(0, 7, "", 100), grade(1, 0, "", 100), grade(2, 4, diary.MarkPass, 100),
				grade(3, 0, "отл", 100), grade(4, 5, "", 0), grade(5, 5, "", 2500), grade(6, 5, "", 100))
			b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, SubjectRef: SubjMath, Lesson: newLesson("l-new")}}
			b.Lessons[0].Lesson.Number = 13
			b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: LessonMath0907, Mark: "x"}}
			b.Classes = []diary.ClassIn{{Src: src("classes", 0), Class: diary.Class{ExtID: "12a", Name: "12А", Level: 12}}}
			return b
		}, []diary.ItemError{
			item("classes", 0, "level", "параллель класса должна быть от 1 до 11"),
			item("lessons", 0, "number", "номер урока должен быть от 1 до 12"),
			item("grades", 0, "value", "оценка должна быть от 1 до 5 или зач/незач/н/а/осв"),
			item("grades", 1, "value", "оценка должна быть от 1 до 5 или зач/незач/н/а/осв"),
			item("grades", 2, "value", "укажите либо балл от 1 до 5, либо зач/незач/н/а/осв, но не оба"),
			item("grades", 3, "value", "оценка должна быть от 1 до 5 или зач/незач/н/а/осв"),
			item("grades", 4, "weight", "вес оценки должен быть больше 0 и не больше 20"),
			item("grades", 5, "weight", "вес оценки должен быть больше 0 и не больше 20"),
			item("attendance", 0, "mark", "отметка посещаемости должна быть н, б, у, п или оп"),
		}, nil},
		{"several problems of one batch, each on its item", mixedBatch, []diary.ItemError{
			item("subjects", 0, "name", "не указано название"),
			item("students", 0, "name", "не указаны фамилия и имя"),
			item("students", 0, "class", `нет такого класса "9z"`),
			item("students", 1, "class", "не указан класс"),
			item("lessons", 0, "date", "не указана дата"),
			item("lessons", 0, "subject", `нет такого предмета "chem"`),
			item("lessons", 0, "teacher", `нет такого учителя "t-nobody"`),
			item("grades", 0, "student", "не указан ученик"),
			item("grades", 0, "lesson", `нет такого урока "l-nope"`),
			item("grades", 1, "weight", "вес оценки должен быть больше 0 и не больше 20"),
			item("grades", 1, "student", `нет такого ученика "st-nobody"`),
			item("grades", 2, "date", "дата 2026-08-15 не входит ни в один учебный период 5 класса"),
			item("homework", 0, "text", "не указан текст задания"),
			item("homework", 0, "lesson", `нет такого урока "l-nope"`),
		}, nil},
	}
}

// mixedBatch breaks records in several ways at once: an item's own fields
// and its references are all reported, each once.
func mixedBatch() *diary.Batch {
	b := onlyCode(SchoolCode)
	b.Subjects = []diary.SubjectIn{{Src: src("subjects", 0), Subject: diary.Subject{ExtID: "bio"}}}
	b.Students = []diary.StudentIn{
		{Src: src("students", 0), ClassRef: "9z", Student: diary.Student{ExtID: "st-new"}},
		{Src: src("students", 1), Student: newStudent("st-new2", "Павлов", "Роман")},
	}
	b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, SubjectRef: "chem", TeacherRef: "t-nobody",
		Lesson: diary.Lesson{ExtID: "l-new", Number: 1}}}
	b.Grades = []diary.GradeIn{
		{Src: src("grades", 0), LessonRef: "l-nope", Grade: newGrade("gr-a", 4)},
		{Src: src("grades", 1), StudentRef: "st-nobody", LessonRef: LessonMath0907, Grade: diary.Grade{ExtID: "gr-b", Value: 4}},
		mathGrade(2, "gr-c", StudentBelov, "2026-08-15"),
		mathGrade(3, "gr-d", "st-new", "2026-09-15"), // a student with a broken class: no period is looked for
	}
	b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), StudentRef: StudentBelov, LessonRef: "l-nope",
		Homework: diary.Homework{ExtID: "hw-new"}}}
	return b
}

func passingCases() []brokenCase {
	return []brokenCase{
		{"a grade in the autumn vacation of a class with halves", func() *diary.Batch {
			return withGrades(mathGrade(0, "gr-ok", StudentBelova, "2026-10-28"))
		}, nil, map[string]diary.Counts{diary.KindGrades: {Added: 1}}},
		{"a deleted stored grade and a removed mark", func() *diary.Batch {
			b := withGrades(diary.GradeIn{Src: src("grades", 0), Grade: diary.Grade{ExtID: "gr-belov-math-1"}, Deleted: true})
			b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: LessonMath0908}}
			return b
		}, nil, map[string]diary.Counts{diary.KindGrades: {Removed: 1}, diary.KindAttendance: {Removed: 1}}},
	}
}

// testBroken applies every case over SmallSchool: a broken batch is refused
// with exactly its problems and changes nothing; a sound one passes with its
// counts. In a dry run nothing is written either way.
func testBroken(t *testing.T, f *fixture, dryRun bool) {
	r := f.small(t)
	for _, tc := range brokenCases() {
		t.Run(tc.name, func(t *testing.T) {
			before := f.everything(t, r)
			res, err := f.s.Apply(t.Context(), tc.batch(), diary.ApplyOptions{DryRun: dryRun})
			if tc.problems == nil {
				must(t, err, "apply")
				wantCounts(t, res.Counts, tc.counts)
				if dryRun {
					equal(t, "stored rows after a dry run", f.everything(t, r), before)
				}
				return
			}
			wantExactly(t, err, tc.problems)
			equal(t, "result of a refused batch", res, diary.ApplyResult{})
			equal(t, "stored rows after a refused batch", f.everything(t, r), before)
		})
	}
}

// wantExactly checks that err is a *ValidationError with exactly want, in order.
func wantExactly(t *testing.T, err error, want []diary.ItemError) {
	t.Helper()
	var ve *diary.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *diary.ValidationError", err)
	}
	if !isInvalid(err) {
		t.Errorf("errors.Is(err, EInvalid) = false for %v", err)
	}
	if got, w := problemLines(ve.Items), problemLines(want); got != w {
		t.Errorf("problems:\n%s\nwant:\n%s", got, w)
	}
}

// problemLines formats problems one a line as file:line field: text.
func problemLines(items []diary.ItemError) string {
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "  %s:%d %s: %s\n", it.Src.File, it.Src.Line, it.Field, it.Msg)
	}
	return b.String()
}
