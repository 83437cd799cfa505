package postgres_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// gradeBatch returns a batch of grades of Белов Антон in mathematics on the
// lesson of 7 September, with journal ids prefix-0…prefix-(n-1).
func gradeBatch(prefix string, n, value int) *diary.Batch {
	b := &diary.Batch{School: diary.School{Code: storetest.SchoolCode}, AsOf: diary.MustDate("2026-10-05")}
	for i := range n {
		b.Grades = append(b.Grades, diary.GradeIn{
			Src:        diary.Source{File: prefix, Line: i},
			StudentRef: storetest.StudentBelov, LessonRef: storetest.LessonMath0907,
			Grade: diary.Grade{ExtID: fmt.Sprintf("%s-%d", prefix, i), Value: value, Weight: diary.WeightOne, WorkType: "тест"},
		})
	}
	return b
}

// Batches applied at once to one school are serialised: the running sums
// end equal to the sums of the stored grades.
func TestApplyConcurrentKeepsAggregates(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	db := openMigrated(t, clock.Now)
	ctx := t.Context()
	if _, err := db.Apply(ctx, storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		t.Fatalf("apply school: %v", err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Workers share two prefixes, so they also change each other's grades.
			_, err := db.Apply(ctx, gradeBatch(fmt.Sprintf("w%d", w%2), 20, 2+w%4), diary.ApplyOptions{})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent apply: %v", err)
		}
	}
	r := storetest.Resolve(t, db, storetest.SmallSchool())
	student, period := r.Students[storetest.StudentBelov], r.Period(t, storetest.PeriodQ1)
	grades, err := db.Grades(ctx, student, period, r.Subjects[storetest.SubjMath])
	if err != nil {
		t.Fatalf("grades: %v", err)
	}
	var want diary.Aggregate
	for _, g := range grades {
		want.Sum += int64(g.Weight * g.Value)
		want.Weights += int64(g.Weight)
		want.Count++
	}
	aggs, err := db.Aggregates(ctx, student, period)
	if err != nil {
		t.Fatalf("aggregates: %v", err)
	}
	for _, a := range aggs {
		if a.SubjectID == r.Subjects[storetest.SubjMath] {
			got := diary.Aggregate{Sum: a.Sum, Weights: a.Weights, Count: a.Count}
			if got != want {
				t.Errorf("math aggregate = %+v, want %+v from %d grades", got, want, len(grades))
			}
			return
		}
	}
	t.Errorf("no math aggregate among %+v", aggs)
}

// The store keeps a copy of a lesson's date with each attendance mark; a
// lesson moved to another day takes its marks along.
func TestLessonMovedMovesAttendance(t *testing.T) {
	db := openMigrated(t, storetest.NewClock(storetest.Start).Now)
	ctx := t.Context()
	b := storetest.SmallSchool()
	if _, err := db.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatalf("apply: %v", err)
	}
	r := storetest.Resolve(t, db, b)
	for i := range b.Lessons {
		if b.Lessons[i].Lesson.ExtID == storetest.LessonMath0908 {
			b.Lessons[i].Lesson.Date = diary.MustDate("2026-09-15")
		}
	}
	res, err := db.Apply(ctx, b, diary.ApplyOptions{})
	if err != nil {
		t.Fatalf("apply moved lesson: %v", err)
	}
	if got := res.Counts[diary.KindLessons].Changed; got != 1 {
		t.Errorf("lessons changed = %d, want 1", got)
	}
	tests := []struct {
		name     string
		from, to string
		want     int
	}{
		{"old day", "2026-09-08", "2026-09-08", 0},
		{"new day", "2026-09-15", "2026-09-15", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.Attendance(ctx, r.Students[storetest.StudentBelov], diary.MustDate(tc.from), diary.MustDate(tc.to))
			if err != nil {
				t.Fatalf("attendance: %v", err)
			}
			if len(got) != tc.want {
				t.Errorf("marks = %+v, want %d", got, tc.want)
			}
		})
	}
}
