package storebench

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

// target is a student or class the read benchmarks pick from.
type target struct {
	school  diary.School
	student diary.Student
	class   diary.Class
	period  diary.Period
}

// sample picks up to n classes spread over the region and one student of each,
// with the period that contains until.
func sample(b *testing.B, db store.DB, n int) []target {
	b.Helper()
	ctx := context.Background()
	schools, err := db.Schools(ctx)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []target
	for len(out) < n {
		s := schools[rng.IntN(len(schools))]
		classes, err := db.Classes(ctx, s.ID)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, pick(b, db, s, classes[rng.IntN(len(classes))], rng))
	}
	return out
}

func pick(b *testing.B, db store.DB, s diary.School, c diary.Class, rng *rand.Rand) target {
	b.Helper()
	ctx := context.Background()
	students, err := db.StudentsOfClass(ctx, c.ID)
	if err != nil || len(students) == 0 {
		b.Fatalf("students of %s: %v", c.Name, err)
	}
	p, err := db.PeriodAt(ctx, s.ID, c.Level, until)
	if err != nil {
		b.Fatalf("period of %s: %v", c.Name, err)
	}
	return target{school: s, student: students[rng.IntN(len(students))], class: c, period: p}
}

// timings runs fn b.N times over the targets and reports the median and the
// 99th percentile in milliseconds, and the median's ratio to limit.
func timings(b *testing.B, ts []target, limit time.Duration, fn func(target) error) {
	b.Helper()
	var ds []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if err := fn(ts[i%len(ts)]); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		i++
	}
	slices.Sort(ds)
	p50, p99 := ds[len(ds)/2], ds[len(ds)*99/100]
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	if limit > 0 {
		b.ReportMetric(float64(p50)/float64(limit), "p50/limit")
	}
}

// BenchmarkReads loads a region of BENCH_STUDENTS students into each store
// once, then times one student's whole diary, a class summary, a class's
// plan with every subject's lessons left counted from it, and one grade
// write against it.
func BenchmarkReads(b *testing.B) {
	n := envInt("BENCH_STUDENTS", 10000)
	for _, o := range Openers(time.Now) {
		b.Run(o.Name, func(b *testing.B) {
			db := o.Open(b)
			records := load(b, db, n)
			b.Logf("%s: %d students, %d records", o.Name, n, records)
			ts := sample(b, db, 200)
			ctx := context.Background()
			b.Run("StudentDiary", func(b *testing.B) {
				timings(b, ts, diaryLimit, func(t target) error {
					_, err := db.StudentDiary(ctx, t.student.ID, t.period.ID)
					return err
				})
			})
			b.Run("ClassSummary", func(b *testing.B) {
				timings(b, ts, classLimit, func(t target) error {
					_, err := db.ClassSummary(ctx, t.class.ID, t.period.ID)
					return err
				})
			})
			b.Run("ClassPlan", func(b *testing.B) {
				timings(b, ts, classLimit, func(t target) error {
					_, err := db.ClassPlan(ctx, t.class.ID, t.period.ID)
					return err
				})
			})
			b.Run("ClassPlanCount", func(b *testing.B) {
				timings(b, ts, classLimit, func(t target) error {
					cp, err := db.ClassPlan(ctx, t.class.ID, t.period.ID)
					countAll(cp)
					return err
				})
			})
			b.Run("GradeWrite", func(b *testing.B) { gradeWrites(b, db, ts) })
		})
	}
}

// countAll counts the lessons left after until of every subject of the
// class's timetable, for the class and for each of its groups: what a duty
// does for a class's students.
func countAll(cp diary.ClassPlan) int {
	n := 0
	groups := [][]int64{nil}
	for _, s := range cp.Slots {
		if s.GroupID != 0 && !slices.ContainsFunc(groups, func(g []int64) bool { return len(g) > 0 && g[0] == s.GroupID }) {
			groups = append(groups, []int64{s.GroupID})
		}
	}
	seen := map[int64]bool{}
	for _, s := range cp.Slots {
		if seen[s.SubjectID] {
			continue
		}
		seen[s.SubjectID] = true
		for _, g := range groups {
			n += len(cp.Remaining(g, s.SubjectID, until).Left)
		}
	}
	return n
}
