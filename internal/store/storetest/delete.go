package storetest

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func deleteTests() []contractTest {
	return []contractTest{
		{"Delete/NumericGradeLeavesAggregate", testDeleteNumeric},
		{"Delete/LastGradeDropsAggregate", testDeleteLast},
		{"Delete/NonNumericGradeKeepsAggregate", testDeleteMark},
		{"Delete/ThenAddAgainInLaterBatch", testDeleteReAdd},
		{"Delete/UnknownIDIsLocatedProblem", testDeleteUnknown},
		{"Delete/DryRunWritesNothing", testDeleteDryRun},
		{"Delete/Homework", testDeleteHomework},
	}
}

// deleteGrades returns a batch deleting the grades with the given ext ids.
func deleteGrades(exts ...string) *diary.Batch {
	b := onlyCode(SchoolCode)
	for i, ext := range exts {
		b.Grades = append(b.Grades, diary.GradeIn{Src: src("grades", i), Grade: diary.Grade{ExtID: ext}, Deleted: true})
	}
	return b
}

// subjectGradeExts returns the ext ids of a student's grades of a period and subject.
func (f *fixture) subjectGradeExts(t *testing.T, r *Refs, student, period, subject string) []string {
	t.Helper()
	got, err := f.s.Grades(t.Context(), id(t, r.Students, student), r.Period(t, period), id(t, r.Subjects, subject))
	must(t, err, "grades")
	return exts(got, func(g diary.Grade) string { return g.ExtID })
}

func testDeleteNumeric(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.apply(t, deleteGrades("gr-belov-math-2")) // 3 × 2.00
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindGrades: {Removed: 1}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 500, 100, 1}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "math grades of Белов in q1", f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjMath), []string{"gr-belov-math-1"})
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 1150, 250, 2})
}

func testDeleteLast(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.apply(t, deleteGrades("gr-belov-math-1", "gr-belov-math-2", "gr-belov-rus-1"))
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindGrades: {Removed: 3}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjEng, 400, 100, 1})
	equal(t, "math grades of Белов in q1", len(f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjMath)), 0)
}

func testDeleteMark(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.apply(t, deleteGrades("gr-belov-pe-1")) // «зач»
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindGrades: {Removed: 1}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "pe grades of Белов in q1", len(f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjPE)), 0)
}

func testDeleteReAdd(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, deleteGrades("gr-belov-math-2"))
	b := gradeBatch(func([]diary.GradeIn) {})
	b.Grades = b.Grades[1:2] // gr-belov-math-2 again, now as 4
	b.Grades[0].Grade.Value = 4
	res := f.apply(t, b)
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindGrades: {Added: 1}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1300, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "math grades of Белов in q1", f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjMath),
		[]string{"gr-belov-math-1", "gr-belov-math-2"})
}

func testDeleteUnknown(t *testing.T, f *fixture) {
	r := f.small(t)
	b := deleteGrades("gr-belov-math-2", "gr-nobody", "gr-belov-eng-1")
	b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), Homework: diary.Homework{ExtID: "hw-nobody"}, Deleted: true}}
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	ve := wantProblems(t, err, problem{src("grades", 1), "id"}, problem{src("homework", 0), "id"})
	equal(t, "problems", len(ve.Items), 2)
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "math grades of Белов in q1", f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjMath),
		[]string{"gr-belov-math-1", "gr-belov-math-2"})
}

func testDeleteDryRun(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.applyOpt(t, deleteGrades("gr-belov-math-2"), diary.ApplyOptions{DryRun: true})
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindGrades: {Removed: 1}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "math grades of Белов in q1", len(f.subjectGradeExts(t, r, StudentBelov, PeriodQ1, SubjMath)), 2)
}

func testDeleteHomework(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Homework = []diary.HomeworkIn{{Src: src("homework", 0), Homework: diary.Homework{ExtID: "hw-belov-2"}, Deleted: true}}
	res := f.apply(t, b)
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindHomework: {Removed: 1}})
	got, err := f.s.Homework(t.Context(), id(t, r.Students, StudentBelov), wideFrom, wideTo)
	must(t, err, "homework")
	equal(t, "homework of Белов", exts(got, func(h diary.Homework) string { return h.ExtID }), []string{"hw-belov-1"})
}
