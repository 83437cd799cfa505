package postgres

import (
	"context"
	"fmt"
)

// Optimize refreshes the planner's statistics (ANALYZE). A bulk import leaves
// them stale until autovacuum catches up, and stale statistics turn the
// diary's index lookups into scans: run it after an import.
func (db *DB) Optimize(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}
