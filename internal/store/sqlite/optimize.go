package sqlite

import (
	"context"
	"fmt"
)

// Optimize refreshes the query planner's statistics after a bulk import
// (PRAGMA optimize, which analyzes the tables that need it), keeping the
// per-index row counts (sqlite_stat1) and dropping the value samples
// (sqlite_stat4). With samples, every statement whose parameter meets an
// indexed column (school_id = ?1, the grade's dates) is prepared again
// whenever that parameter's value changes, which cost a one-grade write
// more than its SQL; the samples buy nothing for the diary's evenly spread
// keys.
func (db *DB) Optimize(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if err := db.dropSamples(ctx); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// dropSamples empties sqlite_stat4 when ANALYZE made it, and has the
// connections load the statistics again.
func (db *DB) dropSamples(ctx context.Context) error {
	var n int
	err := db.write.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat4'`).Scan(&n)
	if err != nil || n == 0 {
		return err
	}
	if _, err := db.write.ExecContext(ctx, `DELETE FROM sqlite_stat4`); err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `ANALYZE sqlite_schema`)
	return err
}
