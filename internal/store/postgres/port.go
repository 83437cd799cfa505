package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

// dialect is PostgreSQL's part of the shared SQL.
var dialect = sqlstore.Dialect{
	Name:       "postgres",
	ForShare:   " FOR SHARE",
	ForUpdate:  " FOR UPDATE",
	SkipLocked: " SKIP LOCKED",
	Date:       func(d diary.Date) any { return dateArg(d) },
	Instant:    func(t time.Time) any { return timeArg(t) },
	List:       func(v any) any { return v },
	InList: func(n int, kind string) string {
		return fmt.Sprintf("SELECT unnest($%d::%s[])", n, kind)
	},
}

// port adapts the pool or a transaction to sqlstore.Querier.
type port struct {
	query    func(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	queryRow func(ctx context.Context, sql string, args ...any) pgx.Row
	exec     func(ctx context.Context, sql string, args ...any) (int64, error)
}

// Query runs a query.
func (p port) Query(ctx context.Context, sql string, args ...any) (sqlstore.Rows, error) {
	rows, err := p.query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// QueryRow runs a query returning at most one row.
func (p port) QueryRow(ctx context.Context, sql string, args ...any) sqlstore.Row {
	return p.queryRow(ctx, sql, args...)
}

// Exec runs a statement and returns the rows it touched.
func (p port) Exec(ctx context.Context, sql string, args ...any) (int64, error) {
	return p.exec(ctx, sql, args...)
}

// poolPort is the pool as a querier.
func poolPort(p *pgxpool.Pool) port {
	return port{query: p.Query, queryRow: p.QueryRow, exec: func(ctx context.Context, sql string, args ...any) (int64, error) {
		tag, err := p.Exec(ctx, sql, args...)
		return tag.RowsAffected(), err
	}}
}

// txPort is a write transaction.
type txPort struct {
	port
	tx pgx.Tx
}

// newTxPort adapts tx.
func newTxPort(tx pgx.Tx) txPort {
	return txPort{port: port{query: tx.Query, queryRow: tx.QueryRow, exec: func(ctx context.Context, sql string, args ...any) (int64, error) {
		tag, err := tx.Exec(ctx, sql, args...)
		return tag.RowsAffected(), err
	}}, tx: tx}
}

// LockKey takes a transaction-scoped advisory lock on key.
func (t txPort) LockKey(ctx context.Context, key string) error {
	_, err := t.tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, key)
	return err
}

// SendBatch sends the batch's queries in one pipeline.
func (t txPort) SendBatch(ctx context.Context, b *sqlstore.Batch) error {
	return t.tx.SendBatch(ctx, pipeline(b, "", "")).Close()
}

// pipeline returns b as a pgx.Batch, between the statements begin and end
// when they are not empty.
func pipeline(b *sqlstore.Batch, begin, end string) *pgx.Batch {
	pb := &pgx.Batch{}
	if begin != "" {
		pb.Queue(begin)
	}
	for _, it := range b.Items {
		read := it.Read
		pb.Queue(it.SQL, it.Args...).Query(func(rows pgx.Rows) error { return read(rows) })
	}
	if end != "" {
		pb.Queue(end)
	}
	return pb
}

// Driver returns the pgx.Tx.
func (t txPort) Driver() any { return t.tx }

// copyRows is the fewest rows Insert sends with COPY: for fewer, the COPY
// protocol's extra round trips cost more than the arrays of one INSERT.
const copyRows = 100

// Insert writes rows into tb: COPY when no ids are wanted, no conflict
// clause is set and there are at least copyRows rows, otherwise column arrays through unnest, with tb.Conflict
// and RETURNING id and tb.Key when set, in chunks.
func (t txPort) Insert(ctx context.Context, tb sqlstore.Table, rows [][]any, got func(id int64, key string)) error {
	if len(rows) == 0 {
		return nil
	}
	pt := pgTable(tb)
	if tb.Key == "" && tb.Conflict == "" && len(rows) >= copyRows {
		src := pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) { return pt.encodeRow(rows[i]), nil })
		_, err := t.tx.CopyFrom(ctx, pgx.Identifier{tb.Name}, tb.Cols, src)
		return err
	}
	cols := pt.columns(pt.encodeRows(rows))
	sql := "INSERT INTO " + tb.Name + " (" + strings.Join(tb.Cols, ", ") + ") SELECT u.* FROM " + pt.unnest(1, false)
	if tb.Conflict != "" {
		sql += " " + tb.Conflict
	}
	if tb.Key == "" {
		return chunked(len(rows), func(lo, hi int) error {
			_, err := t.tx.Exec(ctx, sql, sliceAll(cols, lo, hi)...)
			return err
		})
	}
	sql += " RETURNING id, " + tb.Key
	return chunked(len(rows), func(lo, hi int) error {
		res, err := t.tx.Query(ctx, sql, sliceAll(cols, lo, hi)...)
		if err != nil {
			return err
		}
		var id int64
		var key string
		_, err = pgx.ForEachRow(res, []any{&id, &key}, func() error { got(id, key); return nil })
		return err
	})
}

