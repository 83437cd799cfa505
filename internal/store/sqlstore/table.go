package sqlstore

import "strings"

// Table describes the columns a bulk write sends (Tx.Insert, Tx.Update).
// Each row holds, per column, a value of the column's kind: "text" string,
// "ntext" string ("" is NULL), "bigint" int64, "nbigint" int64 (0 is NULL),
// "int" int, "nsmallint" int (0 is NULL), "date" diary.Date (zero is NULL),
// "timestamptz" time.Time (zero is NULL). The adapters encode them.
//
// Conflict, when set, is appended to the INSERT as written (after the
// VALUES, before any RETURNING): an upsert such as "ON CONFLICT DO NOTHING"
// or "ON CONFLICT (k) DO UPDATE SET n = t.n + excluded.n". Both databases
// take the same clause; the table is named by its name, not an alias.
type Table struct {
	Name     string
	Cols     []string // written columns
	Kinds    []string // their kinds, as above
	Key      string   // the column Insert returns with id; "" for none
	Conflict string   // an ON CONFLICT clause; "" for none
}

// NewTable parses "col kind, col kind…" into a Table of name with key.
func NewTable(name, key, spec string) Table {
	t := Table{Name: name, Key: key}
	for _, f := range strings.Split(spec, ",") {
		c, kind, _ := strings.Cut(strings.TrimSpace(f), " ")
		t.Cols = append(t.Cols, c)
		t.Kinds = append(t.Kinds, strings.TrimSpace(kind))
	}
	return t
}

// OnConflict returns t with the ON CONFLICT clause c.
func (t Table) OnConflict(c string) Table {
	t.Conflict = c
	return t
}
