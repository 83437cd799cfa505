package sqlite

import (
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// gapSchema returns migrations creating tables t1, t2… for versions.
func gapSchema(versions ...int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, v := range versions {
		name := filepath.Join("migrations", "000"+itoa(v)+"_t.sql")
		fsys[name] = &fstest.MapFile{Data: []byte("CREATE TABLE t" + itoa(v) + " (id INTEGER PRIMARY KEY) STRICT;")}
	}
	return fsys
}

// A migration numbered below the highest applied one (merged late) is
// reported as pending, makes Ping fail, and is applied by the next Migrate.
func TestMigrateAppliesGap(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "gap.db"), time.Now)
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
	var n int
	if err := db.write.QueryRowContext(ctx, `SELECT count(*) FROM t3`).Scan(&n); err != nil {
		t.Errorf("migration 3 not applied: %v", err)
	}
	if applied, latest, err := db.Version(ctx); err != nil || applied != 4 || latest != 4 {
		t.Errorf("version after = %d, %d, %v; want 4, 4", applied, latest, err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after: %v", err)
	}
}

// rebuild is a schema whose migration 2 rebuilds a table another refers to,
// keeping the rows whose id is not lost.
func rebuild(lost string) fstest.MapFS {
	return fstest.MapFS{
		"migrations/0001_p.sql": {Data: []byte(`CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT;
			CREATE TABLE c (p_id INTEGER NOT NULL REFERENCES p (id)) STRICT;
			INSERT INTO p VALUES (1, 'a'), (2, 'b'); INSERT INTO c VALUES (1), (2);`)},
		"migrations/0002_rebuild.sql": {Data: []byte(foreignKeysOff + `
			CREATE TABLE p_new (id INTEGER PRIMARY KEY, v TEXT) STRICT;
			INSERT INTO p_new SELECT id, v FROM p WHERE id <> ` + lost + `;
			DROP TABLE p; ALTER TABLE p_new RENAME TO p;`)},
	}
}

// A migration marked foreign keys off may rebuild a referenced table; one
// that leaves a broken reference is rolled back; foreign keys are on after
// either.
func TestMigrateRebuildsWithForeignKeysOff(t *testing.T) {
	ctx := t.Context()
	for _, tc := range []struct {
		lost string
		ok   bool
	}{{"0", true}, {"2", false}} {
		db, err := Open(ctx, filepath.Join(t.TempDir(), "fk.db"), time.Now)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.schema = rebuild(tc.lost)
		err = db.Migrate(ctx)
		if (err == nil) != tc.ok {
			t.Errorf("losing row %s: migrate error %v, want ok=%v", tc.lost, err, tc.ok)
		}
		var rows, fk int
		if err := db.write.QueryRowContext(ctx, `SELECT count(*) FROM p`).Scan(&rows); err != nil || rows != 2 {
			t.Errorf("losing row %s: %d rows of p, %v; want 2 (kept or rolled back)", tc.lost, rows, err)
		}
		if err := db.write.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("losing row %s: foreign_keys = %d, %v; want 1", tc.lost, fk, err)
		}
	}
}
