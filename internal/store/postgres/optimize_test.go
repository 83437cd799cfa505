package postgres_test

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

// TestOptimizeRefreshesStatistics checks that Optimize analyzes the tables:
// after it the planner knows the grades table's row count.
func TestOptimizeRefreshesStatistics(t *testing.T) {
	url := testenv.PostgresMigratedURL(t, migrate)
	db := openRaw(t, url, time.Now)
	defer db.Close()
	if _, err := db.Apply(t.Context(), storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.Optimize(t.Context()); err != nil {
		t.Fatalf("optimize: %v", err)
	}
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	var analyzed bool
	err = conn.QueryRow(t.Context(), `SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables
		WHERE relname = 'grades'`).Scan(&analyzed)
	if err != nil || !analyzed {
		t.Errorf("grades analyzed = %v, err %v; want true", analyzed, err)
	}
}
