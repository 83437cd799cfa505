package cluster

import (
	"context"
	"fmt"
	"time"
)

// Limit is a rate: Rate events per Period, and up to Burst at once after a
// quiet spell. The limiters are GCRA / token buckets: one event every
// Period/Rate on average.
type Limit struct {
	Rate   int
	Period time.Duration
	Burst  int
}

// PerSecond returns a limit of n events a second with a burst of n.
func PerSecond(n int) Limit { return Limit{Rate: n, Period: time.Second, Burst: n} }

// PerMinute returns a limit of n events a minute with a burst of n.
func PerMinute(n int) Limit { return Limit{Rate: n, Period: time.Minute, Burst: n} }

// Telegram's limits (architecture decision 5).
var (
	// TelegramBot is about 30 messages a second per bot overall.
	TelegramBot = PerSecond(30)
	// TelegramChat is one message a second per chat, with a small burst.
	TelegramChat = Limit{Rate: 1, Period: time.Second, Burst: 3}
	// TelegramGroup is 20 messages a minute per group.
	TelegramGroup = PerMinute(20)
)

// String returns the limit as "30/1s (burst 30)".
func (l Limit) String() string { return fmt.Sprintf("%d/%v (burst %d)", l.Rate, l.Period, l.Burst) }

// interval returns the time between two events at the steady rate.
func (l Limit) interval() time.Duration { return l.Period / time.Duration(l.Rate) }

// validate returns ErrInvalid unless rate, period and burst are positive.
func (l Limit) validate() error {
	if l.Rate <= 0 || l.Period <= 0 || l.Burst <= 0 {
		return fmt.Errorf("%w: limit %v", ErrInvalid, l)
	}
	return nil
}

// Limiter paces events per key across every replica sharing it, and pauses a
// key as a whole when the far side says "too many requests".
type Limiter interface {
	// Allow takes one event for key under limit if the rate permits it now.
	// When it does not, or while key is paused, allowed is false and
	// retryAfter is how long until it might. A key should always be used
	// with the same limit. Errors: ErrInvalid for a bad limit, the backend's
	// errors (wrapped).
	Allow(ctx context.Context, key string, limit Limit) (allowed bool, retryAfter time.Duration, err error)
	// Wait blocks until Allow lets one event for key through. Errors:
	// ErrInvalid, ctx's error when it ends first, the backend's errors.
	Wait(ctx context.Context, key string, limit Limit) error
	// Pause stops every event for key for d from now, on every replica (a
	// 429 with retry_after). It never shortens a longer pause already in
	// place. Errors: ErrInvalid when d is not positive, the backend's errors.
	Pause(ctx context.Context, key string, d time.Duration) error
	// PausedFor returns how much of key's pause remains, 0 when it is not
	// paused. Errors: the backend's errors.
	PausedFor(ctx context.Context, key string) (time.Duration, error)
}

// allowFunc is one Allow call with its arguments bound.
type allowFunc func(ctx context.Context) (bool, time.Duration, error)

// sleepFunc lets d pass or returns ctx's error when ctx ends first.
type sleepFunc func(ctx context.Context, d time.Duration) error

// wait calls allow until it lets an event through, sleeping retryAfter
// between calls.
func wait(ctx context.Context, allow allowFunc, sleep sleepFunc) error {
	for {
		ok, retry, err := allow(ctx)
		if err != nil || ok {
			return err
		}
		if err := sleep(ctx, max(retry, time.Millisecond)); err != nil {
			return fmt.Errorf("cluster: wait: %w", err)
		}
	}
}

// sleep is the real sleepFunc.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
