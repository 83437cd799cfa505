package store_test

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/testenv"
)

// The schema parity test: after migration both stores have the same
// migrations, tables, columns (by kind and nullability), primary and unique
// keys, indexes (by table, name, columns and partial predicate) and CHECK
// constraints (by the columns they read). A
// difference is a store that answers differently: a NOT NULL refused on one
// only, a conflict found on one only, a query slow on one only.

// schema is what a store's catalogue says, as a set of facts such as
// "column students.class_id int" or "index lessons lessons_class_date (class_id, date)".
type schema map[string]bool

// TestSchemaParity migrates a fresh store of each kind and compares them.
func TestSchemaParity(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parity.db")
	migrateDSN(t, ctx, "sqlite:"+path)
	url := testenv.PostgresURL(t)
	migrateDSN(t, ctx, url)
	lite, pg := sqliteSchema(t, ctx, path), postgresSchema(t, ctx, url)
	if len(lite) == 0 || len(pg) == 0 {
		t.Fatalf("empty catalogue: %d SQLite facts, %d PostgreSQL facts", len(lite), len(pg))
	}
	if diff := compareSchemas(withoutRiver(pg), withoutRiver(lite)); diff != "" {
		t.Errorf("the stores' schemas differ after migration:\n%s", diff)
	}
}

// riverFact matches a fact about one of River's own tables (river_job,
// river_leader…): River's migrations differ between its PostgreSQL and SQLite
// drivers by design (jsonb, partial indexes, functions), and River keeps them,
// so the parity of the diary's schema leaves them out.
var riverFact = regexp.MustCompile(`(^|[ .(])river_`)

// withoutRiver returns s without the facts about River's tables.
func withoutRiver(s schema) schema {
	out := schema{}
	for f := range s {
		if !riverFact.MatchString(f) {
			out[f] = true
		}
	}
	return out
}

// migrateDSN opens the store dsn names, migrates it and closes it.
func migrateDSN(t *testing.T, ctx context.Context, dsn string) {
	t.Helper()
	db, err := store.Open(ctx, dsn, store.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}

// compareSchemas lists the facts of one store only, one a line; "" when
// the schemas agree.
func compareSchemas(pg, lite schema) string {
	var lines []string
	for f := range pg {
		if !lite[f] {
			lines = append(lines, "postgres only: "+f)
		}
	}
	for f := range lite {
		if !pg[f] {
			lines = append(lines, "sqlite only:   "+f)
		}
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[15:]+a, b[15:]+b) })
	return strings.Join(lines, "\n")
}

// column is a column's fact: its kind (int, text, real) and nullability.
func column(table, name, kind string, nullable bool) string {
	f := "column " + table + "." + name + " " + kind
	if !nullable {
		f += " not null"
	}
	return f
}

// kinds maps the declared types of both databases to kinds: dates and
// instants are text on SQLite, so they are text here too.
var kinds = map[string]string{
	"integer": "int", "bigint": "int", "smallint": "int", "int": "int", "boolean": "int",
	"text": "text", "character varying": "text", "date": "text", "timestamp with time zone": "text",
	"real": "real", "double precision": "real", "numeric": "real",
	"bytea": "blob", "blob": "blob",
}

// kindOf returns the kind of a declared type, or the type itself when it
// has none (which then differs between the stores).
func kindOf(declared string) string {
	if k, ok := kinds[strings.ToLower(declared)]; ok {
		return k
	}
	return "?" + declared
}

// index is an index's fact. Columns are plain names or expr(columns) for an
// expression; a partial index adds where(columns) naming what its
// predicate reads.
func index(table, name string, unique bool, cols []string, where string) string {
	f := "index " + table + " " + name
	if unique {
		f += " unique"
	}
	f += " (" + strings.Join(cols, ", ") + ")"
	if where != "" {
		f += " " + where
	}
	return f
}

// key is a primary or unique key's fact; constraints have no names in
// common between the databases.
func key(kind, table string, cols []string) string {
	return kind + " " + table + " (" + strings.Join(cols, ", ") + ")"
}

// check is a CHECK constraint's fact: the columns its expression reads.
func check(table, expression string, columns map[string]bool) string {
	return "check " + table + " " + columnsIn("check", expression, columns)
}

// word matches an identifier in an expression.
var word = regexp.MustCompile(`[a-z_][a-z0-9_]*`)

// noise matches what is not a column in an expression although it may look
// like one: string literals and PostgreSQL's casts ('a'::text, which read as
// the column "text" of notices otherwise).
var noise = regexp.MustCompile(`'[^']*'|::[a-z_]+`)

// columnsIn returns "fn(a, b)": the columns of the table that expression
// reads, in order of first use; the dialects spell the rest differently
// (casts, quotes, case).
func columnsIn(fn, expression string, columns map[string]bool) string {
	var used []string
	for _, w := range word.FindAllString(noise.ReplaceAllString(strings.ToLower(expression), " "), -1) {
		if columns[w] && !slices.Contains(used, w) {
			used = append(used, w)
		}
	}
	return fn + "(" + strings.Join(used, ", ") + ")"
}
