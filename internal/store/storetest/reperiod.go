package storetest

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// Stored grades follow corrections of the calendar and of the roster: a
// grade's period is the one of its student's class level containing its date.
func reperiodTests() []contractTest {
	return []contractTest{
		{"Reperiod/CorrectedDatesMoveGrades", testReperiodDates},
		{"Reperiod/CorrectedLevelsMoveGrades", testReperiodLevels},
		{"Reperiod/GradeLeftInNoPeriodIsAProblem", testReperiodStranded},
		{"Reperiod/OverlappingPeriodsRejected", testReperiodOverlap},
		{"Reperiod/ClassMoveAcrossLevelsMovesGrades", testReperiodClassMove},
		{"Reperiod/ClassMoveKeepsEndedPeriods", testReperiodClassMoveEnded},
		{"Reperiod/LessonDateChangeKeepsGradeDates", testReperiodLessonDate},
	}
}

// periodBatch returns a batch of SmallSchool's periods, changed by edit.
func periodBatch(edit func(ps []diary.PeriodIn)) *diary.Batch {
	b := onlyCode(SchoolCode)
	b.Periods = smallPeriods()
	edit(b.Periods)
	return b
}

// gradeExts returns the journal ids of a student's grades in a period.
func (f *fixture) gradeExts(t *testing.T, r *Refs, student, period string) []string {
	t.Helper()
	gs, err := f.s.Grades(t.Context(), id(t, r.Students, student), r.Period(t, period), 0)
	must(t, err, "grades")
	return exts(gs, func(g diary.Grade) string { return g.ExtID })
}

// The first quarter shortened to 10 September and the second started on the
// 11th: Белов Антон's Russian grade of the 11th moves to the second quarter,
// with its aggregate; the others stay.
func testReperiodDates(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.apply(t, periodBatch(func(ps []diary.PeriodIn) {
		ps[0].Period.End, ps[1].Period.Start = d("2026-09-10"), d("2026-09-11")
	}))
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindPeriods: {Changed: 2, Unchanged: 4}})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentBelov, PeriodQ2, aggSum{SubjMath, 400, 100, 1}, aggSum{SubjRus, 200, 100, 1})
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 1150, 250, 2})
	equal(t, "Белов's second quarter", f.gradeExts(t, r, StudentBelov, PeriodQ2),
		[]string{"gr-belov-rus-1", "gr-belov-math-q2"})
	f.apply(t, SmallSchool()) // and back
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentBelov, PeriodQ2, aggSum{SubjMath, 400, 100, 1})
}

// Quarters narrowed to classes 1–4 and halves widened to 5–11: the grades of
// 5А move from the quarters to the first half.
func testReperiodLevels(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, periodBatch(func(ps []diary.PeriodIn) {
		for i := range ps {
			if ps[i].Period.Kind == diary.Quarter {
				ps[i].Period.MaxLevel = 4
			} else {
				ps[i].Period.MinLevel = 5
			}
		}
	}))
	f.wantAggs(t, r, StudentBelov, PeriodQ1)
	f.wantAggs(t, r, StudentBelov, PeriodQ2)
	f.wantAggs(t, r, StudentBelov, PeriodH1, aggSum{SubjMath, 1500, 400, 3}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentVolkov, PeriodH1, aggSum{SubjMath, 1150, 250, 2})
	f.wantAggs(t, r, StudentBelova, PeriodH1, aggSum{SubjMath, 1150, 250, 2})
	equal(t, "Гусева's first half", f.gradeExts(t, r, StudentGuseva, PeriodH1), []string{"gr-guseva-math-1"})
}

// A first quarter ending on 7 September leaves grades of the 8th and the
// 11th in no period: a problem on the period's row, and nothing is written.
func testReperiodStranded(t *testing.T, f *fixture) {
	r := f.small(t)
	_, err := f.s.Apply(t.Context(), periodBatch(func(ps []diary.PeriodIn) {
		ps[0].Period.End = d("2026-09-07")
	}), diary.ApplyOptions{})
	wantProblems(t, err, problem{src("periods", 0), "start"})
	p, err := f.s.PeriodAt(t.Context(), r.School.ID, 5, d("2026-09-11"))
	must(t, err, "period at")
	equal(t, "period of 11 September", p.ExtID, PeriodQ1)
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
}

