package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func applyTests() []contractTest {
	return []contractTest{
		{"Apply/NewBatchCountsAdded", testApplyNew},
		{"Apply/SameBatchAgainUnchanged", testApplyIdempotent},
		{"Apply/OneFieldChanged", testApplyOneFieldChanged},
		{"Apply/ReferencesToStoredRows", testApplyRefsToStored},
		{"Apply/ReferencesWithinBatch", testApplyRefsWithinBatch},
		{"Apply/GradeTakesLessonSubjectDate", testApplyGradeFromLesson},
		{"Apply/SchoolCreatedAndUpdated", testApplySchoolUpsert},
		{"Apply/SchoolMustExistWithoutName", testApplySchoolMustExist},
		{"Apply/ExtIDsPerSchool", testApplyExtIDsPerSchool},
		{"Apply/DryRunNewSchool", testApplyDryRunNew},
		{"Apply/DryRunChangesNothing", testApplyDryRunChanges},
		{"Apply/FinalGrades", testApplyFinals},
	}
}

func testApplyNew(t *testing.T, f *fixture) {
	b := SmallSchool()
	res := f.apply(t, b)
	wantCounts(t, res.Counts, allAdded(b))
	school, err := f.s.SchoolByCode(t.Context(), SchoolCode)
	must(t, err, "school by code")
	equal(t, "result school id", res.SchoolID, school.ID)
	equal(t, "marked left", len(res.MarkedLeft), 0)
}

// Rows equal to the stored ones are not rewritten: their UpdatedAt stays.
func testApplyIdempotent(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	before, err := f.s.Student(ctx, belov)
	must(t, err, "student")
	grades, err := f.s.Grades(ctx, belov, r.Period(t, PeriodQ1), 0)
	must(t, err, "grades")
	f.clock.Advance(time.Hour)
	b := SmallSchool()
	res := f.apply(t, b)
	wantCounts(t, res.Counts, allUnchanged(b))
	equal(t, "result school id", res.SchoolID, r.School.ID)
	after, err := f.s.Student(ctx, belov)
	must(t, err, "student")
	sameInstant(t, "student UpdatedAt after unchanged apply", after.UpdatedAt, before.UpdatedAt)
	again, err := f.s.Grades(ctx, belov, r.Period(t, PeriodQ1), 0)
	must(t, err, "grades")
	equal(t, "grades after unchanged apply", again, grades)
}

// changeCase changes one field of one record of SmallSchool.
type changeCase struct {
	name   string
	kind   string
	mutate func(b *diary.Batch)
}

