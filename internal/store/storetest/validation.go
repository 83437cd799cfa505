package storetest

import (
	"fmt"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func validationTests() []contractTest {
	return []contractTest{
		{"Validation/UnknownReferencesAllListedNothingWritten", testValidationRefs},
		{"Validation/NewSchoolNotCreated", testValidationNewSchool},
		{"Validation/GradeDateInNoPeriod", testValidationGradeDate},
		{"Validation/RecordRules", testValidationRules},
	}
}

// badRefsBatch mixes valid new records with records naming unknown ones.
func badRefsBatch() (*diary.Batch, []problem) {
	b := onlyCode(SchoolCode)
	b.Subjects = []diary.SubjectIn{{Src: src("subjects", 0), Subject: diary.Subject{ExtID: "chem", Name: "Химия"}}}
	b.Students = []diary.StudentIn{
		{Src: src("students", 0), ClassRef: Class5A, Student: newStudent("st-new", "Новиков", "Олег")},
		{Src: src("students", 1), ClassRef: "9z", Student: newStudent("st-bad", "Павлов", "Роман")},
	}
	b.Groups = []diary.GroupIn{{Src: src("groups", 0), ClassRef: "9z", Group: diary.Group{ExtID: "g-bad", Name: "Группа"}}}
	b.Periods = []diary.PeriodIn{{Src: src("periods", 0), YearRef: "1999/2000", Period: diary.Period{ExtID: "q9",
		Name: "9 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2000-01-10"), End: d("2000-03-20")}}}
	b.Staff = []diary.StaffIn{{Src: src("staff", 0), Staff: diary.Staff{ExtID: "t-new", Name: diary.Name{Last: "Романова", First: "Ольга"}},
		Roles: []diary.StaffRoleIn{{Role: diary.RoleClassTeacher, ClassRef: "9z"}}}}
	b.Guardians = []diary.GuardianIn{{Src: src("guardians", 0), StudentRefs: []string{"st-nobody"}, Guardian: diary.Guardian{
		ExtID: "gd-new", Name: diary.Name{Last: "Носова", First: "Вера"}, Kind: diary.Parent, Phone: "+79120009999"}}}
	b.Lessons = []diary.LessonIn{
		{Src: src("lessons", 0), ClassRef: Class5A, SubjectRef: "no-subject", Lesson: newLesson("l-bad1")},
		{Src: src("lessons", 1), ClassRef: Class5A, GroupRef: "g-nope", SubjectRef: SubjMath, TeacherRef: "t-nobody", Lesson: newLesson("l-bad2")},
	}
	b.Grades = []diary.GradeIn{
		{Src: src("grades", 0), StudentRef: "st-nobody", LessonRef: LessonMath0907, Grade: newGrade("gr-bad1", 4)},
		{Src: src("grades", 1), StudentRef: StudentBelov, LessonRef: "l-nope", Grade: newGrade("gr-bad2", 4)},
	}
	b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: "l-nope", Mark: diary.Absent}}
	b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), StudentRef: "st-nobody", SubjectRef: SubjMath,
		Homework: diary.Homework{ExtID: "hw-bad", Date: d("2026-09-10"), Text: "Задание"}}}
	b.Finals = []diary.FinalIn{{Src: src("finals", 0), StudentRef: StudentBelov, SubjectRef: SubjMath, YearRef: "2030/2031",
		PeriodRef: PeriodQ1, Final: diary.FinalGrade{Kind: diary.FinalPeriod, Value: 4}}}
	return b, []problem{
		{src("students", 1), "class"}, {src("groups", 0), "class"}, {src("periods", 0), "year"},
		{src("staff", 0), ""}, {src("guardians", 0), ""}, {src("lessons", 0), "subject"},
		{src("lessons", 1), "group"}, {src("lessons", 1), "teacher"}, {src("grades", 0), "student"},
		{src("grades", 1), "lesson"}, {src("attendance", 0), "lesson"}, {src("homework", 0), "student"},
		{src("finals", 0), "year"},
	}
}

func newStudent(ext, last, first string) diary.Student {
	return diary.Student{ExtID: ext, Name: diary.Name{Last: last, First: first}, Status: diary.Enrolled}
}

func newLesson(ext string) diary.Lesson {
	return diary.Lesson{ExtID: ext, Date: d("2026-09-14"), Number: 1, Topic: "Тема"}
}

