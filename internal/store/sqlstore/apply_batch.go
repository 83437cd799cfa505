package sqlstore

import "context"

// Batcher is a Tx that sends several queries in one round trip (PostgreSQL's
// pipeline). Apply loads the rows a batch names in two such rounds when its
// transaction is one, and query by query otherwise.
type Batcher interface {
	// QueryBatch sends every query at once and hands each one's rows, in
	// order, to its Rows function; the first error ends the batch.
	QueryBatch(ctx context.Context, qs []BatchQuery) error
}

// BatchQuery is one query of a QueryBatch.
type BatchQuery struct {
	SQL  string
	Args []any
	Rows func(Rows) error // reads (and may close) the query's rows
}

// readQueue collects the reads of one loading round.
type readQueue struct{ qs []BatchQuery }

// queueRows queues a query whose rows scan reads into *dst.
func queueRows[T any](q *readQueue, s *Store, what string, scan func(Scanner) (T, error), dst *[]T, sql string, args ...any) {
	q.qs = append(q.qs, BatchQuery{SQL: sql, Args: args, Rows: func(r Rows) error {
		v, err := collect(s, r, nil, what, scan)
		*dst = v
		return err
	}})
}

// queueNamed queues the rows of query (byExt) for keys; nothing when keys
// is empty.
func queueNamed[T any](q *readQueue, a *applier, what string, scan func(Scanner) (T, error), dst *[]T, query string, keys []string) {
	if keys = uniq(keys); len(keys) > 0 {
		queueRows(q, a.s, "load "+what, scan, dst, query, a.school, a.s.d.List(keys))
	}
}

// queueIDs queues the rows of query for the ids of list parameter $1;
// nothing when ids is empty.
func queueIDs[T any](q *readQueue, a *applier, what string, scan func(Scanner) (T, error), dst *[]T, query string, ids []int64) {
	if len(ids) > 0 {
		queueRows(q, a.s, "load "+what, scan, dst, query, a.s.d.List(ids))
	}
}

// send runs the queued reads: in one round trip when the transaction is a
// Batcher and there are several, else one by one.
func (a *applier) send(ctx context.Context, q *readQueue) error {
	if b, ok := a.tx.(Batcher); ok && len(q.qs) > 1 {
		return a.s.wrap(b.QueryBatch(ctx, q.qs), "load")
	}
	for _, x := range q.qs {
		rows, err := a.tx.Query(ctx, x.SQL, x.Args...)
		if err != nil {
			return a.s.wrap(err, "load")
		}
		if err := x.Rows(rows); err != nil {
			return err
		}
	}
	return nil
}
