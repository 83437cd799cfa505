package storetest

import (
	"slices"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// Behaviour both stores must share where each once chose its own.
func consistencyTests() []contractTest {
	return []contractTest{
		{"Apply/LeftStudentWithoutClass", testApplyLeftWithoutClass},
		{"Apply/CountsOnlyKindsOfTheBatch", testApplyCountsKinds},
		{"Expected/RecordsOfAnotherSchoolNotFound", testExpectedOtherSchool},
		{"Expected/ErrorTexts", testExpectedErrorTexts},
	}
}

// A student who left may come without a class: a stored one keeps the
// stored class, a new one has none; both are written.
func testApplyLeftWithoutClass(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Students = smallStudents()[1:2] // Волков Борис
	b.Students = append(b.Students, diary.StudentIn{Src: src("students", 1), Student: diary.Student{
		ExtID: "st-new-left", Name: diary.Name{Last: "Новиков", First: "Олег"}}})
	for i := range b.Students {
		s := &b.Students[i]
		s.ClassRef, s.Student.Status = "", diary.Left
		s.Student.LeftOn, s.Student.LeftReason = d("2026-10-02"), diary.LeftTransferred
	}
	res := f.apply(t, b)
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindStudents: {Added: 1, Changed: 1}})
	volkov := f.student(t, id(t, r.Students, StudentVolkov))
	wantLeft(t, volkov, d("2026-10-02"), diary.LeftTransferred)
	equal(t, "Волков's class", volkov.ClassID, id(t, r.Classes, Class5A))
	g := onlyCode(SchoolCode)
	g.Guardians = []diary.GuardianIn{{Src: src("guardians", 0), StudentRefs: []string{"st-new-left"},
		Guardian: diary.Guardian{ExtID: "gd-novikova", Name: diary.Name{Last: "Новикова", First: "Анна"},
			Kind: diary.Parent, Phone: "+79120009900"}}}
	f.apply(t, g)
	gs, err := f.s.GuardiansByPhone(t.Context(), "+79120009900")
	must(t, err, "guardians by phone")
	if len(gs) != 1 {
		t.Fatalf("guardians by phone = %d, want 1", len(gs))
	}
	kids, err := f.s.StudentsOfGuardian(t.Context(), gs[0].ID)
	must(t, err, "students of guardian")
	if len(kids) != 1 || kids[0].ClassID != 0 || kids[0].Status != diary.Left {
		t.Errorf("new left student = %+v, want one, left, without a class", kids)
	}
}

// Counts has a key for each kind the batch has records of and no other;
// students a roster marks left are reported in MarkedLeft, not counted.
func testApplyCountsKinds(t *testing.T, f *fixture) {
	f.small(t)
	grades := gradeBatch(func(gs []diary.GradeIn) { gs[0].Grade.Value = 2 })
	periods := periodBatch(func([]diary.PeriodIn) {})
	for _, tc := range []struct {
		name  string
		batch *diary.Batch
		want  map[string]diary.Counts
		left  int
	}{
		{"empty", onlyCode(SchoolCode), map[string]diary.Counts{}, 0},
		{"grades", grades, map[string]diary.Counts{diary.KindGrades: {Changed: 1, Unchanged: 11}}, 0},
		{"periods", periods, map[string]diary.Counts{diary.KindPeriods: {Unchanged: 6}}, 0},
		{"roster", rosterBatch(), map[string]diary.Counts{diary.KindStudents: {Unchanged: 4}}, 1},
		{"roster marking everyone left", rosterOfNobody(), map[string]diary.Counts{}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := f.apply(t, tc.batch)
			equal(t, "kinds counted", sortedKinds(res.Counts), sortedKinds(tc.want))
			wantCounts(t, res.Counts, tc.want)
			equal(t, "marked left", len(res.MarkedLeft), tc.left)
		})
	}
}

// rosterOfNobody is a roster that lists no student: it marks every enrolled
// student left.
func rosterOfNobody() *diary.Batch {
	b := rosterBatch()
	b.Students = nil
	return b
}

// sortedKinds returns the keys of counts, sorted.
func sortedKinds(counts map[string]diary.Counts) []string {
	keys := []string{}
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// An expected grade joins a student with a subject, a period and a teacher
// of the student's school; those of another school are not found, and
// nothing is written.
func testExpectedOtherSchool(t *testing.T, f *fixture) {
	r := f.small(t)
	other := SmallSchoolNamed("other-school", "Другая школа")
	f.apply(t, other)
	ro := Resolve(t, f.s, other)
	valid := diary.ExpectedGrade{StudentID: id(t, r.Students, StudentBelov), SubjectID: id(t, r.Subjects, SubjMath),
		PeriodID: r.Period(t, PeriodQ1), TeacherID: id(t, r.Staff, StaffIvanova), Value: 4, Reason: "тест"}
	for _, tc := range []struct {
		name string
		edit func(g *diary.ExpectedGrade)
	}{
		{"subject", func(g *diary.ExpectedGrade) { g.SubjectID = id(t, ro.Subjects, SubjMath) }},
		{"period", func(g *diary.ExpectedGrade) { g.PeriodID = ro.Period(t, PeriodQ1) }},
		{"teacher", func(g *diary.ExpectedGrade) { g.TeacherID = id(t, ro.Staff, StaffIvanova) }},
		{"student", func(g *diary.ExpectedGrade) { g.StudentID = id(t, ro.Students, StudentBelov) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := valid
			tc.edit(&g)
			wantNotFound(t, f.s.SetExpectedGrade(t.Context(), g), "another school's "+tc.name)
		})
	}
	for _, st := range []int64{valid.StudentID, id(t, ro.Students, StudentBelov)} {
		got, err := f.s.ExpectedGrades(t.Context(), st, valid.PeriodID)
		must(t, err, "expected grades")
		equal(t, "expected grades stored", len(got), 0)
	}
}

// SetExpectedGrade's errors read the same in every store.
func testExpectedErrorTexts(t *testing.T, f *fixture) {
	r := f.small(t)
	valid := diary.ExpectedGrade{StudentID: id(t, r.Students, StudentBelov), SubjectID: id(t, r.Subjects, SubjMath),
		PeriodID: r.Period(t, PeriodQ1), TeacherID: id(t, r.Staff, StaffIvanova), Value: 4}
	const unknown = 1 << 40
	for _, tc := range []struct {
		name string
		edit func(g *diary.ExpectedGrade)
		want string
	}{
		{"value", func(g *diary.ExpectedGrade) { g.Value = 6 },
			"set expected grade: invalid: ожидаемая оценка должна быть от 1 до 5, а не 6"},
		{"student", func(g *diary.ExpectedGrade) { g.StudentID = unknown },
			"set expected grade: not_found: нет ученика 1099511627776"},
		{"subject", func(g *diary.ExpectedGrade) { g.SubjectID = unknown },
			"set expected grade: not_found: нет предмета 1099511627776 в школе ученика"},
		{"period", func(g *diary.ExpectedGrade) { g.PeriodID = unknown },
			"set expected grade: not_found: нет периода 1099511627776 в школе ученика"},
		{"teacher", func(g *diary.ExpectedGrade) { g.TeacherID = unknown },
			"set expected grade: not_found: нет сотрудника 1099511627776 в школе ученика"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := valid
			tc.edit(&g)
			err := f.s.SetExpectedGrade(t.Context(), g)
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
