package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the live database to path with
// VACUUM INTO (clause 3.3.1). It reads one snapshot on a connection of its
// own, so readers and the writer keep working meanwhile. path must not
// exist; its directory is created. Restore by stopping the service and
// putting the copy in place of the database file (removing any -wal and
// -shm files next to it).
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("sqlite: backup: %s already exists", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return fmt.Errorf("sqlite: backup: create directory: %w", err)
	}
	conn, err := openPool(ctx, db.path, false, 1) // VACUUM INTO is refused on query-only connections
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	return nil
}
