package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// withConn runs fn on a pooled connection.
func (db *DB) withConn(ctx context.Context, fn func(c *pgx.Conn) error) error {
	c, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return fn(c.Conn())
}

// inTx runs fn in a transaction, committed when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, fn)
}

// withConnExec runs one statement on a pooled connection and stores the
// number of rows it touched in n.
func (db *DB) withConnExec(ctx context.Context, n *int64, sql string, args ...any) error {
	tag, err := db.pool.Exec(ctx, sql, args...)
	*n = tag.RowsAffected()
	return err
}
