package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// NoticeCounts returns how many notices there are of each kind in each
// status, with the oldest one's creation: one pass over the covering index
// notices_status_kind (migration 0012), so a scrape stays cheap.
func (s *Store) NoticeCounts(ctx context.Context) ([]diary.NoticeCount, error) {
	return list(ctx, s, s.p, "notice counts", func(r Scanner) (c diary.NoticeCount, err error) {
		return c, r.Scan(&c.Status, &c.Kind, &c.Count, InstantCol{&c.Oldest})
	}, `SELECT status, kind, count(*), min(created_at) FROM notices GROUP BY status, kind ORDER BY status, kind`)
}

// NoticeJobs counts River's jobs of kind on queue that wait: available,
// scheduled or retryable. River's index on (state, queue, …) serves it.
func (s *Store) NoticeJobs(ctx context.Context, queue, kind string) (diary.NoticeJobs, error) {
	var j diary.NoticeJobs
	counts := map[string]*int{"available": &j.Available, "scheduled": &j.Scheduled, "retryable": &j.Retryable}
	rows, err := list(ctx, s, s.p, fmt.Sprintf("jobs of %s", kind), scanStateCount,
		`SELECT CAST(state AS text), count(*) FROM river_job
		WHERE state IN ('available', 'scheduled', 'retryable') AND queue = $1 AND kind = $2 GROUP BY state`,
		queue, kind)
	for _, r := range rows {
		if p, ok := counts[r.state]; ok {
			*p = r.n
		}
	}
	return j, err
}

// stateCount is a count of jobs in a state.
type stateCount struct {
	state string
	n     int
}

// scanStateCount reads a state and its count.
func scanStateCount(r Scanner) (c stateCount, err error) {
	return c, r.Scan(&c.state, &c.n)
}
