package storetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func diaryReadTests() []contractTest {
	return []contractTest{
		{"Diary/StudentDiary", testStudentDiary},
		{"Diary/StudentDiaryOwnGroupSubjects", testStudentDiaryGroups},
		{"Diary/StudentDiaryWithoutClass", testStudentDiaryWithoutClass},
		{"Diary/ClassSummaryEnrolledOnly", testClassSummary},
		{"Expected/SetReplacesEarlier", testExpectedReplace},
		{"Expected/SetChecksInput", testExpectedInvalid},
	}
}

// expect sets Иванова's expected grade of a student in a subject in q1.
func (f *fixture) expect(t *testing.T, r *Refs, student, subject string, value int, reason string) diary.ExpectedGrade {
	t.Helper()
	g := diary.ExpectedGrade{StudentID: id(t, r.Students, student), SubjectID: id(t, r.Subjects, subject),
		PeriodID: r.Period(t, PeriodQ1), TeacherID: id(t, r.Staff, StaffIvanova), Value: value, Reason: reason}
	must(t, f.s.SetExpectedGrade(t.Context(), g), "set expected grade")
	g.SetAt = f.clock.Now()
	return g
}

// wantExpected compares expected grades in any order, SetAt to the microsecond.
func wantExpected(t *testing.T, what string, got []diary.ExpectedGrade, want ...diary.ExpectedGrade) {
	t.Helper()
	byKey := func(g diary.ExpectedGrade) string { return key(g.StudentID, g.SubjectID) }
	sortBy(got, byKey)
	sortBy(want, byKey)
	if len(got) != len(want) {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
		return
	}
	for i := range got {
		sameInstant(t, what+" SetAt", got[i].SetAt, want[i].SetAt)
		got[i].SetAt = want[i].SetAt
	}
	equal(t, what, got, want)
}

// subjectWant is what one subject of a diary should hold.
type subjectWant struct {
	name         string
	sum, weights int64
	count        int
	final        string // the period grade's value or mark, "" for none
}

func testStudentDiary(t *testing.T, f *fixture) {
	r := f.small(t)
	belov, q1 := id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1)
	exp := f.expect(t, r, StudentBelov, SubjMath, 3, "Не написана контрольная работа")
	got, err := f.s.StudentDiary(t.Context(), belov, q1)
	must(t, err, "student diary")
	equal(t, "student", got.Student, f.student(t, belov))
	c, err := f.s.Class(t.Context(), id(t, r.Classes, Class5A))
	must(t, err, "class")
	equal(t, "class", got.Class, c)
	equal(t, "period", got.Period, r.Periods[PeriodQ1])
	f.wantSubjects(t, got, []subjectWant{
		{"Английский язык", 400, 100, 1, ""}, {"Математика", 1100, 300, 2, "4"},
		{"Русский язык", 200, 100, 1, ""}, {"Физическая культура", 0, 0, 0, diary.MarkPass},
	})
	for _, sd := range got.Subjects {
		if sd.Subject.ExtID == SubjMath {
			if sd.Expected == nil {
				t.Fatal("no expected grade in math")
			}
			wantExpected(t, "expected", []diary.ExpectedGrade{*sd.Expected}, exp)
		} else if sd.Expected != nil {
			t.Errorf("%s: expected grade %+v, want none", sd.Subject.Name, *sd.Expected)
		}
	}
}

