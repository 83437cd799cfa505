package storebench

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/testenv"
)

// Opener makes a fresh, migrated, empty store of one kind for a benchmark;
// the store is closed when the benchmark ends.
type Opener struct {
	Name string
	Open func(b *testing.B) store.DB
}

// Openers returns the stores BENCH_STORES names ("sqlite,postgres", both
// when unset), on clock now.
func Openers(now func() time.Time) []Opener {
	all := []Opener{
		{"sqlite", func(b *testing.B) store.DB {
			db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), now)
			return migrated(b, db, err)
		}},
		{"postgres", func(b *testing.B) store.DB {
			db, err := postgres.Open(context.Background(), testenv.PostgresURL(b), now)
			return migrated(b, db, err)
		}},
	}
	list := os.Getenv("BENCH_STORES")
	var out []Opener
	for _, o := range all {
		if list == "" || slices.Contains(strings.Split(list, ","), o.Name) {
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