var changeCases = []changeCase{
	{"year end", diary.KindYears, func(b *diary.Batch) { b.Years[0].Year.End = d("2027-06-30") }},
	{"period name", diary.KindPeriods, func(b *diary.Batch) { b.Periods[1].Period.Name = "Вторая четверть" }},
	{"period end", diary.KindPeriods, func(b *diary.Batch) { b.Periods[3].Period.End = d("2027-05-25") }},
	{"day off end", diary.KindDaysOff, func(b *diary.Batch) { b.DaysOff[4].DayOff.End = d("2027-03-29") }},
	{"day off kind", diary.KindDaysOff, func(b *diary.Batch) { b.DaysOff[1].DayOff.Kind = diary.Vacation }},
	{"subject short name", diary.KindSubjects, func(b *diary.Batch) { b.Subjects[0].Subject.Short = "Мат." }},
	{"class name", diary.KindClasses, func(b *diary.Batch) { b.Classes[2].Class.Name = "5В" }},
	{"staff email", diary.KindStaff, func(b *diary.Batch) { b.Staff[2].Staff.Email = "anna@school.test" }},
	{"staff active to", diary.KindStaff, func(b *diary.Batch) { b.Staff[6].Staff.ActiveTo = d("2027-06-30") }},
	{"staff roles", diary.KindStaff, func(b *diary.Batch) { b.Staff[4].Roles = b.Staff[4].Roles[:1] }},
	{"student phone", diary.KindStudents, func(b *diary.Batch) { b.Students[1].Student.Phone = "+79123339999" }},
	{"student middle name", diary.KindStudents, func(b *diary.Batch) { b.Students[5].Student.Name.Middle = "Олегович" }},
	{"group name", diary.KindGroups, func(b *diary.Batch) { b.Groups[1].Group.Name = "5А нем. яз." }},
	{"group members", diary.KindGroups, func(b *diary.Batch) { b.Groups[0].StudentRefs = []string{StudentBelov} }},
	{"guardian email", diary.KindGuardians, func(b *diary.Batch) { b.Guardians[1].Guardian.Email = "g@mail.test" }},
	{"guardian kind", diary.KindGuardians, func(b *diary.Batch) { b.Guardians[2].Guardian.Kind = diary.Representative }},
	{"lesson topic", diary.KindLessons, func(b *diary.Batch) { b.Lessons[0].Lesson.Topic = "Запись чисел" }},
	{"lesson homework", diary.KindLessons, func(b *diary.Batch) { b.Lessons[3].Lesson.Homework = "Seite 5" }},
	{"lesson number", diary.KindLessons, func(b *diary.Batch) { b.Lessons[6].Lesson.Number = 3 }},
	{"grade value", diary.KindGrades, func(b *diary.Batch) { b.Grades[0].Grade.Value = 4 }},
	{"grade weight", diary.KindGrades, func(b *diary.Batch) { b.Grades[1].Grade.Weight = 300 }},
	{"grade mark", diary.KindGrades, func(b *diary.Batch) { b.Grades[4].Grade.Mark = diary.MarkFail }},
	{"grade description", diary.KindGrades, func(b *diary.Batch) { b.Grades[3].Grade.Description = "Диалог" }},
	{"grade work type", diary.KindGrades, func(b *diary.Batch) { b.Grades[6].Grade.WorkType = "тест" }},
	{"attendance mark", diary.KindAttendance, func(b *diary.Batch) { b.Attendance[1].Mark = diary.Excused }},
	{"homework text", diary.KindHomework, func(b *diary.Batch) { b.Homework[0].Homework.Text = "Таблица на 8" }},
	{"homework date", diary.KindHomework, func(b *diary.Batch) { b.Homework[2].Homework.Date = d("2026-09-16") }},
	{"final value", diary.KindFinals, func(b *diary.Batch) { b.Finals[0].Final.Value = 5 }},
}

// Each change counts as Changed; applying the original again counts it as
// Changed once more, which shows the change was written.
func testApplyOneFieldChanged(t *testing.T, f *fixture) {
	f.apply(t, SmallSchool())
	for _, tc := range changeCases {
		t.Run(tc.name, func(t *testing.T) {
			b := SmallSchool()
			tc.mutate(b)
			wantCounts(t, f.apply(t, b).Counts, oneChanged(b, tc.kind))
			base := SmallSchool()
			wantCounts(t, f.apply(t, base).Counts, oneChanged(base, tc.kind))
		})
	}
}

// oneChanged returns the counts of b with one record of kind changed.
func oneChanged(b *diary.Batch, kind string) map[string]diary.Counts {
	want := allUnchanged(b)
	c := want[kind]
	c.Unchanged--
	c.Changed++
	want[kind] = c
	return want
}

func testApplyRefsToStored(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, GroupRef: GroupEng, SubjectRef: SubjEng,
		TeacherRef: StaffSmirnova, Lesson: diary.Lesson{ExtID: "l-new", Date: d("2026-09-14"), Number: 5, Topic: "Colours"}}}
	b.Grades = []diary.GradeIn{{Src: src("grades", 0), StudentRef: StudentVolkov, LessonRef: "l-new",
		Grade: diary.Grade{ExtID: "gr-new", Value: 5, Weight: diary.WeightOne, WorkType: "ответ на уроке"}}}
	b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: "l-new", Mark: diary.Absent}}
	b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), StudentRef: StudentGuseva, SubjectRef: SubjGer,
		Homework: diary.Homework{ExtID: "hw-new", Date: d("2026-09-15"), Text: "Lernen"}}}
	wantCounts(t, f.apply(t, b).Counts, allAdded(b))

	lesson := onlyLesson(t, f, id(t, r.Classes, Class5A), id(t, r.Subjects, SubjEng), d("2026-09-14"))
	equal(t, "new lesson", lesson, diary.Lesson{ID: lesson.ID, SchoolID: r.School.ID, ExtID: "l-new",
		ClassID: id(t, r.Classes, Class5A), GroupID: id(t, r.Groups, GroupEng), SubjectID: id(t, r.Subjects, SubjEng),
		TeacherID: id(t, r.Staff, StaffSmirnova), Date: d("2026-09-14"), Number: 5, Topic: "Colours"})
	f.checkNewJournalRows(t, r, lesson)
}

