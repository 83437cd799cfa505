package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// openMigrated opens a fresh, migrated store in a temporary directory.
func openMigrated(t testing.TB, now func() time.Time) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "diary.db"), now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if err := db.Migrate(t.Context()); err != nil {
		db.Close()
		t.Fatalf("migrate: %v", err)
	}
	return db
}

// TestContract runs the shared store contract with a fresh file per subtest.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) diary.Store {
		return openMigrated(t, now)
	})
}

// River's riverdatabasesql/riversqlite insert jobs through the *sql.Tx of
// the notice's write.
func TestDriverTx(t *testing.T) {
	db := openMigrated(t, time.Now)
	t.Cleanup(func() { db.Close() })
	storetest.DriverTx(t, db, func(ctx context.Context, tx any, query string) error {
		_, err := tx.(*sql.Tx).ExecContext(ctx, query)
		return err
	})
}
