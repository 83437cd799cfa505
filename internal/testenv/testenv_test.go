package testenv

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestStale(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	old := "1799000000"   // ~11.6 days before now
	fresh := "1799999000" // 1000 s before now
	tests := []struct {
		name string
		db   string
		want bool
	}{
		{"old test database", testPrefix + old + "_ab12cd34", true},
		{"fresh test database", testPrefix + fresh + "_ab12cd34", false},
		{"old template", templatePrefix + "v3_" + old + "_ab12cd34", true},
		{"fresh template", templatePrefix + "v3_" + fresh + "_ab12cd34", false},
		{"someone else's database", "diary_" + old, false},
		{"no time in name", testPrefix + "x_y", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := stale(tc.db, now); got != tc.want {
				t.Errorf("stale(%q) = %v, want %v", tc.db, got, tc.want)
			}
		})
	}
}

// count returns the result of a count query on the database at url.
func count(t *testing.T, url, sql string) int {
	t.Helper()
	c, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer c.Close(t.Context())
	var n int
	if err := c.QueryRow(t.Context(), sql).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func TestPostgresURLFreshAndDistinct(t *testing.T) {
	a, b := PostgresURL(t), PostgresURL(t)
	if a == b {
		t.Fatalf("two calls returned the same database %s", a)
	}
	const tables = `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`
	if n := count(t, a, tables); n != 0 {
		t.Errorf("fresh database has %d tables", n)
	}
}

var migrations atomic.Int32

// migrateOne makes one table and records a version, as a store migration would.
func migrateOne(ctx context.Context, url string) error {
	migrations.Add(1)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, `CREATE TABLE schema_migrations (version int);
		INSERT INTO schema_migrations VALUES (7); CREATE TABLE things (id int)`)
	return err
}

func TestPostgresMigratedURLCopiesTemplate(t *testing.T) {
	for i := range 3 {
		url := PostgresMigratedURL(t, migrateOne)
		if n := count(t, url, `SELECT count(*) FROM things`); n != 0 {
			t.Errorf("copy %d: things has %d rows", i, n)
		}
		// A write to one copy must not show in the next.
		c, err := pgx.Connect(t.Context(), url)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Exec(t.Context(), `INSERT INTO things VALUES (1)`)
		c.Close(t.Context())
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := migrations.Load(); got != 1 {
		t.Errorf("migrate ran %d times, want 1", got)
	}
	tp := templateFor(migrateOne)
	if want := templatePrefix + "v7_"; len(tp.name) < len(want) || tp.name[:len(want)] != want {
		t.Errorf("template name %q, want prefix %q", tp.name, want)
	}
}
