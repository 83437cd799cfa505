package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/testenv"
)

// Several binaries starting at once all migrate the same fresh database:
// every one succeeds and each migration is applied once.
func TestMigrateConcurrently(t *testing.T) {
	url := testenv.PostgresURL(t)
	ctx := t.Context()
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := openRaw(t, url, time.Now)
			defer db.Close()
			errs[i] = db.Migrate(ctx)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migrate %d: %v", i, err)
		}
	}
	db := openRaw(t, url, time.Now)
	defer db.Close()
	applied, latest, err := db.Version(ctx)
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	if applied != latest || latest < 1 {
		t.Errorf("version = %d of %d, want all applied", applied, latest)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after migrate: %v", err)
	}
}

// Ping fails while migrations are pending.
func TestPingFailsWhenPending(t *testing.T) {
	db := openRaw(t, testenv.PostgresURL(t), time.Now)
	defer db.Close()
	ctx := context.Background()
	if err := db.Ping(ctx); err == nil {
		t.Fatal("ping of an unmigrated database succeeded")
	}
	applied, latest, err := db.Version(ctx)
	if err != nil || applied != 0 || latest < 1 {
		t.Errorf("version = %d, %d, %v; want 0, ≥1, nil", applied, latest, err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after migrate: %v", err)
	}
}
