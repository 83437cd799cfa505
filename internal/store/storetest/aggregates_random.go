package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// randomGrade is what the model knows of a randomly written grade.
type randomGrade struct {
	student, subject string
	date             diary.Date
	value, weight    int
	mark             string
}

// randomModel is the suite's own account of the random grades written.
type randomModel struct {
	r      *Refs
	grades map[string]randomGrade // by ExtID
	levels map[string]int         // class level by student ext id
}

var (
	randomStudents = []string{StudentBelov, StudentVolkov, StudentGuseva, StudentBelova, StudentErshov}
	randomSubjects = []string{SubjMath, SubjRus, SubjEng}
	randomDates    = []string{"2026-09-01", "2026-09-15", "2026-10-01", "2026-10-24", "2026-11-05", "2026-11-20", "2026-12-01", "2026-12-27"}
	randomMarks    = []string{diary.MarkPass, diary.MarkNotGraded, diary.MarkExempt}
	randomWeights  = []int{50, 100, 150, 200, 300}
)

// Batches of random grade writes and rewrites (values, weights, marks,
// dates across periods, students across classes) keep every aggregate equal
// to the sum over Grades, and Grades equal to the model.
func testAggregatesRandom(t *testing.T, f *fixture) {
	r := f.small(t)
	m := &randomModel{r: r, grades: map[string]randomGrade{}, levels: map[string]int{
		StudentBelov: 5, StudentVolkov: 5, StudentGuseva: 5, StudentBelova: 10, StudentErshov: 10}}
	rng := rand.New(rand.NewPCG(2026, 9))
	for round := range 12 {
		b := onlyCode(SchoolCode)
		for i, n := range rng.Perm(20)[:1+rng.IntN(6)] {
			ext := fmt.Sprintf("rnd-%02d", n)
			g := m.random(rng)
			m.grades[ext] = g
			b.Grades = append(b.Grades, g.in(ext, i))
		}
		f.apply(t, b)
		for _, st := range randomStudents {
			for _, p := range m.periodsOf(st) {
				f.checkRandom(t, m, st, p, round)
			}
		}
	}
}

func (m *randomModel) random(rng *rand.Rand) randomGrade {
	g := randomGrade{
		student: randomStudents[rng.IntN(len(randomStudents))],
		subject: randomSubjects[rng.IntN(len(randomSubjects))],
		date:    d(randomDates[rng.IntN(len(randomDates))]),
		weight:  randomWeights[rng.IntN(len(randomWeights))],
	}
	if rng.IntN(5) == 0 {
		g.mark = randomMarks[rng.IntN(len(randomMarks))]
	} else {
		g.value = 1 + rng.IntN(5)
	}
	return g
}

func (g randomGrade) in(ext string, i int) diary.GradeIn {
	return diary.GradeIn{Src: src("grades", i), StudentRef: g.student, SubjectRef: g.subject, TeacherRef: StaffIvanova,
		Grade: diary.Grade{ExtID: ext, Date: g.date, Value: g.value, Mark: g.mark, Weight: g.weight, WorkType: "тест"}}
}

// periodsOf returns the periods of the autumn for a student's level.
func (m *randomModel) periodsOf(student string) []diary.Period {
	var out []diary.Period
	for _, ext := range []string{PeriodQ1, PeriodQ2, PeriodH1} {
		p := m.r.Periods[ext]
		if m.levels[student] >= p.MinLevel && m.levels[student] <= p.MaxLevel {
			out = append(out, p)
		}
	}
	return out
}

// inPeriod returns the model's random grades of a student in a period, as keys.
func (m *randomModel) inPeriod(t *testing.T, student string, p diary.Period) map[string]string {
	out := map[string]string{}
	for ext, g := range m.grades {
		if g.student == student && p.Covers(m.levels[student], g.date) {
			out[ext] = key(id(t, m.r.Subjects, g.subject), g.date, g.value, g.mark, g.weight)
		}
	}
	return out
}

func (f *fixture) checkRandom(t *testing.T, m *randomModel, student string, p diary.Period, round int) {
	t.Helper()
	grades, err := f.s.Grades(t.Context(), id(t, m.r.Students, student), p.ID, 0)
	must(t, err, "grades")
	brute, stored := map[int64]diary.Aggregate{}, map[string]string{}
	for _, g := range grades {
		if len(g.ExtID) > 4 && g.ExtID[:4] == "rnd-" {
			stored[g.ExtID] = key(g.SubjectID, g.Date, g.Value, g.Mark, g.Weight)
		}
		if g.Numeric() {
			a := brute[g.SubjectID]
			a.Sum, a.Weights, a.Count = a.Sum+int64(g.Weight*g.Value), a.Weights+int64(g.Weight), a.Count+1
			brute[g.SubjectID] = a
		}
	}
	what := fmt.Sprintf("round %d, %s in %s", round, student, p.ExtID)
	equal(t, what+": random grades", stored, m.inPeriod(t, student, p))
	got := map[int64]diary.Aggregate{}
	for _, a := range f.aggregates(t, id(t, m.r.Students, student), p.ID) {
		got[a.SubjectID] = diary.Aggregate{Sum: a.Sum, Weights: a.Weights, Count: a.Count}
	}
	equal(t, what+": aggregates", got, brute)
}
