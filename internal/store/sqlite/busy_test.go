package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// Every connection, the writer's and the readers', waits BusyTimeout for a
// lock another process holds, so a small write outlasts a long import.
func TestBusyTimeoutOnEveryConnection(t *testing.T) {
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "diary.db"), time.Now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	if BusyTimeout < time.Minute {
		t.Errorf("BusyTimeout = %v, want at least a minute", BusyTimeout)
	}
	for name, pool := range map[string]*sql.DB{"writer": db.write, "reader": db.read} {
		var ms int64
		if err := pool.QueryRowContext(t.Context(), `PRAGMA busy_timeout`).Scan(&ms); err != nil {
			t.Fatalf("%s: busy_timeout: %v", name, err)
		}
		if got, want := time.Duration(ms)*time.Millisecond, BusyTimeout; got != want {
			t.Errorf("%s: busy_timeout = %v, want %v", name, got, want)
		}
	}
}
