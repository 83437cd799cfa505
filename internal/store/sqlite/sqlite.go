// Package sqlite is the embedded store: diary.Store on one SQLite file through
// the pure-Go driver modernc.org/sqlite (no cgo). The file is in WAL mode, so
// readers (a pool of query-only connections) never wait for the writer.
//
// Within one process, every write goes through a single writer connection in
// IMMEDIATE transactions: writers queue in the pool instead of failing, and
// "database is locked" cannot come from two writers of the same DB.
//
// Across processes (say, diaryctl import next to a running bot), SQLite lets
// one writer at a time hold the file; a write of another process waits for it
// up to BusyTimeout and only then fails with "database is locked". The
// timeout is long so that a small write (a teacher's expected grade) outlasts
// a large import; an import longer than BusyTimeout still makes it fail.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

// BusyTimeout is how long a connection waits for a lock another process holds
// (a long import, a backup) before failing with "database is locked".
const BusyTimeout = 5 * time.Minute

// DB is the embedded store. It is safe for concurrent use.
type DB struct {
	*sqlstore.Store
	path   string
	write  *sql.DB // one connection: every write and write transaction
	read   *sql.DB // query-only pool
	wcache *stmtCache
	rcache *stmtCache
	now    func() time.Time
	schema fs.FS // holds migrations/*.sql
}

var _ diary.Store = (*DB)(nil)

// Open opens (creating when missing) the SQLite file at path and its parent
// directory. It does not migrate; call Migrate.
func Open(ctx context.Context, path string, now func() time.Time) (*DB, error) {
	if now == nil {
		now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("sqlite: create directory: %w", err)
	}
	db := &DB{path: path, now: now, schema: migrationFiles}
	var err error
	if db.write, err = openPool(ctx, path, false, 1); err != nil {
		return nil, err
	}
	if err := walMode(ctx, db.write); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if db.read, err = openPool(ctx, path, true, max(4, runtime.GOMAXPROCS(0))); err != nil {
		db.write.Close()
		return nil, err
	}
	db.wcache, db.rcache = newStmtCache(db.write), newStmtCache(db.read)
	db.Store = sqlstore.New(dbPort{db}, now)
	return db, nil
}

// Page caches, per connection, in KiB. Each reader keeps its own cache of the
// same file, so they stay small (the OS file cache serves them all); the one
// writer gets more for big imports. The embedded setup must stay under 50 MB
// of memory with a school loaded (issue 3), which larger caches broke.
var (
	ReadCacheKiB  = 2048
	WriteCacheKiB = 8192
)

// openPool opens a *sql.DB on path: the writer (one connection, IMMEDIATE
// transactions, foreign keys on, a large page cache for big batches) or the
// query-only read pool.
func openPool(ctx context.Context, path string, readOnly bool, conns int) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "synchronous(NORMAL)")
	if readOnly {
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", ReadCacheKiB))
		q.Set("_query_only", "1")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", WriteCacheKiB))
		q.Set("_txlock", "immediate")
	}
	pool, err := sql.Open("sqlite", "file:"+uriEscaper.Replace(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	pool.SetMaxOpenConns(conns)
	pool.SetMaxIdleConns(conns)
	pool.SetConnMaxIdleTime(0)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return pool, nil
}

// uriEscaper escapes what would end the path of a file: URI.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// walMode switches the file to write-ahead logging, which it keeps. Several
// processes opening a new file at once may find it busy: switching the
// journal mode does not wait for locks, so walMode retries for BusyTimeout.
func walMode(ctx context.Context, pool *sql.DB) error {
	deadline := time.Now().Add(BusyTimeout)
	for {
		var mode string
		err := pool.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
		switch {
		case err == nil && mode != "wal":
			return fmt.Errorf("journal mode is %q, want wal", mode)
		case err == nil:
			return nil
		case sqliteCode(err)&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline):
			return fmt.Errorf("set WAL journal: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Close releases the cached statements and both pools.
func (db *DB) Close() error {
	return errors.Join(db.rcache.close(), db.wcache.close(), db.read.Close(), db.write.Close())
}

// reader runs cached queries on the read pool.
func (db *DB) reader() querier { return cached{c: db.rcache} }

// writer runs cached statements on the writer.
func (db *DB) writer() querier { return cached{c: db.wcache} }

// Ping checks that the file answers and that every migration is applied.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	applied, latest, err := db.Version(ctx)
	if err != nil {
		return err
	}
	if applied < latest {
		return fmt.Errorf("sqlite: ping: migrations pending: applied %d of %d", applied, latest)
	}
	return nil
}

// clock returns the current instant in UTC at the microsecond, as stored.
func (db *DB) clock() time.Time { return db.now().UTC().Truncate(time.Microsecond) }

// inWriteTx runs fn in a write transaction with cached statements, giving it
// the transaction too; it commits when fn returns nil, unless dryRun.
func (db *DB) inWriteTx(ctx context.Context, dryRun bool, fn func(q querier, tx *sql.Tx) error) error {
	defer db.wcache.flush(context.WithoutCancel(ctx))
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(cached{c: db.wcache, tx: tx}, tx); err != nil || dryRun {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// inRead runs fn in a read transaction, one consistent snapshot, with
// cached statements.
func (db *DB) inRead(ctx context.Context, fn func(q querier) error) error {
	defer db.rcache.flush(context.WithoutCancel(ctx))
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	return fn(cached{c: db.rcache, tx: tx})
}

// WritePool returns the one-connection writer pool, for engines that write
// the same file (River's riversqlite driver): sharing the single writer
// queues their writes behind the store's instead of failing them with
// "database is locked".
func (db *DB) WritePool() *sql.DB { return db.write }
