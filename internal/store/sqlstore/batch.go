package sqlstore

import "context"

// Batch is queries read together on one snapshot (Port.ReadBatch):
// PostgreSQL sends them in one round trip, SQLite runs them in turn. A query
// of a batch cannot use another's result, so each names what it needs by
// subqueries on the batch's parameters.
type Batch struct {
	Items []BatchItem
}

// BatchItem is one query of a batch and the function that reads its rows.
type BatchItem struct {
	SQL  string
	Args []any
	Read func(rows Rows) error
}

// queue adds a query whose rows read consumes.
func (b *Batch) queue(read func(rows Rows) error, sql string, args ...any) {
	b.Items = append(b.Items, BatchItem{SQL: sql, Args: args, Read: read})
}

// queueList adds a query whose rows are scanned into *dst.
func queueList[T any](b *Batch, scan func(Scanner) (T, error), dst *[]T, sql string, args ...any) {
	b.queue(func(rows Rows) error {
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return err
			}
			*dst = append(*dst, v)
		}
		return rows.Err()
	}, sql, args...)
}

// readBatch reads b on one snapshot; errors are translated and prefixed with
// what.
func (s *Store) readBatch(ctx context.Context, what string, b *Batch) error {
	return s.wrap(s.p.ReadBatch(ctx, b), "%s", what)
}

// first returns the only element of list, or a not-found error naming what.
func first[T any](list []T, format string, args ...any) (T, error) {
	if len(list) == 0 {
		var zero T
		return zero, notFound(format, args...)
	}
	return list[0], nil
}

// RunBatch runs the batch's queries on q one after another: the ReadBatch
// of a database without pipelining, inside its Read.
func RunBatch(ctx context.Context, q Querier, b *Batch) error {
	for _, it := range b.Items {
		rows, err := q.Query(ctx, it.SQL, it.Args...)
		if err != nil {
			return err
		}
		err = it.Read(rows)
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
