package testenv

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// template is one migrated template database of this process.
type template struct {
	once sync.Once
	name string
	err  error
}

var templates struct {
	sync.Mutex
	byFunc map[uintptr]*template
}

// PostgresMigratedURL returns the URL of a fresh database that migrate has
// already migrated. The first call in a process for a given migrate function
// creates a template database and runs migrate on it once; every call then
// copies it with CREATE DATABASE … TEMPLATE, which takes milliseconds.
// migrate must close every connection it opens before it returns (PostgreSQL
// copies only a database nobody is connected to). The template is named
// diary_tpl_v<version>_<unix>_<random>, version being the highest in its
// schema_migrations table; it is left behind when the process ends and dropped
// by a later process once stale (see StaleAfter).
func PostgresMigratedURL(t testing.TB, migrate func(ctx context.Context, url string) error) string {
	t.Helper()
	tp := templateFor(migrate)
	tp.once.Do(func() { tp.name, tp.err = makeTemplate(t, migrate) })
	if tp.err != nil {
		t.Fatal(tp.err)
	}
	return createDB(t, tp.name)
}

// templateFor returns the template entry of migrate's function.
func templateFor(migrate func(ctx context.Context, url string) error) *template {
	key := reflect.ValueOf(migrate).Pointer()
	templates.Lock()
	defer templates.Unlock()
	if templates.byFunc == nil {
		templates.byFunc = map[uintptr]*template{}
	}
	tp := templates.byFunc[key]
	if tp == nil {
		tp = &template{}
		templates.byFunc[key] = tp
	}
	return tp
}

// makeTemplate creates, migrates and names a template database.
func makeTemplate(t testing.TB, migrate func(ctx context.Context, url string) error) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	admin := adminConn(ctx, t)
	defer admin.Close(ctx)
	sweepOnce.Do(func() { sweep(ctx, admin) })
	tmp := uniqueName(templatePrefix + "v0_")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{tmp}.Sanitize()); err != nil {
		return "", errf("create template: %w", err)
	}
	name, err := migrateTemplate(ctx, t, admin, tmp, migrate)
	if err != nil {
		_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{tmp}.Sanitize()+" WITH (FORCE)")
		return "", err
	}
	return name, nil
}

// migrateTemplate migrates tmp and renames it after its migration version.
func migrateTemplate(ctx context.Context, t testing.TB, admin *pgx.Conn, tmp string,
	migrate func(ctx context.Context, url string) error) (string, error) {
	t.Helper()
	u := dbURL(t, tmp)
	if err := migrate(ctx, u); err != nil {
		return "", errf("migrate template: %w", err)
	}
	v, err := migrationVersion(ctx, u)
	if err != nil {
		return "", err
	}
	name := strings.Replace(tmp, "_v0_", "_v"+v+"_", 1)
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{tmp}.Sanitize()+" RENAME TO "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", errf("rename template (does migrate close its connections?): %w", err)
	}
	return name, nil
}

// migrationVersion returns the highest applied migration of the database at
// u, "0" when it has no schema_migrations table.
func migrationVersion(ctx context.Context, u string) (string, error) {
	c, err := pgx.Connect(ctx, u)
	if err != nil {
		return "", errf("connect template: %w", err)
	}
	defer c.Close(ctx)
	var exists bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return "0", err
	}
	var v string
	if err := c.QueryRow(ctx, `SELECT coalesce(max(version), 0)::text FROM schema_migrations`).Scan(&v); err != nil {
		return "", errf("template version: %w", err)
	}
	return v, nil
}
