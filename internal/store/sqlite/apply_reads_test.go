package sqlite

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// recordingPort is the DB's port noting every statement of its write
// transactions.
type recordingPort struct {
	dbPort
	mu   sync.Mutex
	seen []string
}

// note records a statement, its whitespace folded.
func (p *recordingPort) note(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = append(p.seen, strings.Join(strings.Fields(s), " "))
}

// Write runs fn in the DB's write transaction, recorded.
func (p *recordingPort) Write(ctx context.Context, dryRun bool, fn func(tx sqlstore.Tx) error) error {
	return p.dbPort.Write(ctx, dryRun, func(tx sqlstore.Tx) error { return fn(recordingTx{tx, p}) })
}

// recordingTx notes the statements of one transaction.
type recordingTx struct {
	sqlstore.Tx
	p *recordingPort
}

// Query records and runs a query.
func (t recordingTx) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	t.p.note(q)
	return t.Tx.Query(ctx, q, args...)
}

// QueryRow records and runs a one-row query.
func (t recordingTx) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	t.p.note(q)
	return t.Tx.QueryRow(ctx, q, args...)
}

// Exec records and runs a statement.
func (t recordingTx) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	t.p.note(q)
	return t.Tx.Exec(ctx, q, args...)
}

// Insert records and runs a bulk insert.
func (t recordingTx) Insert(ctx context.Context, tb sqlstore.Table, rows [][]any, got func(int64, string)) error {
	t.p.note("INSERT INTO " + tb.Name)
	return t.Tx.Insert(ctx, tb, rows, got)
}

// Apply of one grade reads only the rows the grade names — its student,
// subject and stored grade by journal id, and the periods around its date —
// never a school's reference tables in full.
func TestApplyOfOneGradeReadsOnlyWhatItNames(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "diary.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Apply(ctx, storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	rp := &recordingPort{dbPort: dbPort{db}}
	s := sqlstore.New(rp, time.Now)
	b := &diary.Batch{School: diary.School{Code: storetest.SchoolCode}, AsOf: diary.MustDate("2026-10-05"),
		Grades: []diary.GradeIn{{Src: diary.Source{File: "grades", Line: 1}, StudentRef: storetest.StudentBelov,
			SubjectRef: storetest.SubjMath, Grade: diary.Grade{ExtID: "gr-one", Date: diary.MustDate("2026-09-15"),
				Value: 5, Weight: diary.WeightOne}}}}
	if _, err := s.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	from := regexp.MustCompile(`^.*FROM ([a-z_]+)(?: [a-z])? WHERE (.*)`)
	for _, q := range rp.seen {
		m := from.FindStringSubmatch(q)
		switch {
		case strings.HasPrefix(q, "INSERT INTO grades"), strings.HasPrefix(q, "INSERT INTO aggregates"),
			strings.HasPrefix(q, "SELECT id, code,"): // the school, by code
		case m == nil:
			t.Errorf("unexpected statement: %s", q)
		case m[1] == "periods" && strings.Contains(m[2], "start_date <="):
		case (m[1] == "students" || m[1] == "subjects" || m[1] == "grades") && strings.Contains(m[2], "ext_id IN"):
		default:
			t.Errorf("reads more than the batch names: %s", q)
		}
	}
	if len(rp.seen) > 7 {
		t.Errorf("%d statements for one grade, want at most 7:\n%s", len(rp.seen), strings.Join(rp.seen, "\n"))
	}
}
