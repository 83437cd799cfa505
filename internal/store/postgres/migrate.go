package postgres

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/schooldiary/diary/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrateLockKey is the pg_advisory_lock key the migrating process holds.
const migrateLockKey = 0x6469617279 // "diary"

// migrations returns the store's migrations (the embedded ones unless a
// test set others) by version.
func (db *DB) migrations() ([]sqlstore.Migration, error) {
	return sqlstore.Migrations(db.schema, "migrations")
}

// Migrate applies every migration not yet recorded, lowest first (a gap
// below the highest recorded one too), each in its own transaction, under an
// advisory lock so that processes starting at once apply each once.
func (db *DB) Migrate(ctx context.Context) error {
	ms, err := db.migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return db.withConn(ctx, func(conn *pgx.Conn) error { return db.migrateConn(ctx, conn, ms) })
}

// migrateConn holds the migration lock on conn while migrating.
func (db *DB) migrateConn(ctx context.Context, conn *pgx.Conn, ms []sqlstore.Migration) error {
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLockKey); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer func() {
		_, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLockKey)
	}()
	if err := db.migrateLocked(ctx, conn, ms); err != nil {
		return err
	}
	return db.migrateRiver(ctx)
}

// migrateRiver applies River's own migrations (its river_* tables, where
// the notices' delivery jobs live) after the diary's, still under the lock.
func (db *DB) migrateRiver(ctx context.Context) error {
	m, err := rivermigrate.New(riverpgxv5.New(db.pool), &rivermigrate.Config{Logger: riverLog()})
	if err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	return nil
}

// riverLog is River's logger: warnings and errors, on standard error.
func riverLog() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// migrateLocked applies the migrations not yet recorded.
func (db *DB) migrateLocked(ctx context.Context, conn *pgx.Conn, ms []sqlstore.Migration) error {
	_, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	recorded, err := recordedVersions(ctx, conn)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range sqlstore.PlanMigrations(ms, recorded).Pending {
		if err := db.applyMigration(ctx, conn, m); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one migration and records it in one transaction.
func (db *DB) applyMigration(ctx context.Context, conn *pgx.Conn, m sqlstore.Migration) error {
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
			m.Version, m.Name, db.clock())
		return err
	})
	if err != nil {
		return fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	return nil
}

// recordedVersions returns the versions schema_migrations records; none
// when the table does not exist.
func recordedVersions(ctx context.Context, conn *pgx.Conn) ([]int, error) {
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("recorded migrations: %w", err)
	}
	if !exists {
		return nil, nil
	}
	rows, err := conn.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("recorded migrations: %w", err)
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, fmt.Errorf("recorded migrations: %w", err)
	}
	return vs, nil
}

// Version returns the applied migration number (the highest with every
// lower one applied too; 0 on an empty database) and the latest known one.
func (db *DB) Version(ctx context.Context) (applied, latest int, err error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, 0, fmt.Errorf("version: %w", err)
	}
	var recorded []int
	err = db.withConn(ctx, func(c *pgx.Conn) (err error) {
		recorded, err = recordedVersions(ctx, c)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("version: %w", err)
	}
	p := sqlstore.PlanMigrations(ms, recorded)
	return p.Applied, p.Latest, nil
}
