package notify

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"

	"github.com/schooldiary/diary/internal/notify/quiet"
)

// QueueName is the River queue the delivery jobs run on.
const QueueName = "notices"

// Config tunes a Service. Zero fields take the defaults.
type Config struct {
	// Channels are the channels by name ("telegram", "email").
	Channels map[string]Channel
	// Quiet are the quiet hours; quiet.Default when zero.
	Quiet quiet.Hours
	// Now is the clock; time.Now when nil. When set, River reads its time
	// from it too (River's Test.Time hook), so that a test moving the clock
	// moves the jobs' schedule with it; production leaves it nil.
	Now func() time.Time
	// Workers is how many notices are delivered at once; 10 when 0.
	Workers int
	// Backoff is the wait before retry number attempt after a transient
	// error; Backoff (capped, jittered) when nil.
	Backoff func(attempt int) time.Duration
	// PollInterval is how often a process looks for due jobs besides
	// River's notifications (SQLite has only polling); 1 s when 0.
	PollInterval time.Duration
	// Logger receives River's warnings; slog.Default when nil.
	Logger *slog.Logger
	// Observer hears every send and retry (metrics); none when nil.
	Observer Observer
	// JobTimeout and RescueAfter replace the constants of the same names;
	// tests of a killed sender shorten them (RescueAfter must exceed
	// JobTimeout, or a live delivery could be rescued and sent twice).
	JobTimeout, RescueAfter time.Duration
}

// Timing of stuck jobs: a delivery running longer than JobTimeout is
// cancelled, and one whose process died (a kill -9) is rescued by River's
// rescuer, which looks every 30 s for jobs running longer than RescueAfter:
// within a minute in all.
const (
	JobTimeout  = 15 * time.Second
	RescueAfter = 25 * time.Second
)

// Service enqueues notices and, once started, delivers them.
type Service struct {
	store    Store
	channels map[string]Channel
	quiet    quiet.Hours
	now      func() time.Time
	backoff  func(attempt int) time.Duration
	observer Observer
	timeout  time.Duration
	engine   engine
}

// New returns the delivery service over db, which must be the PostgreSQL or
// the SQLite store (River runs in the same database).
func New(db Store, cfg Config) (*Service, error) {
	s := &Service{store: db, channels: cfg.Channels, quiet: cfg.Quiet, now: cfg.Now, backoff: cfg.Backoff,
		observer: cfg.Observer, timeout: cmp.Or(cfg.JobTimeout, JobTimeout)}
	if s.observer == nil {
		s.observer = nopObserver{}
	}
	if s.quiet == (quiet.Hours{}) {
		s.quiet = quiet.Default
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.backoff == nil {
		s.backoff = Backoff
	}
	e, err := newEngine(db, s.riverConfig(cfg))
	if err != nil {
		return nil, err
	}
	s.engine = e
	return s, nil
}

// riverConfig is the River client's configuration.
func (s *Service) riverConfig(cfg Config) *river.Config {
	poll := cmp.Or(cfg.PollInterval, time.Second)
	workers := river.NewWorkers()
	river.AddWorker(workers, &deliverer{s: s})
	rc := &river.Config{
		Queues:               map[string]river.QueueConfig{QueueName: {MaxWorkers: cmp.Or(cfg.Workers, 10)}},
		Workers:              workers,
		JobTimeout:           s.timeout,
		RescueStuckJobsAfter: cmp.Or(cfg.RescueAfter, RescueAfter),
		FetchPollInterval:    poll,
		FetchCooldown:        min(poll, river.FetchCooldownDefault),
		Logger:               cfg.Logger,
	}
	if cfg.Now != nil {
		rc.Test.Time = clock(cfg.Now)
	}
	return rc
}

// clock is an injected clock as River's time generator.
type clock func() time.Time

// Now returns the clock's time.
func (c clock) Now() time.Time { return c() }

// NowOrNil returns the clock's time: it is always set.
func (c clock) NowOrNil() *time.Time {
	t := c()
	return &t
}

// Start starts delivering; ctx bounds the start only. River would cancel
// the deliveries under way when its start context ends (a hard stop: a
// message sent but not recorded goes again); here only Stop ends them, and
// it lets them finish.
func (s *Service) Start(ctx context.Context) error {
	if err := s.engine.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("notify: start: %w", err)
	}
	return nil
}

// Stop waits for the deliveries under way to finish (or ctx to end).
func (s *Service) Stop(ctx context.Context) error {
	if err := s.engine.Stop(ctx); err != nil {
		return fmt.Errorf("notify: stop: %w", err)
	}
	return nil
}

// Subscribe returns River's events of the given kinds (jobs completed,
// snoozed, failed…) and the function that ends the subscription.
func (s *Service) Subscribe(kinds ...river.EventKind) (<-chan *river.Event, func()) {
	return s.engine.Subscribe(kinds...)
}

// Backoff is the default wait before retry attempt: 2 s doubling per
// attempt, capped at 10 minutes, with full jitter over its upper half so
// that a burst of failures does not retry in step.
func Backoff(attempt int) time.Duration {
	d := 10 * time.Minute
	if attempt < 20 {
		d = min(d, 2*time.Second<<max(attempt-1, 0))
	}
	return d/2 + rand.N(d/2+1)
}
