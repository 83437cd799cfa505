package storetest

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func aggregateTests() []contractTest {
	return []contractTest{
		{"Aggregates/AfterInsert", testAggregatesInsert},
		{"Aggregates/ValueAndWeightChanged", testAggregatesChange},
		{"Aggregates/GradeMovedToAnotherPeriodOrStudent", testAggregatesMove},
		{"Aggregates/NonNumericMarksLeftOut", testAggregatesMarks},
		{"Aggregates/RandomBatchesMatchGrades", testAggregatesRandom},
	}
}

// aggregates returns a student's aggregates of a period by subject id, nil
// for none.
func (f *fixture) aggregates(t *testing.T, studentID, periodID int64) []diary.Aggregate {
	t.Helper()
	got, err := f.s.Aggregates(t.Context(), studentID, periodID)
	must(t, err, "aggregates")
	sortBy(got, func(a diary.Aggregate) string { return key(a.SubjectID) })
	if len(got) == 0 {
		return nil
	}
	return got
}

// aggs builds the expected aggregates of one student and period.
type aggs struct {
	t       *testing.T
	r       *Refs
	student string
	period  string
}

// of returns the aggregates sum/weights/count per subject ext id, sorted as
// fixture.aggregates sorts them; nil for none.
func (a aggs) of(sums ...aggSum) []diary.Aggregate {
	var out []diary.Aggregate
	for _, s := range sums {
		out = append(out, diary.Aggregate{StudentID: id(a.t, a.r.Students, a.student),
			SubjectID: id(a.t, a.r.Subjects, s.subject), PeriodID: a.r.Period(a.t, a.period),
			Sum: s.sum, Weights: s.weights, Count: s.count})
	}
	sortBy(out, func(a diary.Aggregate) string { return key(a.SubjectID) })
	return out
}

// aggSum is one subject's expected running sums.
type aggSum struct {
	subject      string
	sum, weights int64
	count        int
}

// wantAggs compares a student's aggregates of a period with want.
func (f *fixture) wantAggs(t *testing.T, r *Refs, student, period string, want ...aggSum) {
	t.Helper()
	a := aggs{t, r, student, period}
	got := f.aggregates(t, id(t, r.Students, student), r.Period(t, period))
	equal(t, "aggregates of "+student+" in "+period, got, a.of(want...))
}

func testAggregatesInsert(t *testing.T, f *fixture) {
	r := f.small(t)
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentBelov, PeriodQ2, aggSum{SubjMath, 400, 100, 1})
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 1150, 250, 2})
	f.wantAggs(t, r, StudentGuseva, PeriodQ1)
	f.wantAggs(t, r, StudentZhukova, PeriodQ1, aggSum{SubjMath, 300, 100, 1})
	f.wantAggs(t, r, StudentBelova, PeriodH1, aggSum{SubjMath, 1150, 250, 2})
	f.wantAggs(t, r, StudentErshov, PeriodH1)
	f.wantAggs(t, r, StudentBelov, PeriodQ3)
}

// gradeBatch returns a batch of the given SmallSchool grades, changed by edit.
func gradeBatch(edit func(gs []diary.GradeIn)) *diary.Batch {
	b := onlyCode(SchoolCode)
	b.Grades = smallGrades()
	edit(b.Grades)
	return b
}

func testAggregatesChange(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, gradeBatch(func(gs []diary.GradeIn) { gs[0].Grade.Value = 2 }))
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 800, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.apply(t, gradeBatch(func(gs []diary.GradeIn) { gs[0].Grade.Value = 2; gs[1].Grade.Weight = 50 }))
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 350, 150, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
	f.apply(t, SmallSchool())
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 1100, 300, 2}, aggSum{SubjRus, 200, 100, 1}, aggSum{SubjEng, 400, 100, 1})
}

// A grade moving to a date of another period, to a lesson of another
// period, or to another student leaves the old aggregate and joins the new.
func testAggregatesMove(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, gradeBatch(func(gs []diary.GradeIn) {
		gs[2].Grade.Date = d("2026-11-12") // rus, no lesson: q1 → q2
		gs[0].LessonRef = LessonMath1110   // math 5: q1 → q2
		gs[3].StudentRef = StudentVolkov   // eng 4: Белов → Волков
		gs[10].StudentRef = StudentErshov  // math 5×1.5: Белова → Ершов, same class
		gs[9].StudentRef = StudentBelova   // math 3: Жукова (5А, q1) → Белова (10Б, h1)
		gs[9].LessonRef = Lesson10Math0907 // a lesson of her class
	}))
	f.wantAggs(t, r, StudentBelov, PeriodQ1, aggSum{SubjMath, 600, 200, 1})
	f.wantAggs(t, r, StudentBelov, PeriodQ2, aggSum{SubjMath, 900, 200, 2}, aggSum{SubjRus, 200, 100, 1})
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 1150, 250, 2}, aggSum{SubjEng, 400, 100, 1})
	f.wantAggs(t, r, StudentZhukova, PeriodQ1)
	f.wantAggs(t, r, StudentBelova, PeriodH1, aggSum{SubjMath, 700, 200, 2})
	f.wantAggs(t, r, StudentErshov, PeriodH1, aggSum{SubjMath, 750, 150, 1})
}

func testAggregatesMarks(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, gradeBatch(func(gs []diary.GradeIn) {
		gs[6].Grade.Value, gs[6].Grade.Mark = 0, diary.MarkNotGraded
	}))
	f.wantAggs(t, r, StudentVolkov, PeriodQ1, aggSum{SubjMath, 750, 150, 1})
	f.apply(t, gradeBatch(func(gs []diary.GradeIn) {
		gs[6].Grade.Value, gs[6].Grade.Mark = 0, diary.MarkNotGraded
		gs[7].Grade.Value, gs[7].Grade.Mark = 0, diary.MarkExempt
		gs[8].Grade.Value, gs[8].Grade.Mark = 3, ""
	}))
	f.wantAggs(t, r, StudentVolkov, PeriodQ1)
	f.wantAggs(t, r, StudentGuseva, PeriodQ1, aggSum{SubjMath, 300, 100, 1})
}
