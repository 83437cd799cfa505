package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"sync"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

// dialect is SQLite's part of the shared SQL: dates and instants as text,
// lists as JSON arrays read by json_each, no row locks (one writer at a time).
var dialect = sqlstore.Dialect{
	Name: "sqlite",
	Date: func(d diary.Date) any {
		if d.IsZero() {
			return nil
		}
		return dateText(d)
	},
	Instant: nullInstant,
	List: func(v any) any {
		b, err := json.Marshal(v)
		if err != nil {
			panic("sqlite: list parameter: " + err.Error())
		}
		return string(b)
	},
	InList: func(n int, _ string) string { return "SELECT value FROM json_each($" + itoa(n) + ")" },
}

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// rebind rewrites the shared SQL's $1, $2… into SQLite's ?1, ?2…, caching
// the result per query text.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(query))
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c == '$' && i+1 < len(query) && query[i+1] >= '0' && query[i+1] <= '9' {
			c = '?'
		}
		b.WriteByte(c)
	}
	out := b.String()
	rebound.Store(query, out)
	return out
}

// rebound caches rebind's results.
var rebound sync.Map

// port adapts a querier (the read pool, the writer or a transaction, all
// with cached statements) to sqlstore.Querier.
type port struct{ q querier }

// Query runs a query.
func (p port) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	rows, err := p.q.QueryContext(ctx, rebind(query), args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

// QueryRow runs a query returning at most one row.
func (p port) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	return p.q.QueryRowContext(ctx, rebind(query), args...)
}

// Exec runs a statement and returns the rows it touched.
func (p port) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := p.q.ExecContext(ctx, rebind(query), args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// sqlRows adapts *sql.Rows to sqlstore.Rows.
type sqlRows struct{ *sql.Rows }

// Close releases the rows.
func (r sqlRows) Close() { _ = r.Rows.Close() }

// txPort is a write transaction.
type txPort struct {
	port
	tx *sql.Tx
}

// LockKey does nothing: SQLite has one writer at a time.
func (t txPort) LockKey(context.Context, string) error { return nil }

// SendBatch runs the batch's queries one after another.
func (t txPort) SendBatch(ctx context.Context, b *sqlstore.Batch) error {
	return sqlstore.RunBatch(ctx, t, b)
}

// Driver returns the *sql.Tx.
func (t txPort) Driver() any { return t.tx }

// dbPort is the DB as a sqlstore.Port.
type dbPort struct{ db *DB }

// Query runs a query on the read pool.
func (p dbPort) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	return port{p.db.reader()}.Query(ctx, q, args...)
}

// QueryRow runs a query on the read pool.
func (p dbPort) QueryRow(ctx context.Context, q string, args ...any) sqlstore.Row {
	return port{p.db.reader()}.QueryRow(ctx, q, args...)
}

// Exec runs a statement on the writer.
func (p dbPort) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return port{p.db.writer()}.Exec(ctx, q, args...)
}

// Read runs fn on a read snapshot.
func (p dbPort) Read(ctx context.Context, fn func(q sqlstore.Querier) error) error {
	return p.db.inRead(ctx, func(q querier) error { return fn(port{q}) })
}

// ReadBatch runs the batch's queries one after another on one snapshot.
func (p dbPort) ReadBatch(ctx context.Context, b *sqlstore.Batch) error {
	return p.Read(ctx, func(q sqlstore.Querier) error { return sqlstore.RunBatch(ctx, q, b) })
}

// Write runs fn in an IMMEDIATE write transaction; a dry run rolls back.
func (p dbPort) Write(ctx context.Context, dryRun bool, fn func(tx sqlstore.Tx) error) error {
	return p.db.inWriteTx(ctx, dryRun, func(q querier, tx *sql.Tx) error { return fn(txPort{port{q}, tx}) })
}

// Dialect returns SQLite's dialect.
func (p dbPort) Dialect() sqlstore.Dialect { return dialect }

// Translate turns a driver error into the diary's codes.
func (p dbPort) Translate(err error) error { return translate(err) }
