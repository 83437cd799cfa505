package sqlstore

import "context"

// readQueue collects the reads of one loading round.
type readQueue struct{ b Batch }

// queueRows queues a query whose rows scan reads into *dst.
func queueRows[T any](q *readQueue, s *Store, what string, scan func(Scanner) (T, error), dst *[]T, sql string, args ...any) {
	q.b.queue(func(r Rows) error {
		v, err := collect(s, r, nil, what, scan)
		*dst = v
		return err
	}, sql, args...)
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

// send runs the queued reads in the transaction: in one round trip on
// PostgreSQL, one by one on SQLite.
func (a *applier) send(ctx context.Context, q *readQueue) error {
	return a.s.wrap(a.tx.SendBatch(ctx, &q.b), "load")
}
