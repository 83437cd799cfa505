package postgres

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// chunkRows is how many rows one bulk statement carries.
const chunkRows = 10000

// table is a sqlstore.Table as the PostgreSQL bulk writer sends it: parallel
// arrays, one per column. Column
// types are SQL types, or a nullable form whose row values are pgtype values:
// ntext (pgtype.Text), nbigint (pgtype.Int8), nsmallint (pgtype.Int2); date
// takes pgtype.Date, bigint int64, int int, text string, timestamptz time.Time.
type table struct {
	name  string
	cols  []string // written columns
	types []string // their types as above
	key   string   // the column returned with id after an insert; "" for none
}

// sqlType returns the SQL type of a column type.
func sqlType(typ string) string {
	switch typ {
	case "ntext":
		return "text"
	case "nbigint":
		return "bigint"
	case "nsmallint":
		return "smallint"
	}
	return typ
}

// columns turns rows of values into one typed slice per column.
func (t table) columns(rows [][]any) []any {
	out := make([]any, len(t.types))
	for j, typ := range t.types {
		switch typ {
		case "text":
			out[j] = column[string](rows, j)
		case "ntext":
			out[j] = column[pgtype.Text](rows, j)
		case "bigint":
			out[j] = column[int64](rows, j)
		case "nbigint":
			out[j] = column[pgtype.Int8](rows, j)
		case "nsmallint":
			out[j] = column[pgtype.Int2](rows, j)
		case "int":
			out[j] = column[int](rows, j)
		case "date":
			out[j] = column[pgtype.Date](rows, j)
		case "timestamptz":
			out[j] = column[time.Time](rows, j)
		default:
			panic("bulk: unknown column type " + typ)
		}
	}
	return out
}

// column returns the j-th values of rows.
func column[T any](rows [][]any, j int) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = r[j].(T)
	}
	return out
}

// unnest returns "unnest($first::t1[], …) AS u(c1, …)".
func (t table) unnest(first int, withID bool) string {
	var args, names []string
	if withID {
		args, names = append(args, fmt.Sprintf("$%d::bigint[]", first)), append(names, "id")
		first++
	}
	for i, c := range t.cols {
		args = append(args, fmt.Sprintf("$%d::%s[]", first+i, sqlType(t.types[i])))
		names = append(names, c)
	}
	return "unnest(" + strings.Join(args, ", ") + ") AS u(" + strings.Join(names, ", ") + ")"
}

// updateSQL sets every column of the rows whose ids $1 lists.
func (t table) updateSQL() string {
	sets := make([]string, len(t.cols))
	for i, c := range t.cols {
		sets[i] = c + " = u." + c
	}
	return "UPDATE " + t.name + " t SET " + strings.Join(sets, ", ") + " FROM " + t.unnest(1, true) + " WHERE t.id = u.id"
}

// chunked calls fn for consecutive ranges of at most chunkRows of n.
func chunked(n int, fn func(lo, hi int) error) error {
	for lo := 0; lo < n; lo += chunkRows {
		if err := fn(lo, min(n, lo+chunkRows)); err != nil {
			return err
		}
	}
	return nil
}

// sliceAll returns cols[i][lo:hi] for every slice in cols.
func sliceAll(cols []any, lo, hi int) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = reflect.ValueOf(c).Slice(lo, hi).Interface()
	}
	return out
}
