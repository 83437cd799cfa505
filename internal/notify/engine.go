package notify

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// engine is a River client of either store, without its transaction type.
type engine interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	Subscribe(kinds ...river.EventKind) (<-chan *river.Event, func())
	// insertTx inserts jobs in the store's transaction tx.
	insertTx(ctx context.Context, tx any, params []river.InsertManyParams) error
}

// clientOf is a River client whose transactions are TTx.
type clientOf[TTx any] struct{ *river.Client[TTx] }

// insertTx inserts the jobs in tx, which must be a TTx.
func (c clientOf[TTx]) insertTx(ctx context.Context, tx any, params []river.InsertManyParams) error {
	t, ok := tx.(TTx)
	if !ok {
		return fmt.Errorf("insert jobs: the store's transaction is a %T", tx)
	}
	if len(params) == 0 {
		return nil
	}
	_, err := c.InsertManyFastTx(ctx, t, params)
	return err
}

// pgxStore is the PostgreSQL store: River shares its pool.
type pgxStore interface{ Pool() *pgxpool.Pool }

// sqliteStore is the SQLite store: River shares its one writer connection,
// so River's writes queue behind the store's instead of failing with
// "database is locked", and a job is inserted in the notice's transaction.
type sqliteStore interface{ WritePool() *sql.DB }

// newEngine makes a River client on the database under db.
func newEngine(db any, cfg *river.Config) (engine, error) {
	switch s := db.(type) {
	case pgxStore:
		c, err := river.NewClient[pgx.Tx](riverpgxv5.New(s.Pool()), cfg)
		return clientOf[pgx.Tx]{c}, wrapErr(err)
	case sqliteStore:
		cfg.PollOnly = true // SQLite has no LISTEN/NOTIFY
		c, err := river.NewClient[*sql.Tx](riversqlite.New(s.WritePool()), cfg)
		return clientOf[*sql.Tx]{c}, wrapErr(err)
	}
	return nil, fmt.Errorf("notify: River runs on the PostgreSQL or SQLite store, not on %T", db)
}

// wrapErr prefixes River's construction error.
func wrapErr(err error) error {
	if err != nil {
		return fmt.Errorf("notify: river client: %w", err)
	}
	return nil
}
