package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// upTo returns the embedded migrations numbered up to last.
func upTo(t *testing.T, last int) fstest.MapFS {
	t.Helper()
	ms, err := (&DB{schema: migrationFiles}).migrations()
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, m := range ms {
		if m.Version <= last {
			fsys["migrations/"+m.Name] = &fstest.MapFile{Data: []byte(m.SQL)}
		}
	}
	return fsys
}

// rowsBefore0004 is a school as the schema of migration 3 held it: empty
// dates as ”, roles in rowid order, attendance without its date.
const rowsBefore0004 = `
INSERT INTO schools VALUES (1, 'sch', 'Школа', 'Europe/Moscow', 50, 'two_days', 2, 5, '2026-09-01T00:00:00.000000000Z');
INSERT INTO years VALUES (1, 1, '2026/2027', '2026-09-01', '2027-08-31');
INSERT INTO periods VALUES (1, 1, 1, 'q1', '1 четверть', 'quarter', 1, 9, '2026-09-01', '2026-10-24');
INSERT INTO subjects VALUES (1, 1, 'math', 'Математика', 'мат');
INSERT INTO classes VALUES (1, 1, '5a', '5А', 5);
INSERT INTO staff VALUES (1, 1, 't1', 'Иванова', 'Анна', '', '', '', '', '2027-06-30');
INSERT INTO staff_roles VALUES (1, 'teacher', NULL, ''), (1, 'class_teacher', 1, '');
INSERT INTO students VALUES (1, 1, 's1', 'Белов', 'Антон', '', 1, '', '', '', 'enrolled', '', '', '2026-09-01T00:00:00.000000000Z');
INSERT INTO lessons VALUES (1, 1, 'l1', 1, NULL, 1, 1, '2026-09-07', 1, '', '');
INSERT INTO attendance VALUES (1, 1, 1, 1, 'н');
INSERT INTO expected_grades VALUES (1, 1, 1, 1, 4, 'причина', '2026-10-01T00:00:00.000000000Z');`

// Migration 4 rebuilds tables in place: every row is kept, empty dates
// become NULL, attendance gets its lesson's date, an expected grade its
// student's school, staff roles their order.
func TestMigration0004KeepsRows(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.schema = upTo(t, 3)
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.ExecContext(ctx, rowsBefore0004); err != nil {
		t.Fatalf("rows of schema 3: %v", err)
	}
	db.schema = migrationFiles
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate to the latest: %v", err)
	}
	checkRows(t, db)
}

// checkRows checks the rows of rowsBefore0004 after migration 4.
func checkRows(t *testing.T, db *DB) {
	t.Helper()
	ctx := t.Context()
	var nulls, attDate string
	var expSchool int64
	err := db.write.QueryRowContext(ctx, `SELECT
		(SELECT quote(birth_date) || quote(left_on) FROM students) || (SELECT quote(active_from) FROM staff),
		(SELECT date FROM attendance), (SELECT school_id FROM expected_grades)`).Scan(&nulls, &attDate, &expSchool)
	if err != nil || nulls != "NULLNULLNULL" || attDate != "2026-09-07" || expSchool != 1 {
		t.Errorf("after 0004: %q, %q, %d, %v; want NULLNULLNULL, 2026-09-07, 1", nulls, attDate, expSchool, err)
	}
	st, err := db.Staff(ctx, 1)
	if err != nil || len(st.Roles) != 2 || st.Roles[0].Role != diary.RoleTeacher || st.ActiveTo != diary.MustDate("2027-06-30") {
		t.Errorf("staff after 0004: %+v, %v", st, err)
	}
	var table string
	if err := db.write.QueryRowContext(ctx, `SELECT "table" FROM pragma_foreign_key_check`).Scan(&table); err != sql.ErrNoRows {
		t.Errorf("a broken foreign key in %q after 0004: %v", table, err)
	}
}
