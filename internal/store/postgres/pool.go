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