// onlyLesson returns the one lesson of a class and subject on day, failing
// the test unless there is exactly one.
func onlyLesson(t *testing.T, f *fixture, classID, subjectID int64, day diary.Date) diary.Lesson {
	t.Helper()
	ls, err := f.s.ClassLessons(t.Context(), classID, subjectID, day, day)
	must(t, err, "class lessons")
	if len(ls) != 1 {
		t.Fatalf("lessons on %s = %+v, want one", day, ls)
	}
	return ls[0]
}

func (f *fixture) checkNewJournalRows(t *testing.T, r *Refs, lesson diary.Lesson) {
	t.Helper()
	ctx := t.Context()
	grades, err := f.s.Grades(ctx, id(t, r.Students, StudentVolkov), r.Period(t, PeriodQ1), lesson.SubjectID)
	must(t, err, "grades")
	if len(grades) != 1 || grades[0].LessonID != lesson.ID || grades[0].ExtID != "gr-new" {
		t.Errorf("grades of the new lesson = %+v", grades)
	}
	att, err := f.s.Attendance(ctx, id(t, r.Students, StudentBelov), lesson.Date, lesson.Date)
	must(t, err, "attendance")
	equal(t, "attendance", att, []diary.Attendance{{ID: firstID(att, func(a diary.Attendance) int64 { return a.ID }),
		SchoolID: r.School.ID, StudentID: id(t, r.Students, StudentBelov), LessonID: lesson.ID,
		SubjectID: lesson.SubjectID, Date: lesson.Date, Number: 5, Mark: diary.Absent}})
	hw, err := f.s.Homework(ctx, id(t, r.Students, StudentGuseva), d("2026-09-15"), d("2026-09-15"))
	must(t, err, "homework")
	equal(t, "homework", hw, []diary.Homework{{ID: firstID(hw, func(h diary.Homework) int64 { return h.ID }),
		SchoolID: r.School.ID, ExtID: "hw-new", StudentID: id(t, r.Students, StudentGuseva),
		SubjectID: id(t, r.Subjects, SubjGer), Date: d("2026-09-15"), Text: "Lernen"}})
}

// firstID returns the id of the first of xs, 0 when there is none.
func firstID[T any](xs []T, idOf func(T) int64) int64 {
	if len(xs) == 0 {
		return 0
	}
	return idOf(xs[0])
}

// The fixture's references among its own records resolve to the stored ids.
func testApplyRefsWithinBatch(t *testing.T, f *fixture) {
	r := f.small(t)
	eng := onlyLesson(t, f, id(t, r.Classes, Class5A), id(t, r.Subjects, SubjEng), d("2026-09-07"))
	equal(t, "group lesson", eng, diary.Lesson{ID: id(t, r.Lessons, LessonEng0907), SchoolID: r.School.ID,
		ExtID: LessonEng0907, ClassID: id(t, r.Classes, Class5A), GroupID: id(t, r.Groups, GroupEng),
		SubjectID: id(t, r.Subjects, SubjEng), TeacherID: id(t, r.Staff, StaffSmirnova),
		Date: d("2026-09-07"), Number: 3, Topic: "Greetings", Homework: "Выучить слова"})
	rus := onlyLesson(t, f, id(t, r.Classes, Class5A), id(t, r.Subjects, SubjRus), d("2026-09-10"))
	equal(t, "lesson without a teacher", rus.TeacherID, int64(0))
	equal(t, "whole-class lesson group", rus.GroupID, int64(0))
	hw, err := f.s.Homework(t.Context(), id(t, r.Students, StudentBelov), d("2026-09-10"), d("2026-09-10"))
	must(t, err, "homework")
	if len(hw) != 1 || hw[0].LessonID != id(t, r.Lessons, LessonMath0908) {
		t.Errorf("homework tied to a lesson = %+v", hw)
	}
	for ext, p := range r.Periods {
		equal(t, "year of period "+ext, p.YearID, id(t, r.Years, YearName))
	}
}

