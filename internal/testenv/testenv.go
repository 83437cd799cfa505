// Package testenv gives tests the real services this machine runs: a fresh
// PostgreSQL database per test and the Redis URL. Tests never depend on what
// an earlier run left: every database is new and uniquely named.
//
// Naming: test databases are diary_t_<unix>_<random>, migrated templates
// diary_tpl_v<version>_<unix>_<random>. The unix time is when they were made;
// tests drop their databases in t.Cleanup, and the first use in a process
// drops leftovers of either prefix older than StaleAfter (crashed runs,
// templates of finished processes).
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/redact"
)

// DefaultPostgresURL is the server tests use unless TEST_POSTGRES_URL is set.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// DefaultRedisURL is the Redis tests use unless TEST_REDIS_URL is set. Tests
// share its database 9, so every test must use its own key prefix.
const DefaultRedisURL = "redis://127.0.0.1:6379/9"

// StaleAfter is the age after which a leftover test database or template is
// dropped by the next test process.
const StaleAfter = 2 * time.Hour

const (
	testPrefix     = "diary_t_"
	templatePrefix = "diary_tpl_"
	startHint      = "PostgreSQL does not answer at %s: %v. Run the tests with `make test` " +
		"(it starts PostgreSQL and Redis), or start a server and set TEST_POSTGRES_URL"
)

// RedisURL returns TEST_REDIS_URL or DefaultRedisURL. The database is shared:
// every test must prefix its keys uniquely (for example with t.Name()).
func RedisURL(t testing.TB) string {
	t.Helper()
	if u := os.Getenv("TEST_REDIS_URL"); u != "" {
		return u
	}
	return DefaultRedisURL
}

// serverURL returns the URL of the server's maintenance database.
func serverURL() string {
	if u := os.Getenv("TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

// PostgresURL creates an empty, uniquely named database, drops it when the
// test ends and returns its URL. The test fails with a hint when the server
// does not answer.
func PostgresURL(t testing.TB) string {
	t.Helper()
	return createDB(t, "")
}

// createDB creates a test database, from template when not empty.
func createDB(t testing.TB, template string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin := adminConn(ctx, t)
	defer admin.Close(ctx)
	sweepOnce.Do(func() { sweep(ctx, admin) })
	name := uniqueName(testPrefix)
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		sql += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	if _, err := admin.Exec(ctx, sql); err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	t.Cleanup(func() { dropDB(t, name) })
	return dbURL(t, name)
}

// adminConn connects to the server's maintenance database or fails the test.
func adminConn(ctx context.Context, t testing.TB) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(ctx, serverURL())
	if err != nil {
		t.Fatalf(startHint, redact.URL(serverURL()), err)
	}
	return c
}

// dropDB drops a test database, ending its sessions.
func dropDB(t testing.TB, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, serverURL())
	if err != nil {
		t.Errorf("testenv: drop %s: %v", name, err)
		return
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		t.Errorf("testenv: drop %s: %v", name, err)
	}
}

// uniqueName returns prefix followed by the unix time and 8 random hex digits.
func uniqueName(prefix string) string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return prefix + strconv.FormatInt(time.Now().Unix(), 10) + "_" + hex.EncodeToString(b[:])
}

// dbURL returns the server URL with its database replaced by name.
func dbURL(t testing.TB, name string) string {
	t.Helper()
	u, err := url.Parse(serverURL())
	if err != nil {
		t.Fatalf("testenv: TEST_POSTGRES_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

var sweepOnce sync.Once

// sweep drops test databases and templates older than StaleAfter. Errors are
// ignored: another process may be sweeping too.
func sweep(ctx context.Context, admin *pgx.Conn) {
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'diary\_t%'`)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, n := range names {
		if stale(n, time.Now()) {
			_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{n}.Sanitize()+" WITH (FORCE)")
		}
	}
}

// stale reports whether a database name made by this package is older than
// StaleAfter at now.
func stale(name string, now time.Time) bool {
	var rest string
	switch {
	case strings.HasPrefix(name, testPrefix):
		rest = strings.TrimPrefix(name, testPrefix)
	case strings.HasPrefix(name, templatePrefix):
		rest = strings.TrimPrefix(name, templatePrefix)
		if i := strings.IndexByte(rest, '_'); i >= 0 && strings.HasPrefix(rest, "v") {
			rest = rest[i+1:]
		}
	default:
		return false
	}
	unix, _, ok := strings.Cut(rest, "_")
	sec, err := strconv.ParseInt(unix, 10, 64)
	if !ok || err != nil {
		return false
	}
	return now.Sub(time.Unix(sec, 0)) > StaleAfter
}

// errf formats an error with the package prefix.
func errf(format string, args ...any) error { return fmt.Errorf("testenv: "+format, args...) }