// wantSubjects checks a diary's subjects in order: each with its own grades
// as Grades lists them, its aggregate and its period grade.
func (f *fixture) wantSubjects(t *testing.T, got diary.StudentDiary, want []subjectWant) {
	t.Helper()
	equal(t, "subjects", exts(got.Subjects, func(s diary.SubjectDiary) string { return s.Subject.Name }),
		exts(want, func(s subjectWant) string { return s.name }))
	for i, sd := range got.Subjects {
		if i >= len(want) {
			break
		}
		w := want[i]
		subj, err := f.s.Subject(t.Context(), sd.Subject.ID)
		must(t, err, "subject")
		equal(t, w.name+": subject", sd.Subject, subj)
		grades, err := f.s.Grades(t.Context(), got.Student.ID, got.Period.ID, sd.Subject.ID)
		must(t, err, "grades")
		equal(t, w.name+": grades", len(sd.Grades), len(grades))
		if len(grades) > 0 {
			equal(t, w.name+": grades", sd.Grades, grades)
		}
		a := sd.Aggregate
		equal(t, w.name+": aggregate", [3]int64{a.Sum, a.Weights, int64(a.Count)}, [3]int64{w.sum, w.weights, int64(w.count)})
		equal(t, w.name+": aggregate's student, subject, period", [3]int64{a.StudentID, a.SubjectID, a.PeriodID},
			[3]int64{got.Student.ID, sd.Subject.ID, got.Period.ID})
		equal(t, w.name+": period grade", finalText(sd.Final), w.final)
	}
}

// finalText returns a final grade's value or mark, "" for none.
func finalText(g *diary.FinalGrade) string {
	switch {
	case g == nil:
		return ""
	case g.Mark != "":
		return g.Mark
	default:
		return strconv.Itoa(g.Value)
	}
}

// A diary holds the subjects of the student's own lessons and grades only.
func testStudentDiaryGroups(t *testing.T, f *fixture) {
	r := f.small(t)
	guseva, err := f.s.StudentDiary(t.Context(), id(t, r.Students, StudentGuseva), r.Period(t, PeriodQ1))
	must(t, err, "student diary")
	f.wantSubjects(t, guseva, []subjectWant{
		{"Математика", 0, 0, 0, ""}, {"Немецкий язык", 0, 0, 0, ""},
		{"Русский язык", 0, 0, 0, ""}, {"Физическая культура", 0, 0, 0, ""},
	})
	belova, err := f.s.StudentDiary(t.Context(), id(t, r.Students, StudentBelova), r.Period(t, PeriodH1))
	must(t, err, "student diary")
	f.wantSubjects(t, belova, []subjectWant{{"Математика", 1150, 250, 2, ""}})
}

// A student who left without a class has a diary: the zero Class and the
// subjects of their grades only (here none).
func testStudentDiaryWithoutClass(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Students = []diary.StudentIn{{Src: src("students", 0), Student: diary.Student{ExtID: "st-new-left",
		Name: diary.Name{Last: "Новиков", First: "Олег"}, Status: diary.Left, LeftOn: d("2026-10-02"),
		LeftReason: diary.LeftTransferred}}}
	b.Guardians = []diary.GuardianIn{{Src: src("guardians", 0), StudentRefs: []string{"st-new-left"},
		Guardian: diary.Guardian{ExtID: "gd-novikova", Name: diary.Name{Last: "Новикова", First: "Анна"},
			Kind: diary.Parent, Phone: "+79120009900"}}}
	f.apply(t, b)
	gs, err := f.s.GuardiansByPhone(t.Context(), "+79120009900")
	must(t, err, "guardians by phone")
	if len(gs) != 1 {
		t.Fatalf("guardians by phone = %d, want 1", len(gs))
	}
	kids, err := f.s.StudentsOfGuardian(t.Context(), gs[0].ID)
	must(t, err, "students of guardian")
	if len(kids) != 1 {
		t.Fatalf("students of guardian = %d, want 1", len(kids))
	}
	got, err := f.s.StudentDiary(t.Context(), kids[0].ID, r.Period(t, PeriodQ1))
	must(t, err, "diary of a student without a class")
	equal(t, "class", got.Class, diary.Class{})
	equal(t, "student's class", got.Student.ClassID, int64(0))
	equal(t, "subjects", len(got.Subjects), 0)
}

