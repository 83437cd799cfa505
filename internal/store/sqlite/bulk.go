package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

// Apply keeps foreign keys on. The row-by-row Apply SQLite had before the
// shared one turned them off (PRAGMA foreign_keys, per connection, outside
// the transaction) for batches of 1000 records and more: it resolved every
// reference itself, and the per-row checks cost a third of its write speed.
// The shared Apply resolves references just as completely and writes with
// the multi-row INSERTs below, with which the demo import is faster with
// the checks on than the old one was with them off; so no dialect hook
// turns them off, and a broken reference can never be committed.

// cachedRows is the most rows an INSERT has whose prepared statement is
// kept in the writer's cache: the one-grade writes of the API repeat the
// same few texts, an import's chunks of every size would only fill it.
const cachedRows = 4

// maxVars bounds the parameters of one statement (SQLite allows 32766).
const maxVars = 30000

// Insert writes rows into t with multi-row INSERTs, returning ids and keys
// when t.Key is set.
func (t txPort) Insert(ctx context.Context, tb sqlstore.Table, rows [][]any, got func(id int64, key string)) error {
	per := max(1, maxVars/len(tb.Cols))
	for lo := 0; lo < len(rows); lo += per {
		hi := min(len(rows), lo+per)
		if err := t.insertChunk(ctx, tb, rows[lo:hi], got); err != nil {
			return fmt.Errorf("insert %s: %w", tb.Name, err)
		}
	}
	return nil
}

// insertChunk writes one INSERT of rows.
func (t txPort) insertChunk(ctx context.Context, tb sqlstore.Table, rows [][]any, got func(id int64, key string)) error {
	var b strings.Builder
	b.WriteString("INSERT INTO " + tb.Name + " (" + strings.Join(tb.Cols, ", ") + ") VALUES ")
	args := make([]any, 0, len(rows)*len(tb.Cols))
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(tb.Cols)), ", ") + ")"
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(tuple)
		args = append(args, encodeRow(tb, r)...)
	}
	if tb.Conflict != "" {
		b.WriteString(" " + tb.Conflict)
	}
	var q querier = t.tx // a big chunk's text is prepared once and dropped
	if len(rows) <= cachedRows {
		q = t.q
	}
	if tb.Key == "" {
		_, err := q.ExecContext(ctx, b.String(), args...)
		return err
	}
	b.WriteString(" RETURNING id, " + tb.Key)
	res, err := q.QueryContext(ctx, b.String(), args...)
	if err != nil {
		return err
	}
	defer res.Close()
	for res.Next() {
		var id int64
		var key string
		if err := res.Scan(&id, &key); err != nil {
			return err
		}
		got(id, key)
	}
	return res.Err()
}

// Update rewrites t's columns of the rows with ids, one cached statement per row.
func (t txPort) Update(ctx context.Context, tb sqlstore.Table, ids []int64, rows [][]any) error {
	sets := make([]string, len(tb.Cols))
	for i, c := range tb.Cols {
		sets[i] = fmt.Sprintf("%s = ?%d", c, i+2)
	}
	query := "UPDATE " + tb.Name + " SET " + strings.Join(sets, ", ") + " WHERE id = ?1"
	for i, id := range ids {
		args := append([]any{id}, encodeRow(tb, rows[i])...)
		if _, err := t.q.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("update %s: %w", tb.Name, err)
		}
	}
	return nil
}

// encodeRow turns a row of sqlstore.Table values into SQLite parameters.
func encodeRow(tb sqlstore.Table, r []any) []any {
	out := make([]any, len(r))
	for j, v := range r {
		out[j] = encodeValue(tb.Kinds[j], v)
	}
	return out
}

// encodeValue encodes one value of kind.
func encodeValue(kind string, v any) any {
	switch kind {
	case "ntext":
		return sqlstore.NullText(v.(string))
	case "nbigint":
		return sqlstore.NullID(v.(int64))
	case "nsmallint":
		return sqlstore.NullInt(v.(int))
	case "date":
		return dialect.Date(v.(diary.Date))
	case "timestamptz":
		return nullInstant(v.(time.Time))
	}
	return v
}
