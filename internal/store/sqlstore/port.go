// Package sqlstore is the persistence logic of the diary, written once for
// both SQL stores: every read, Apply with its resolution, the identity
// records and the tokens. It speaks to a database only through the small
// port below; internal/store/sqlite and internal/store/postgres adapt it to
// their drivers and keep only what genuinely differs (opening, pooling,
// migrations, error translation, bulk writes, locks).
//
// SQL here is written once, with PostgreSQL's numbered placeholders ($1,
// $2…); the SQLite adapter rewrites them to SQLite's ?1, ?2. Dates and
// instants are passed through the dialect (Dialect.Date, Dialect.Instant) and
// scanned through the column types of values.go, which read both drivers'
// representations.
package sqlstore

import (
	"context"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Row is one result row.
type Row interface {
	// Scan copies the row's columns into dest; the store's "no rows" error
	// when there is none (Port.NoRows reports it).
	Scan(dest ...any) error
}

// Rows is the result of a query, read with Next and Scan and closed once.
type Rows interface {
	// Next advances to the next row; false at the end or on an error.
	Next() bool
	// Scan copies the current row's columns into dest.
	Scan(dest ...any) error
	// Err returns the error that ended the iteration, if any.
	Err() error
	// Close releases the rows; safe to call more than once.
	Close()
}

// Querier runs SQL: a pool, a read snapshot or a write transaction.
type Querier interface {
	// Query runs a query returning rows.
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	// QueryRow runs a query returning at most one row; errors surface at Scan.
	QueryRow(ctx context.Context, sql string, args ...any) Row
	// Exec runs a statement and returns the number of rows it touched.
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
}

// Tx is a write transaction.
type Tx interface {
	Querier
	// Insert writes rows into t and, when t.Key is set, calls got with each
	// new row's id and key column: PostgreSQL sends column arrays (or COPY
	// when no ids are wanted), SQLite multi-row INSERTs.
	Insert(ctx context.Context, t Table, rows [][]any, got func(id int64, key string)) error
	// Update rewrites t's columns of the rows with ids, rows[i] for ids[i].
	Update(ctx context.Context, t Table, ids []int64, rows [][]any) error
	// LockKey holds, until the transaction ends, an exclusive lock on key
	// across processes (an advisory lock on PostgreSQL; SQLite's single
	// writer already serialises write transactions).
	LockKey(ctx context.Context, key string) error
	// SendBatch runs the batch's queries in the transaction, calling each
	// item's Read with its rows in order: PostgreSQL pipelines them in one
	// round trip, SQLite runs them one after another.
	SendBatch(ctx context.Context, b *Batch) error
	// Driver returns the driver's own transaction (a pgx.Tx or a *sql.Tx),
	// for engines that must write in the same transaction, such as River.
	Driver() any
}

// Port is what a SQL database gives the shared logic.
type Port interface {
	// Querier runs single statements outside a transaction: Query and
	// QueryRow only read (SQLite sends them to its query-only pool; an
	// INSERT … RETURNING belongs in Write), Exec writes in its own transaction.
	Querier
	// Read runs fn on one consistent snapshot.
	Read(ctx context.Context, fn func(q Querier) error) error
	// ReadBatch runs the batch's queries on one snapshot, calling each
	// item's Read with its rows in order: PostgreSQL pipelines them in one
	// round trip, SQLite runs them one after another in a read transaction.
	ReadBatch(ctx context.Context, b *Batch) error
	// Write runs fn in a write transaction, committed when fn returns nil
	// and rolled back otherwise; with dryRun it is always rolled back.
	Write(ctx context.Context, dryRun bool, fn func(tx Tx) error) error
	// Dialect returns the SQL forms that differ between the databases.
	Dialect() Dialect
	// Translate turns a driver error into the diary's codes: no rows →
	// diary.ErrNotFound, a unique key → diary.ErrConflict, a foreign key →
	// diary.ENotFound, a CHECK or NOT NULL → diary.EInvalid; nil stays nil.
	Translate(err error) error
}

// Dialect holds the pieces of SQL and the parameter forms that differ.
type Dialect struct {
	// Name is "postgres" or "sqlite".
	Name string
	// ForShare is appended to a SELECT that must share-lock its rows
	// (" FOR SHARE"), or "" where writers are serialised anyway.
	ForShare string
	// ForUpdate is appended to a SELECT that must lock its rows for update.
	ForUpdate string
	// SkipLocked is appended after ForUpdate to skip rows others hold
	// (" SKIP LOCKED"), or "".
	SkipLocked string
	// Date encodes a civil date parameter; the zero date is NULL.
	Date func(d diary.Date) any
	// Instant encodes an instant parameter; the zero time is NULL.
	Instant func(t time.Time) any
	// List encodes a list parameter (of strings or int64) for the SQL that
	// InList returns.
	List func(v any) any
	// InList returns a subquery yielding the elements of the list parameter
	// number n, e.g. "SELECT unnest($2::text[])"; kind is "text" or "bigint".
	InList func(n int, kind string) string
}
