package postgres

import (
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/testenv"
)

// gapSchema returns migrations creating tables t1, t2… for versions.
func gapSchema(versions ...int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, v := range versions {
		n := strconv.Itoa(v)
		fsys["migrations/000"+n+"_t.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE t" + n + " (id int PRIMARY KEY);")}
	}
	return fsys
}

// A migration numbered below the highest applied one (merged late) is
// reported as pending, makes Ping fail, and is applied by the next Migrate.
func TestMigrateAppliesGap(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, testenv.PostgresURL(t), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.schema = gapSchema(1, 2, 4)
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate 1, 2, 4: %v", err)
	}
	db.schema = gapSchema(1, 2, 3, 4)
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
	err = db.withConn(ctx, func(c *pgx.Conn) error { _, err := c.Exec(ctx, `SELECT count(*) FROM t3`); return err })
	if err != nil {
		t.Errorf("migration 3 not applied: %v", err)
	}
	if applied, latest, err := db.Version(ctx); err != nil || applied != 4 || latest != 4 {
		t.Errorf("version after = %d, %d, %v; want 4, 4", applied, latest, err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after: %v", err)
	}
}
