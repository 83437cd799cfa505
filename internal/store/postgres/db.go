// Package postgres is the PostgreSQL store of the diary (the scaled setup),
// built on pgx/v5 and pgxpool. It implements diary.Store; Open does not
// migrate, Migrate does, safely from several processes at once.
package postgres

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

// DB is the PostgreSQL store.
type DB struct {
	*sqlstore.Store
	pool   *pgxpool.Pool
	now    func() time.Time
	schema fs.FS // holds migrations/*.sql
}

var _ diary.Store = (*DB)(nil)

// Open connects to the database at url; now is the store's clock. It does
// not migrate.
func Open(ctx context.Context, url string, now func() time.Time) (*DB, error) {
	if now == nil {
		now = time.Now
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse url: %w", err)
	}
	p, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	db := &DB{pool: p, now: now, schema: migrationFS}
	db.Store = sqlstore.New(dbPort{db}, now)
	if err := p.Ping(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	return db, nil
}

// Close releases the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks that the database answers and every migration is applied.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.withConn(ctx, func(c *pgx.Conn) error { return c.Ping(ctx) }); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	applied, latest, err := db.Version(ctx)
	if err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	if applied < latest {
		return fmt.Errorf("ping: migrations pending: applied %d of %d", applied, latest)
	}
	return nil
}

// clock returns the store's now in UTC at the database's microsecond precision.
func (db *DB) clock() time.Time { return db.now().UTC().Truncate(time.Microsecond) }

// Pool returns the connection pool, for engines that share the database
// (River's riverpgxv5 driver).
func (db *DB) Pool() *pgxpool.Pool { return db.pool }