// With LessonRef set and no subject, teacher or date, a grade takes the lesson's.
func testApplyGradeFromLesson(t *testing.T, f *fixture) {
	r := f.small(t)
	grades, err := f.s.Grades(t.Context(), id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1), 0)
	must(t, err, "grades")
	if len(grades) == 0 {
		t.Fatal("no grades")
	}
	got := grades[0]
	sameInstant(t, "UpdatedAt", got.UpdatedAt, Start)
	want := diary.Grade{ID: got.ID, SchoolID: r.School.ID, ExtID: "gr-belov-math-1",
		StudentID: id(t, r.Students, StudentBelov), SubjectID: id(t, r.Subjects, SubjMath),
		LessonID: id(t, r.Lessons, LessonMath0907), TeacherID: id(t, r.Staff, StaffIvanova),
		PeriodID: r.Period(t, PeriodQ1), Date: d("2026-09-07"), Value: 5, WorkType: "ответ на уроке",
		Weight: 100, Description: "Устный счёт", UpdatedAt: got.UpdatedAt}
	equal(t, "grade from lesson", got, want)
}

func testApplySchoolUpsert(t *testing.T, f *fixture) {
	b := SmallSchool()
	res := f.apply(t, b)
	got := f.school(t, res.SchoolID)
	sameInstant(t, "CreatedAt", got.CreatedAt, Start)
	want := b.School
	want.ID, want.CreatedAt = res.SchoolID, got.CreatedAt
	equal(t, "school", got, want)

	f.clock.Advance(24 * time.Hour)
	b = SmallSchool()
	b.School.Name, b.School.ReplyRule, b.School.ReplyDays, b.School.SchoolDays = "Школа № 2", diary.ReplySchoolDays, 3, 6
	f.apply(t, b)
	want.Name, want.ReplyRule, want.ReplyDays, want.SchoolDays = "Школа № 2", diary.ReplySchoolDays, 3, 6
	equal(t, "updated school", f.school(t, res.SchoolID), want)

	// A batch naming the school by code only leaves it as it is.
	f.apply(t, onlyCode(SchoolCode))
	equal(t, "school after a code-only batch", f.school(t, res.SchoolID), want)
}

// school returns the school with id, failing the test on error.
func (f *fixture) school(t *testing.T, id int64) diary.School {
	t.Helper()
	s, err := f.s.School(t.Context(), id)
	must(t, err, "school %d", id)
	return s
}

// A batch without a school name needs a stored school with its code; the
// error is ErrNotFound and nothing is written.
func testApplySchoolMustExist(t *testing.T, f *fixture) {
	b := onlyCode("no-such-school")
	b.Subjects = smallSubjects()
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	wantNotFound(t, err, "apply to an unknown school")
	schools, err := f.s.Schools(t.Context())
	must(t, err, "schools")
	equal(t, "schools", len(schools), 0)
}

// Journal ids are a school's own: another school may use the same ones.
func testApplyExtIDsPerSchool(t *testing.T, f *fixture) {
	first := f.small(t)
	b := SmallSchoolNamed("other-school", "Другая школа")
	res := f.apply(t, b)
	wantCounts(t, res.Counts, allAdded(b))
	other := Resolve(t, f.s, b)
	if other.School.ID == first.School.ID || other.Students[StudentBelov] == first.Students[StudentBelov] {
		t.Errorf("second school shares ids with the first: %d/%d", other.School.ID, first.School.ID)
	}
	again := Resolve(t, f.s, SmallSchool())
	equal(t, "first school's students", again.Students, first.Students)
	equal(t, "first school's lessons", again.Lessons, first.Lessons)
}

// A dry run reports exactly what a real run does, and writes nothing.
func testApplyDryRunNew(t *testing.T, f *fixture) {
	dry := f.applyOpt(t, SmallSchool(), diary.ApplyOptions{DryRun: true})
	wantCounts(t, dry.Counts, allAdded(SmallSchool()))
	schools, err := f.s.Schools(t.Context())
	must(t, err, "schools")
	equal(t, "schools after a dry run", len(schools), 0)
	_, err = f.s.SchoolByCode(t.Context(), SchoolCode)
	wantNotFound(t, err, "school after a dry run")
	wantCounts(t, f.apply(t, SmallSchool()).Counts, dry.Counts)
}

