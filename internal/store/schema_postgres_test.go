package store_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// postgresSchema reads the facts of the database at url from
// information_schema and pg_index.
func postgresSchema(t *testing.T, ctx context.Context, url string) schema {
	t.Helper()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	s := schema{}
	columns := pgColumns(t, ctx, c, s)
	pgIndexes(t, ctx, c, s, columns)
	pgChecks(t, ctx, c, s, columns)
	pgMigrations(t, ctx, c, s)
	return s
}

// pgColumns adds the tables and columns and returns each table's columns.
func pgColumns(t *testing.T, ctx context.Context, c *pgx.Conn, s schema) map[string]map[string]bool {
	t.Helper()
	rows, err := c.Query(ctx, `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'YES'
		FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	columns := map[string]map[string]bool{}
	for rows.Next() {
		var table, name, typ string
		var nullable bool
		if err := rows.Scan(&table, &name, &typ, &nullable); err != nil {
			t.Fatal(err)
		}
		if columns[table] == nil {
			columns[table] = map[string]bool{}
			s["table "+table] = true
		}
		columns[table][name] = true
		s[column(table, name, kindOf(typ), nullable)] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return columns
}

// pgIndexQuery lists every index of the schema: its table, name, whether it
// is the primary key, unique, backs a constraint, its key columns (each
// expression as text) and its predicate.
const pgIndexQuery = `SELECT t.relname, i.relname, x.indisprimary, x.indisunique,
	EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid
		AND k.contype IN ('p', 'u')),
	ARRAY(SELECT pg_get_indexdef(x.indexrelid, n, true) FROM generate_series(1, x.indnkeyatts) n ORDER BY n),
	x.indkey::int2[], coalesce(pg_get_expr(x.indpred, x.indrelid), '')
	FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
	JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = current_schema()`

// pgIndexes adds the keys and indexes.
func pgIndexes(t *testing.T, ctx context.Context, c *pgx.Conn, s schema, columns map[string]map[string]bool) {
	t.Helper()
	rows, err := c.Query(ctx, pgIndexQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, name, pred string
		var primary, unique, constraint bool
		var cols []string
		var attnums []int16
		if err := rows.Scan(&table, &name, &primary, &unique, &constraint, &cols, &attnums, &pred); err != nil {
			t.Fatal(err)
		}
		for i := range cols {
			if attnums[i] == 0 { // an expression
				cols[i] = columnsIn("expr", cols[i], columns[table])
			}
		}
		s[pgIndexFact(table, name, primary, unique, constraint, cols, pred, columns[table])] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// pgIndexFact is the fact of one index: a key when it backs a constraint.
func pgIndexFact(table, name string, primary, unique, constraint bool, cols []string, pred string, columns map[string]bool) string {
	switch {
	case primary:
		return key("primary key", table, cols)
	case constraint:
		return key("unique", table, cols)
	}
	where := ""
	if pred != "" {
		where = columnsIn("where", pred, columns)
	}
	return index(table, name, unique, cols, where)
}

// pgMigrations adds each recorded migration's number and file name.
func pgMigrations(t *testing.T, ctx context.Context, c *pgx.Conn, s schema) {
	t.Helper()
	var names []string
	if err := c.QueryRow(ctx, `SELECT array_agg(version || ' ' || name ORDER BY version) FROM schema_migrations`).Scan(&names); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		s["migration "+n] = true
	}
}

// pgChecks adds the CHECK constraints by the columns they read.
func pgChecks(t *testing.T, ctx context.Context, c *pgx.Conn, s schema, columns map[string]map[string]bool) {
	t.Helper()
	rows, err := c.Query(ctx, `SELECT t.relname, pg_get_constraintdef(k.oid)
		FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
		WHERE k.contype = 'c' AND s.nspname = current_schema()`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, def string
		if err := rows.Scan(&table, &def); err != nil {
			t.Fatal(err)
		}
		s[check(table, def, columns[table])] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
