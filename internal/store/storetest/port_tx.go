package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

func portBatchTests() []contractTest {
	return []contractTest{
		{"Port/BatchReadsInOrder", testBatchReadsInOrder},
		{"Port/BatchFailureLeavesStoreUsable", testBatchFailure},
	}
}

// A batch's queries are read in order, each into its own result, and a
// query may name another table's rows only by subqueries on the parameters.
func testBatchReadsInOrder(t *testing.T, f *fixture) {
	p := portOf(t, f)
	r := f.small(t)
	var names []string
	var count int
	b := &sqlstore.Batch{}
	b.Items = append(b.Items,
		sqlstore.BatchItem{SQL: `SELECT name FROM subjects WHERE school_id = $1 ORDER BY ext_id`, Args: []any{r.School.ID},
			Read: func(rows sqlstore.Rows) error {
				for rows.Next() {
					var n string
					if err := rows.Scan(&n); err != nil {
						return err
					}
					names = append(names, n)
				}
				return rows.Err()
			}},
		sqlstore.BatchItem{SQL: `SELECT count(*) FROM students WHERE school_id = (SELECT school_id FROM subjects WHERE id = $1)`,
			Args: []any{id(t, r.Subjects, SubjMath)},
			Read: func(rows sqlstore.Rows) error {
				if !rows.Next() {
					return errors.New("no count row")
				}
				return rows.Scan(&count)
			}})
	must(t, p.ReadBatch(t.Context(), b), "read batch")
	equal(t, "subjects read", len(names), len(smallSubjectNames))
	equal(t, "students counted", count, len(r.Students))
}

// A failing query fails the batch with the driver's error, and the store
// answers afterwards (on PostgreSQL the pool drops the aborted connection).
func testBatchFailure(t *testing.T, f *fixture) {
	p := portOf(t, f)
	r := f.small(t)
	for i := range 6 { // more than a small pool holds
		b := &sqlstore.Batch{Items: []sqlstore.BatchItem{{SQL: `SELECT nothing FROM no_such_table`,
			Read: func(sqlstore.Rows) error { return nil }}}}
		if err := p.ReadBatch(t.Context(), b); err == nil {
			t.Fatalf("batch %d over a missing table: no error", i)
		}
	}
	d, err := f.s.StudentDiary(t.Context(), id(t, r.Students, StudentBelov), r.Period(t, PeriodQ1))
	must(t, err, "diary after failed batches")
	equal(t, "diary's student", d.Student.ExtID, StudentBelov)
}

// DriverExec runs sql on a driver's own transaction (Tx.Driver: a pgx.Tx or
// a *sql.Tx), as an engine such as River does.
type DriverExec func(ctx context.Context, driverTx any, sql string) error

// DriverTx checks that a write through the driver's own transaction (what
// River's InsertTx will do) commits and rolls back with the port's writes
// of the same transaction, and that a dry run keeps neither.
func DriverTx(t *testing.T, s diary.Store, exec DriverExec) {
	t.Helper()
	pr, ok := s.(porter)
	if !ok {
		t.Fatal("the store is not built on sqlstore")
	}
	p := pr.Port()
	boom := errors.New("the domain write failed")
	for _, tc := range []struct {
		name     string
		chat     int64
		dryRun   bool
		fail     bool
		wantKept bool
	}{
		{"rolled back", 7001, false, true, false},
		{"dry run", 7003, true, false, false},
		{"committed", 7005, false, false, true},
	} {
		err := p.Write(t.Context(), tc.dryRun, func(tx sqlstore.Tx) error {
			if err := exec(t.Context(), tx.Driver(), insertChatSQL(tc.chat)); err != nil {
				return fmt.Errorf("driver's write: %w", err)
			}
			if _, err := tx.Exec(t.Context(), insertChatSQL(tc.chat+1)); err != nil {
				return fmt.Errorf("port's write: %w", err)
			}
			if tc.fail {
				return boom
			}
			return nil
		})
		if tc.fail != errors.Is(err, boom) || (!tc.fail && err != nil) {
			t.Fatalf("%s: write: %v", tc.name, err)
		}
		for _, chat := range []int64{tc.chat, tc.chat + 1} {
			var n int
			must(t, p.QueryRow(t.Context(), `SELECT count(*) FROM chats WHERE chat_id = $1`, chat).Scan(&n), "count chats")
			equal(t, fmt.Sprintf("%s: chat %d kept", tc.name, chat), n == 1, tc.wantKept)
		}
	}
}

// insertChatSQL inserts a chat with literals only, so that it runs on either
// driver's own placeholders.
func insertChatSQL(chat int64) string {
	return fmt.Sprintf(`INSERT INTO chats (chat_id, telegram_user_id, language, updated_at)
		VALUES (%d, %d, 'ru', CURRENT_TIMESTAMP)`, chat, chat)
}
