// Package metrics exposes the delivery of notices to Prometheus.
//
// Two kinds of figures, chosen by what stays true across replicas and
// restarts:
//   - what is in the store (notices by kind and status, waiting delivery
//     jobs by state, the age of the oldest queued notice) is read from the
//     store at every scrape: every replica reports the same truth, and a
//     restart loses nothing. Two indexed queries (migration 0012, River's
//     own index on its job table);
//   - what this process did (sends by channel and outcome, retries) is
//     counted by the workers through notify.Observer: Prometheus counters,
//     per process, summed over replicas with sum(rate(…)); a restart
//     resets them, which rate() understands.
package metrics

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
)

// Store is what the collector reads at a scrape (both SQL stores have it,
// written once in internal/store/sqlstore).
type Store interface {
	// NoticeCounts returns how many notices there are by status and kind,
	// with the oldest one's creation.
	NoticeCounts(ctx context.Context) ([]diary.NoticeCount, error)
	// NoticeJobs counts River's waiting jobs of kind on queue by state.
	NoticeJobs(ctx context.Context, queue, kind string) (diary.NoticeJobs, error)
}

// Options tune a Collector; zero fields take the defaults.
type Options struct {
	// Now is the clock the age is measured on; time.Now when nil.
	Now func() time.Time
	// Timeout bounds the store's reads at a scrape; 5 s when 0.
	Timeout time.Duration
	// Logger receives a failed read of the store; slog.Default when nil.
	Logger *slog.Logger
}

// Collector is a prometheus.Collector of the delivery's figures and the
// notify.Observer that counts this process's sends and retries.
type Collector struct {
	store   Store
	opt     Options
	sends   *prometheus.CounterVec
	retries prometheus.Counter
	failed  prometheus.Counter
	notices *prometheus.Desc
	jobs    *prometheus.Desc
	age     *prometheus.Desc
}

// The collector is the service's observer.
var _ notify.Observer = (*Collector)(nil)

// New returns a collector reading db; register it, and give it to
// notify.Config.Observer.
func New(db Store, opt Options) *Collector {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	c := &Collector{store: db, opt: opt}
	c.counters()
	c.descs()
	return c
}