func newGrade(ext string, value int) diary.Grade {
	return diary.Grade{ExtID: ext, Value: value, Weight: diary.WeightOne, WorkType: "ответ на уроке"}
}

// Every unknown reference is a problem with its Src and Field, and the valid
// records of the same batch are not written either.
func testValidationRefs(t *testing.T, f *fixture) {
	before := f.small(t)
	b, want := badRefsBatch()
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	wantProblems(t, err, want...)
	equal(t, "stored ids after a failed apply", Resolve(t, f.s, SmallSchool()), before)
	gs, err := f.s.GuardiansByPhone(t.Context(), "+79120009999")
	must(t, err, "guardians by phone")
	equal(t, "guardians written", len(gs), 0)
	_, err = f.s.Apply(t.Context(), b, diary.ApplyOptions{DryRun: true})
	wantProblems(t, err, want...)
}

func testValidationNewSchool(t *testing.T, f *fixture) {
	b := SmallSchool()
	b.Grades[0].StudentRef = "st-nobody"
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	wantProblems(t, err, problem{src("grades", 0), "student"})
	_, err = f.s.SchoolByCode(t.Context(), SchoolCode)
	wantNotFound(t, err, "school of a failed batch")
	schools, err := f.s.Schools(t.Context())
	must(t, err, "schools")
	equal(t, "schools", len(schools), 0)
}

// A grade whose date lies in no period of its student's class level is a
// problem on Field "date"; the same date is fine for a level whose period
// covers it (the autumn vacation lies within the first half).
func testValidationGradeDate(t *testing.T, f *fixture) {
	r := f.small(t)
	dated := func(i int, student, date string) diary.GradeIn {
		return diary.GradeIn{Src: src("grades", i), StudentRef: student, SubjectRef: SubjMath,
			Grade: diary.Grade{ExtID: fmt.Sprintf("gr-date-%d", i), Date: d(date), Value: 4, Weight: diary.WeightOne}}
	}
	b := onlyCode(SchoolCode)
	b.Grades = []diary.GradeIn{
		dated(0, StudentBelov, "2026-10-28"), dated(1, StudentBelova, "2026-10-28"),
		dated(2, StudentBelov, "2026-07-15"), dated(3, StudentErshov, "2027-05-27"),
	}
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	ve := wantProblems(t, err, problem{src("grades", 0), "date"}, problem{src("grades", 2), "date"}, problem{src("grades", 3), "date"})
	if hasProblem(ve.Items, problem{src("grades", 1), ""}) {
		t.Errorf("a grade in the first half is a problem: %v", err)
	}
	grades, err := f.s.Grades(t.Context(), id(t, r.Students, StudentBelova), r.Period(t, PeriodH1), 0)
	must(t, err, "grades")
	equal(t, "grades after a failed apply", len(grades), 2)
}

// Apply checks each record's own rules too (diary.Batch.Validate).
func testValidationRules(t *testing.T, f *fixture) {
	f.small(t)
	grade := func(i, value int, mark string, weight int) diary.GradeIn {
		return diary.GradeIn{Src: src("grades", i), StudentRef: StudentBelov, LessonRef: LessonMath0907,
			Grade: diary.Grade{ExtID: fmt.Sprintf("gr-rule-%d", i), Value: value, Mark: mark, Weight: weight}}
	}
	b := onlyCode(SchoolCode)
	b.Grades = []diary.GradeIn{
		grade(0, 7, "", 100), grade(1, 0, "", 100), grade(2, 4, diary.MarkPass, 100),
		grade(3, 0, "отл", 100), grade(4, 5, "", 0), grade(5, 5, "", 100),
	}
	b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: LessonMath0907, Mark: "x"}}
	b.Subjects = []diary.SubjectIn{ // the same id twice in one batch
		{Src: src("subjects", 0), Subject: diary.Subject{ExtID: "chem", Name: "Химия"}},
		{Src: src("subjects", 1), Subject: diary.Subject{ExtID: "chem", Name: "Химия и биология"}},
	}
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	ve := wantProblems(t, err, problem{src("grades", 0), ""}, problem{src("grades", 1), ""},
		problem{src("grades", 2), ""}, problem{src("grades", 3), ""}, problem{src("grades", 4), ""},
		problem{src("attendance", 0), ""}, problem{src("subjects", 1), ""})
	if hasProblem(ve.Items, problem{src("grades", 5), ""}) {
		t.Errorf("a valid grade is a problem: %v", err)
	}
}
