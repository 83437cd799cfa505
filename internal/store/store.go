// Package store opens the persistence the configuration names: embedded SQLite
// (the default) or PostgreSQL. The implementations live in sqlite/ and
// postgres/ and pass the one contract suite in storetest/.
package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/redact"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
)

// DefaultPath is the embedded store's file when DATABASE_URL is empty.
const DefaultPath = "./data/diary.db"

// DB is a store that can also migrate its schema.
type DB interface {
	diary.Store
	// Migrate applies every pending migration; safe when several processes
	// start at once.
	Migrate(ctx context.Context) error
	// Version returns the applied and the latest known migration numbers.
	Version(ctx context.Context) (applied, latest int, err error)
	// Optimize refreshes the query planner's statistics; run it after a bulk
	// import so that reads keep using their indexes.
	Optimize(ctx context.Context) error
}

// Options tune Open.
type Options struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Open opens the store dsn names: "postgres://…" or "postgresql://…" for
// PostgreSQL, "sqlite:PATH" or "" (DefaultPath) for SQLite. It does not migrate.
func Open(ctx context.Context, dsn string, opt Options) (DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		db, err := postgres.Open(ctx, dsn, opt.Now)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		return db, nil
	case dsn == "", strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" {
			path = DefaultPath
		}
		db, err := sqlite.Open(ctx, path, opt.Now)
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		return db, nil
	default:
		return nil, fmt.Errorf("open store: DATABASE_URL must start with postgres:// or sqlite:, got %q", redact.URL(dsn))
	}
}

// OpenMigrated opens the store dsn names and applies its pending migrations,
// as every binary does at start; several replicas starting at once are safe.
// It returns the applied migration number for the start-up log.
func OpenMigrated(ctx context.Context, dsn string, opt Options) (DB, int, error) {
	db, err := Open(ctx, dsn, opt)
	if err != nil {
		return nil, 0, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("migrate: %w", err)
	}
	applied, _, err := db.Version(ctx)
	if err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("migrate: %w", err)
	}
	return db, applied, nil
}