func testApplyDryRunChanges(t *testing.T, f *fixture) {
	r := f.small(t)
	b := changedBatch()
	want := allUnchanged(b)
	want[diary.KindGrades] = diary.Counts{Changed: 1, Unchanged: len(b.Grades) - 1}
	want[diary.KindSubjects] = diary.Counts{Added: 1, Unchanged: len(b.Subjects) - 1}
	want[diary.KindAttendance] = diary.Counts{Removed: 1, Unchanged: len(b.Attendance) - 1}
	before := f.snapshot(t, r)
	wantCounts(t, f.applyOpt(t, b, diary.ApplyOptions{DryRun: true}).Counts, want)
	equal(t, "stored rows after a dry run", f.snapshot(t, r), before)
	wantCounts(t, f.apply(t, changedBatch()).Counts, want)
	if after := f.snapshot(t, r); reflect.DeepEqual(after, before) {
		t.Error("the real run changed nothing")
	}
}

// changedBatch is SmallSchool with a grade changed, a subject added and an
// attendance mark removed.
func changedBatch() *diary.Batch {
	b := SmallSchool()
	b.Grades[0].Grade.Value = 2
	b.Subjects = append(b.Subjects, diary.SubjectIn{Src: src("subjects", 5), Subject: diary.Subject{ExtID: "chem", Name: "Химия"}})
	b.Attendance[0].Mark = ""
	return b
}

// snapshot reads what changedBatch touches.
type snapshot struct {
	Subjects   []diary.Subject
	Grades     []diary.Grade
	Attendance []diary.Attendance
	Aggregates []diary.Aggregate
}

func (f *fixture) snapshot(t *testing.T, r *Refs) snapshot {
	t.Helper()
	ctx, belov, q1 := t.Context(), id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1)
	var s snapshot
	var err error
	s.Subjects, err = f.s.Subjects(ctx, r.School.ID)
	must(t, err, "subjects")
	s.Grades, err = f.s.Grades(ctx, belov, q1, 0)
	must(t, err, "grades")
	s.Attendance, err = f.s.Attendance(ctx, belov, wideFrom, wideTo)
	must(t, err, "attendance")
	s.Aggregates = f.aggregates(t, belov, q1)
	return s
}

func testApplyFinals(t *testing.T, f *fixture) {
	r := f.small(t)
	belov, year := id(t, r.Students, StudentBelov), id(t, r.Years, YearName)
	final := func(subj string, kind diary.FinalKind, period int64, value int, mark string) diary.FinalGrade {
		return diary.FinalGrade{SchoolID: r.School.ID, StudentID: belov, SubjectID: id(t, r.Subjects, subj),
			Kind: kind, YearID: year, PeriodID: period, Value: value, Mark: mark}
	}
	q1 := r.Period(t, PeriodQ1)
	f.wantFinals(t, belov, year, final(SubjMath, diary.FinalPeriod, q1, 4, ""),
		final(SubjPE, diary.FinalPeriod, q1, 0, diary.MarkPass))

	b := onlyCode(SchoolCode)
	b.Finals = []diary.FinalIn{{Src: src("finals", 0), StudentRef: StudentBelov, SubjectRef: SubjMath, YearRef: YearName,
		Final: diary.FinalGrade{Kind: diary.FinalYear, Value: 5}}}
	wantCounts(t, f.apply(t, b).Counts, allAdded(b))
	f.wantFinals(t, belov, year, final(SubjMath, diary.FinalPeriod, q1, 4, ""),
		final(SubjMath, diary.FinalYear, 0, 5, ""), final(SubjPE, diary.FinalPeriod, q1, 0, diary.MarkPass))
	f.wantFinals(t, id(t, r.Students, StudentBelova), year)
}

// wantFinals compares a student's final grades of a year, in any order, with
// want (IDs and UpdatedAt aside; UpdatedAt must be Start).
func (f *fixture) wantFinals(t *testing.T, studentID, yearID int64, want ...diary.FinalGrade) {
	t.Helper()
	got, err := f.s.FinalGrades(t.Context(), studentID, yearID)
	must(t, err, "final grades")
	byKey := func(g diary.FinalGrade) string { return key(g.SubjectID, g.Kind) }
	sortBy(got, byKey)
	sortBy(want, byKey)
	for i := range got {
		if got[i].ID == 0 {
			t.Errorf("final grade without an id: %+v", got[i])
		}
		sameInstant(t, "final UpdatedAt", got[i].UpdatedAt, Start)
		got[i].ID, got[i].UpdatedAt = 0, time.Time{}
	}
	if len(want) == 0 {
		want = nil
	}
	if len(got) == 0 {
		got = nil
	}
	equal(t, "final grades", got, want)
}
