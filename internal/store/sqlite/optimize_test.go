package sqlite_test

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// TestOptimizeRunsAfterImport checks that Optimize succeeds on a store with
// data and leaves it usable.
func TestOptimizeRunsAfterImport(t *testing.T) {
	db := openMigrated(t, time.Now)
	defer db.Close()
	if _, err := db.Apply(t.Context(), storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.Optimize(t.Context()); err != nil {
		t.Fatalf("optimize: %v", err)
	}
	if _, err := db.SchoolByCode(t.Context(), storetest.SchoolCode); err != nil {
		t.Errorf("read after optimize: %v", err)
	}
}
