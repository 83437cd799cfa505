package storebench

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

// Sizes come from the environment so that `go test -bench .` stays quick and
// scripts/bench.sh can ask for a region:
//
//	BENCH_STUDENTS  students in the read benchmarks (default 10,000)
//	BENCH_IMPORT    students of the imported demo school (default 10,000)
//	BENCH_STORES    "sqlite,postgres" (default both)
const (
	diaryLimit   = 2 * time.Millisecond  // one student's diary, median
	classLimit   = 20 * time.Millisecond // a whole class, median
	studentsPerS = 2000                  // students per school in a region
)

// until is the last day of the demo journal: six weeks into the year.
var until = diary.MustDate("2026-10-15")

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// load writes the demo region of n students and returns the record count.
func load(b *testing.B, db store.DB, n int) int {
	b.Helper()
	opt := demo.Options{Seed: 1, Students: n, Schools: max(1, n/studentsPerS), Until: until}
	sum, err := demo.Generate(context.Background(), db, opt)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Optimize(context.Background()); err != nil { // as diaryctl demo and import do
		b.Fatal(err)
	}
	return sum.Records
}

// BenchmarkImportDemo writes a whole demo school into an empty store and
// reports records per second.
func BenchmarkImportDemo(b *testing.B) {
	n := envInt("BENCH_IMPORT", 10000)
	for _, o := range Openers(time.Now) {
		b.Run(o.Name, func(b *testing.B) {
			var records int
			var spent time.Duration
			for b.Loop() {
				b.StopTimer()
				db := o.Open(b)
				b.StartTimer()
				start := time.Now()
				records = load(b, db, n)
				spent += time.Since(start)
			}
			b.ReportMetric(float64(records), "records")
			b.ReportMetric(float64(records)*float64(b.N)/spent.Seconds(), "records/s")
		})
	}
}