func testClassSummary(t *testing.T, f *fixture) {
	r := f.small(t)
	e1 := f.expect(t, r, StudentBelov, SubjMath, 3, "Не написана контрольная работа")
	e2 := f.expect(t, r, StudentVolkov, SubjMath, 4, "")
	got, err := f.s.ClassSummary(t.Context(), id(t, r.Classes, Class5A), r.Period(t, PeriodQ1))
	must(t, err, "class summary")
	c, err := f.s.Class(t.Context(), id(t, r.Classes, Class5A))
	must(t, err, "class")
	equal(t, "class", got.Class, c)
	equal(t, "period", got.Period, r.Periods[PeriodQ1])
	equal(t, "students", names(got.Students), []string{"Белов Антон Игоревич", "Волков Борис Сергеевич", "Гусева Дина Павловна"})
	want := append(aggs{t, r, StudentBelov, PeriodQ1}.of(aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1},
		aggSum{SubjEng, 400, 100, 1}), aggs{t, r, StudentVolkov, PeriodQ1}.of(aggSum{SubjMath, 1150, 250, 2})...)
	byStudent := func(a diary.Aggregate) string { return key(a.StudentID, a.SubjectID) }
	sortBy(got.Aggregates, byStudent)
	sortBy(want, byStudent)
	equal(t, "aggregates (not of the left student)", got.Aggregates, want)
	wantExpected(t, "expected", got.Expected, e1, e2)

	ten, err := f.s.ClassSummary(t.Context(), id(t, r.Classes, Class10B), r.Period(t, PeriodH1))
	must(t, err, "class summary")
	equal(t, "10Б", names(ten.Students), []string{"Белова Юлия Игоревна", "Ершов Кирилл"})
	equal(t, "10Б aggregates", ten.Aggregates, aggs{t, r, StudentBelova, PeriodH1}.of(aggSum{SubjMath, 1150, 250, 2}))
}

func testExpectedReplace(t *testing.T, f *fixture) {
	r := f.small(t)
	belov, q1 := id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1)
	f.expect(t, r, StudentBelov, SubjMath, 4, "")
	f.clock.Advance(time.Hour)
	math := f.expect(t, r, StudentBelov, SubjMath, 3, "Пропущены две контрольные работы")
	rus := f.expect(t, r, StudentBelov, SubjRus, 2, "Не сданы диктанты")
	got, err := f.s.ExpectedGrades(t.Context(), belov, q1)
	must(t, err, "expected grades")
	wantExpected(t, "expected grades", got, math, rus)
	got, err = f.s.ExpectedGrades(t.Context(), belov, r.Period(t, PeriodQ2))
	must(t, err, "expected grades")
	equal(t, "expected grades of another period", len(got), 0)
}

// SetExpectedGrade takes values 1–5 and known students, subjects and periods.
func testExpectedInvalid(t *testing.T, f *fixture) {
	r := f.small(t)
	valid := diary.ExpectedGrade{StudentID: id(t, r.Students, StudentBelov), SubjectID: id(t, r.Subjects, SubjMath),
		PeriodID: r.Period(t, PeriodQ1), TeacherID: id(t, r.Staff, StaffIvanova), Value: 4}
	for _, tc := range []struct {
		name     string
		edit     func(g *diary.ExpectedGrade)
		notFound bool
	}{
		{"value 0", func(g *diary.ExpectedGrade) { g.Value = 0 }, false},
		{"value 6", func(g *diary.ExpectedGrade) { g.Value = 6 }, false},
		{"unknown student", func(g *diary.ExpectedGrade) { g.StudentID = 1 << 40 }, true},
		{"unknown subject", func(g *diary.ExpectedGrade) { g.SubjectID = 1 << 40 }, true},
		{"unknown period", func(g *diary.ExpectedGrade) { g.PeriodID = 1 << 40 }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := valid
			tc.edit(&g)
			err := f.s.SetExpectedGrade(t.Context(), g)
			if tc.notFound {
				wantNotFound(t, err, tc.name)
			} else if !isInvalid(err) {
				t.Errorf("err = %v, want EInvalid", err)
			}
		})
	}
	got, err := f.s.ExpectedGrades(t.Context(), valid.StudentID, valid.PeriodID)
	must(t, err, "expected grades")
	equal(t, "expected grades stored", len(got), 0)
}
