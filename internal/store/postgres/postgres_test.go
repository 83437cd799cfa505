package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/testenv"
)

// migrate migrates the database at url and closes its connections, as
// testenv's templates need.
func migrate(ctx context.Context, url string) error {
	db, err := postgres.Open(ctx, url, time.Now)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Migrate(ctx)
}

// openMigrated opens a fresh, migrated, empty store reading now; the store
// is closed when the test ends.
func openMigrated(t testing.TB, now func() time.Time) *postgres.DB {
	t.Helper()
	db := openRaw(t, testenv.PostgresMigratedURL(t, migrate), now)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// openRaw opens the store at url without migrating or closing it.
func openRaw(t testing.TB, url string, now func() time.Time) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url, now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return db
}
