package sqlite

import (
	"context"
	"fmt"
)

// Optimize refreshes the query planner's statistics after a bulk import
// (PRAGMA optimize, which analyzes the tables that need it).
func (db *DB) Optimize(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}
