package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// foreignKeysOff is the line that marks a migration rebuilding a table other
// tables refer to: SQLite's way (create the new table, copy, drop, rename)
// needs foreign keys off, which a transaction cannot switch, so the migration
// runs with them off and checks them all before it commits.
const foreignKeysOff = "-- sqlite: foreign keys off"

// migrations returns the store's migrations (the embedded ones unless a
// test set others) by version.
func (db *DB) migrations() ([]sqlstore.Migration, error) {
	return sqlstore.Migrations(db.schema, "migrations")
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
) STRICT`

// Migrate applies every migration not yet recorded, lowest first (a gap
// below the highest recorded one too), each in its own IMMEDIATE
// transaction that first re-checks the record, so several processes
// starting at once apply each migration exactly once.
func (db *DB) Migrate(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	p, err := db.plan(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range p.Pending {
		if err := db.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migrate: %s: %w", m.Name, err)
		}
	}
	return db.migrateRiver(ctx)
}

// migrateRiver applies River's own migrations (its river_* tables, where
// the notices' delivery jobs live) after the diary's, on the writer. River
// applies each in its own transaction after reading which are recorded, so
// a process starting at the same moment may apply one first and make this
// one's fail ("already exists"): it tries again, reading the record anew
// (TestConcurrentMigrate failed one run in two without it).
func (db *DB) migrateRiver(ctx context.Context) error {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	m, err := rivermigrate.New(riversqlite.New(db.write), &rivermigrate.Config{Logger: log})
	if err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	for try := 1; ; try++ {
		_, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		if err == nil || try == riverTries || ctx.Err() != nil {
			return wrapRiver(err)
		}
	}
}

// riverTries bounds migrateRiver's tries: each failed one means another
// process applied a migration, and River has about ten.
const riverTries = 10

// wrapRiver prefixes an error of River's migrations; nil stays nil.
func wrapRiver(err error) error {
	if err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	return nil
}

// applyMigration applies m on the writer's connection unless it is already
// recorded, with foreign keys off when m asks for it.
func (db *DB) applyMigration(ctx context.Context, m sqlstore.Migration) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	if !strings.Contains(m.SQL, foreignKeysOff) {
		return db.migrateTx(ctx, conn, m, false)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("foreign keys off: %w", err)
	}
	err = db.migrateTx(ctx, conn, m, true)
	if _, onErr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); onErr != nil && err == nil {
		err = fmt.Errorf("foreign keys on: %w", onErr)
	}
	return err
}

// migrateTx runs and records m in one transaction on conn after re-checking
// that no other process did; with checkKeys every foreign key must hold
// before it commits.
func (db *DB) migrateTx(ctx context.Context, conn *sql.Conn, m sqlstore.Migration, checkKeys bool) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var n int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil { // several statements: not cached
		return err
	}
	if checkKeys {
		if err := foreignKeyCheck(ctx, tx); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, instantText(db.clock()))
	if err != nil {
		return err
	}
	return tx.Commit()
}

// foreignKeyCheck fails when any row breaks a foreign key.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	var table string
	var rowid sql.NullInt64
	var parent string
	var fk int
	err := tx.QueryRowContext(ctx, `PRAGMA foreign_key_check`).Scan(&table, &rowid, &parent, &fk)
	switch {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return fmt.Errorf("foreign key check: %w", err)
	}
	return fmt.Errorf("foreign key check: row %d of %s refers to a missing %s", rowid.Int64, table, parent)
}

// plan compares the embedded migrations with the recorded ones.
func (db *DB) plan(ctx context.Context) (sqlstore.Plan, error) {
	ms, err := db.migrations()
	if err != nil {
		return sqlstore.Plan{}, err
	}
	recorded, err := db.recorded(ctx)
	if err != nil {
		return sqlstore.Plan{}, err
	}
	return sqlstore.PlanMigrations(ms, recorded), nil
}

// recorded returns the versions schema_migrations records; none on a file
// that was never migrated.
func (db *DB) recorded(ctx context.Context) ([]int, error) {
	var exists int
	err := db.reader().QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&exists)
	if err != nil || exists == 0 {
		return nil, wrap(err, "recorded migrations")
	}
	rows, err := db.reader().QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	return collect(rows, err, "recorded migrations", func(r scanner) (v int, err error) {
		return v, r.Scan(&v)
	})
}

// Version returns the applied migration number (the highest with every
// lower one applied too; 0 on an empty file) and the highest embedded one.
func (db *DB) Version(ctx context.Context) (applied, latest int, err error) {
	p, err := db.plan(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("version: %w", err)
	}
	return p.Applied, p.Latest, nil
}
