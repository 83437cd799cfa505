package sqlite

import (
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/schooldiary/diary/internal/store/storetest"
)

// A migration numbered below the highest applied one is applied, not skipped.
func TestMigrateAppliesGap(t *testing.T) {
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "gap.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	create := func(table string) string { return "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY) STRICT;" }
	storetest.MigrationGap(t, db, func(vs ...int) { db.schema = storetest.GapSchema(create, vs...) },
		func(table string) error {
			var n int
			return db.write.QueryRowContext(t.Context(), `SELECT count(*) FROM `+table).Scan(&n)
		})
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
