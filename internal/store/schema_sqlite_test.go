package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// sqliteSchema reads the facts of the SQLite file at path from
// sqlite_schema and the table_info, index_list and index_info pragmas.
func sqliteSchema(t *testing.T, ctx context.Context, path string) schema {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := schema{}
	for _, table := range liteStrings(t, ctx, db, `SELECT name FROM sqlite_schema
		WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`) {
		s["table "+table] = true
		columns := liteColumns(t, ctx, db, s, table)
		liteIndexes(t, ctx, db, s, table, columns)
		liteChecks(t, ctx, db, s, table, columns)
	}
	for _, m := range liteStrings(t, ctx, db, `SELECT version || ' ' || name FROM schema_migrations`) {
		s["migration "+m] = true
	}
	return s
}

// liteStrings runs a query of one text column.
func liteStrings(t *testing.T, ctx context.Context, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// liteColumns adds the table's columns and its primary key and returns
// its column names. A primary key column is never NULL, whatever the
// pragma says of an INTEGER PRIMARY KEY.
func liteColumns(t *testing.T, ctx context.Context, db *sql.DB, s schema, table string) map[string]bool {
	t.Helper()
	rows, err := db.QueryContext(ctx, `SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY pk, cid`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	columns := map[string]bool{}
	var pk []string
	for rows.Next() {
		var name, typ string
		var notNull bool
		var pos int
		if err := rows.Scan(&name, &typ, &notNull, &pos); err != nil {
			t.Fatal(err)
		}
		columns[name] = true
		s[column(table, name, kindOf(typ), !notNull && pos == 0)] = true
		if pos > 0 {
			pk = append(pk, name)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(pk) > 0 {
		s[key("primary key", table, pk)] = true
	}
	return columns
}

// liteIndex is one row of pragma_index_list.
type liteIndex struct {
	name, origin    string
	unique, partial bool
}

// liteIndexes adds the table's unique keys (UNIQUE constraints) and indexes
// (CREATE INDEX); the primary key came with the columns.
func liteIndexes(t *testing.T, ctx context.Context, db *sql.DB, s schema, table string, columns map[string]bool) {
	t.Helper()
	rows, err := db.QueryContext(ctx, `SELECT name, origin, "unique", partial FROM pragma_index_list(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	var list []liteIndex
	for rows.Next() {
		var ix liteIndex
		if err := rows.Scan(&ix.name, &ix.origin, &ix.unique, &ix.partial); err != nil {
			t.Fatal(err)
		}
		list = append(list, ix)
	}
	rows.Close()
	for _, ix := range list {
		if f := liteIndexFact(t, ctx, db, table, ix, columns); f != "" {
			s[f] = true
		}
	}
}

// liteIndexFact is the fact of one index: a unique key when a constraint
// made it, none for the primary key's (its columns gave it).
func liteIndexFact(t *testing.T, ctx context.Context, db *sql.DB, table string, ix liteIndex, columns map[string]bool) string {
	t.Helper()
	if ix.origin == "pk" {
		return ""
	}
	var ddl sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = ?`, ix.name).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	exprs, where := splitIndexDDL(ddl.String)
	names := liteStrings(t, ctx, db, `SELECT coalesce(name, '') FROM pragma_index_info(?) ORDER BY seqno`, ix.name)
	for i, n := range names {
		if n == "" && i < len(exprs) { // an expression
			names[i] = columnsIn("expr", exprs[i], columns)
		}
	}
	if ix.origin == "u" {
		return key("unique", table, names)
	}
	if ix.partial {
		where = columnsIn("where", where, columns)
	}
	return index(table, ix.name, ix.unique, names, where)
}

// splitIndexDDL splits "CREATE INDEX n ON t (a, f(b, c)) WHERE p" into its
// key terms and its predicate, and a CREATE TABLE into its definitions.
func splitIndexDDL(ddl string) (terms []string, where string) {
	open := strings.Index(ddl, "(")
	if open < 0 {
		return nil, ""
	}
	depth, start := 0, open+1
	for i := open; i < len(ddl); i++ {
		switch ddl[i] {
		case '(':
			depth++
		case ',':
			if depth == 1 {
				terms, start = append(terms, ddl[start:i]), i+1
			}
		case ')':
			if depth--; depth == 0 {
				return append(terms, ddl[start:i]), ddl[i+1:]
			}
		}
	}
	return terms, ""
}

// liteChecks adds the table's CHECK constraints, read from its CREATE TABLE.
func liteChecks(t *testing.T, ctx context.Context, db *sql.DB, s schema, table string, columns map[string]bool) {
	t.Helper()
	var ddl string
	if err := db.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	terms, _ := splitIndexDDL(ddl)
	for _, term := range terms {
		if i := strings.Index(strings.ToUpper(term), "CHECK"); i >= 0 {
			s[check(table, term[i+len("CHECK"):], columns)] = true
		}
	}
}
