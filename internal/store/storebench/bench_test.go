package storebench

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/testenv"
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

func wantStore(name string) bool {
	list := os.Getenv("BENCH_STORES")
	return list == "" || slices.Contains(strings.Split(list, ","), name)
}

// opener makes a fresh, migrated, empty store of one kind.
type opener struct {
	name string
	open func(b *testing.B) store.DB
}

func openers() []opener {
	all := []opener{
		{"sqlite", func(b *testing.B) store.DB {
			db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), time.Now)
			return migrated(b, db, err)
		}},
		{"postgres", func(b *testing.B) store.DB {
			db, err := postgres.Open(context.Background(), testenv.PostgresURL(b), time.Now)
			return migrated(b, db, err)
		}},
	}
	var out []opener
	for _, o := range all {
		if wantStore(o.name) {
			out = append(out, o)
		}
	}
	return out
}

func migrated(b *testing.B, db store.DB, err error) store.DB {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return db
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
	for _, o := range openers() {
		b.Run(o.name, func(b *testing.B) {
			var records int
			var spent time.Duration
			for b.Loop() {
				b.StopTimer()
				db := o.open(b)
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