// Update rewrites tb's columns of the rows with ids through unnest, in chunks.
func (t txPort) Update(ctx context.Context, tb sqlstore.Table, ids []int64, rows [][]any) error {
	pt := pgTable(tb)
	cols := pt.columns(pt.encodeRows(rows))
	sql := pt.updateSQL()
	return chunked(len(ids), func(lo, hi int) error {
		args := append([]any{ids[lo:hi]}, sliceAll(cols, lo, hi)...)
		_, err := t.tx.Exec(ctx, sql, args...)
		return err
	})
}

// pgTable converts a shared table description into the bulk writer's.
func pgTable(tb sqlstore.Table) table {
	return table{name: tb.Name, cols: tb.Cols, types: tb.Kinds, key: tb.Key}
}

// encodeRows encodes every row.
func (t table) encodeRows(rows [][]any) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = t.encodeRow(r)
	}
	return out
}

// encodeRow turns a row of sqlstore.Table values into pgx values.
func (t table) encodeRow(r []any) []any {
	out := make([]any, len(r))
	for j, v := range r {
		switch t.types[j] {
		case "ntext":
			out[j] = textArg(v.(string))
		case "nbigint":
			out[j] = idArg(v.(int64))
		case "nsmallint":
			out[j] = intArg(v.(int))
		case "date":
			out[j] = dateArg(v.(diary.Date))
		default:
			out[j] = v
		}
	}
	return out
}

// dbPort is the DB as a sqlstore.Port.
type dbPort struct{ db *DB }

// Query runs a query on the pool.
func (p dbPort) Query(ctx context.Context, sql string, args ...any) (sqlstore.Rows, error) {
	return poolPort(p.db.pool).Query(ctx, sql, args...)
}

// QueryRow runs a query on the pool.
func (p dbPort) QueryRow(ctx context.Context, sql string, args ...any) sqlstore.Row {
	return p.db.pool.QueryRow(ctx, sql, args...)
}

// Exec runs a statement on the pool.
func (p dbPort) Exec(ctx context.Context, sql string, args ...any) (int64, error) {
	return poolPort(p.db.pool).Exec(ctx, sql, args...)
}

// Read runs fn in a read-only REPEATABLE READ transaction: one snapshot.
func (p dbPort) Read(ctx context.Context, fn func(q sqlstore.Querier) error) error {
	return pgx.BeginTxFunc(ctx, p.db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
		func(tx pgx.Tx) error { return fn(newTxPort(tx)) })
}

// ReadBatch sends the batch's queries in one round trip, between a BEGIN of
// a read-only REPEATABLE READ transaction and its COMMIT, all pipelined: one
// snapshot at the cost of one query. A query that fails leaves the
// connection in the aborted transaction, and the pool then drops it.
func (p dbPort) ReadBatch(ctx context.Context, b *sqlstore.Batch) error {
	pb := pipeline(b, `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`, `COMMIT`)
	return p.db.pool.SendBatch(ctx, pb).Close()
}

// Write runs fn in a transaction; a dry run rolls back.
func (p dbPort) Write(ctx context.Context, dryRun bool, fn func(tx sqlstore.Tx) error) error {
	tx, err := p.db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	if err := fn(newTxPort(tx)); err != nil || dryRun {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Dialect returns PostgreSQL's dialect.
func (p dbPort) Dialect() sqlstore.Dialect { return dialect }

// Translate turns a driver error into the diary's codes.
func (p dbPort) Translate(err error) error { return translate(err) }
