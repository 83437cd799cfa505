package sqlstore

import "context"

// queueNamed queues the rows of query (byExt) for keys; nothing when keys
// is empty.
func queueNamed[T any](q *Batch, a *applier, scan func(Scanner) (T, error), dst *[]T, query string, keys []string) {
	if keys = uniq(keys); len(keys) > 0 {
		queueList(q, scan, dst, query, a.school, a.s.d.List(keys))
	}
}

// queueIDs queues the rows of query for the ids of list parameter $1;
// nothing when ids is empty.
func queueIDs[T any](q *Batch, a *applier, scan func(Scanner) (T, error), dst *[]T, query string, ids []int64) {
	if len(ids) > 0 {
		queueList(q, scan, dst, query, a.s.d.List(ids))
	}
}

// send runs the queued reads in the transaction: in one round trip on
// PostgreSQL, one by one on SQLite.
func (a *applier) send(ctx context.Context, q *Batch) error {
	return a.s.wrap(a.tx.SendBatch(ctx, q), "load")
}