// Two periods sharing a class level and a day are a problem on the row of
// each batch period concerned; shared days of other levels are fine.
func testReperiodOverlap(t *testing.T, f *fixture) {
	f.small(t)
	for _, tc := range []struct {
		name string
		edit func(ps []diary.PeriodIn) []diary.PeriodIn
		at   diary.Source
	}{
		{"stored period stretched", func(ps []diary.PeriodIn) []diary.PeriodIn {
			ps[0].Period.End = d("2026-11-05")
			return ps
		}, src("periods", 0)},
		{"new period inside another", func(ps []diary.PeriodIn) []diary.PeriodIn {
			return append(ps, diary.PeriodIn{Src: src("periods", 6), YearRef: YearName, Period: diary.Period{
				ExtID: "p-extra", Name: "Доп. период", Kind: diary.Trimester, MinLevel: 9, MaxLevel: 10,
				Start: d("2027-05-26"), End: d("2027-05-31")}})
		}, src("periods", 6)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := onlyCode(SchoolCode)
			b.Periods = tc.edit(smallPeriods())
			_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
			wantProblems(t, err, problem{tc.at, "start"})
		})
	}
	b := onlyCode(SchoolCode)
	b.Periods = []diary.PeriodIn{{Src: src("periods", 0), YearRef: YearName, Period: diary.Period{
		ExtID: "p-summer", Name: "Летняя школа", Kind: diary.Trimester, MinLevel: 1, MaxLevel: 11,
		Start: d("2027-06-01"), End: d("2027-06-30")}}}
	f.apply(t, b)
}

// classMove returns a batch moving Белов Антон to 10Б on asOf.
func classMove(asOf string) *diary.Batch {
	b := onlyCode(SchoolCode)
	b.AsOf = d(asOf)
	b.Students = smallStudents()[:1]
	b.Students[0].ClassRef = Class10B
	return b
}

// Белов Антон moved from 5А to 10Б while the first quarter runs: all his
// grades move from the quarters to the first half, aggregates too.
func testReperiodClassMove(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, classMove("2026-10-05"))
	f.wantAggs(t, r, StudentBelov, PeriodQ1)
	f.wantAggs(t, r, StudentBelov, PeriodQ2)
	f.wantAggs(t, r, StudentBelov, PeriodH1, aggSum{SubjMath, 1500, 400, 3}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	equal(t, "grades of the first half", len(f.gradeExts(t, r, StudentBelov, PeriodH1)), 6)
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 1150, 250, 2})
	b := classMove("2026-10-06")
	b.Students[0].ClassRef = Class5A // and back
	f.apply(t, b)
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentBelov, PeriodH1)
}

// Moved after the first quarter ended, Белов Антон keeps its grades where he
// earned them; only the second quarter's grade moves to the first half.
func testReperiodClassMoveEnded(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, classMove("2026-11-06"))
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentBelov, PeriodQ2)
	f.wantAggs(t, r, StudentBelov, PeriodH1, aggSum{SubjMath, 400, 100, 1})
}

// A lesson moved to another date and period leaves the dates and periods of
// its stored grades alone: the journal sends a grade again if it moved too.
func testReperiodLessonDate(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Lessons = smallLessons()[:1]
	b.Lessons[0].Lesson.Date = d("2026-11-11")
	f.apply(t, b)
	gs, err := f.s.Grades(t.Context(), id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1), id(t, r.Subjects, SubjMath))
	must(t, err, "grades")
	equal(t, "dates of Белов's first-quarter math grades", exts(gs, func(g diary.Grade) string { return g.Date.String() }),
		[]string{"2026-09-07", "2026-09-08"})
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
}
