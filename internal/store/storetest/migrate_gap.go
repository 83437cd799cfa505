package storetest

import (
	"context"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
)

// Migrator is a store's migration side, as the gap test drives it.
type Migrator interface {
	Migrate(ctx context.Context) error
	Version(ctx context.Context) (applied, latest int, err error)
	Ping(ctx context.Context) error
}

// GapSchema returns migrations creating the tables t1, t2… for versions,
// each table made by create(n) (the dialect's CREATE TABLE of "tN").
func GapSchema(create func(table string) string, versions ...int) fs.FS {
	fsys := fstest.MapFS{}
	for _, v := range versions {
		fsys[fmt.Sprintf("migrations/%04d_t.sql", v)] = &fstest.MapFile{Data: []byte(create(fmt.Sprintf("t%d", v)))}
	}
	return fsys
}

// MigrationGap checks that a migration numbered below the highest applied
// one (merged late) is reported as pending, makes Ping fail, and is applied
// by the next Migrate. use makes the store read its migrations from a
// schema of GapSchema's versions; count counts the rows of a table.
func MigrationGap(t *testing.T, db Migrator, use func(versions ...int), count func(table string) error) {
	t.Helper()
	ctx := t.Context()
	use(1, 2, 4)
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate 1, 2, 4: %v", err)
	}
	use(1, 2, 3, 4)
	applied, latest, err := db.Version(ctx)
	if err != nil || applied != 2 || latest != 4 {
		t.Errorf("version with 3 missing = %d, %d, %v; want 2, 4", applied, latest, err)
	}
	if err := db.Ping(ctx); err == nil {
		t.Error("ping with migration 3 pending succeeded")
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate the gap: %v", err)
	}
	if err := count("t3"); err != nil {
		t.Errorf("migration 3 not applied: %v", err)
	}
	if applied, latest, err := db.Version(ctx); err != nil || applied != 4 || latest != 4 {
		t.Errorf("version after = %d, %d, %v; want 4, 4", applied, latest, err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after: %v", err)
	}
}
