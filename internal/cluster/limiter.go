package cluster

import (
	"context"
	"fmt"
	"time"
)

// Limit is a rate: Rate events per Period, and up to Burst at once after a
// quiet spell. The limiters are GCRA / token buckets: one event every
// Period/Rate on average. Slack lets an event through up to Slack before its
// turn at the steady rate, on top of Burst: a sender that comes a little
// late to its turn loses nothing, without a whole extra event getting
// through. Slack is zero or positive and shorter than Period/Rate.
type Limit struct {
	Rate   int
	Period time.Duration
	Burst  int
	Slack  time.Duration
}

// PerSecond returns a limit of n events a second with a burst of n. Beware:
// a burst of n at a rate of n lets about 2n through in a sliding second (n
// at once, then n more as the bucket refills); Sliding does not.
func PerSecond(n int) Limit { return Limit{Rate: n, Period: time.Second, Burst: n} }

// PerMinute returns a limit of n events a minute with a burst of n.
func PerMinute(n int) Limit { return Limit{Rate: n, Period: time.Minute, Burst: n} }

// Sliding returns a limit that lets at most n events through in any sliding
// window of period: Burst 1, one event every period/n stretched by a
// thirty-ninth, with a Slack of period/64. n+1 events are then at least
// period·40/39 − period/64, about 1.01 periods, apart from first to last:
// 10 ms in a second are left for the time between the limiter's answer and
// the event itself (a goroutine scheduled late, a network hop), which
// cannot squeeze n+1 into one window. The Slack absorbs a sender's lateness
// of up to 15 ms a turn (a quarter of a turn when that is shorter, above 16
// a second). The rate achieved is 39/40 (0.975) of n.
func Sliding(n int, period time.Duration) Limit {
	l := Limit{Rate: 39 * n, Period: 40 * period, Burst: 1}
	l.Slack = min(period/64, l.interval()/4)
	return l
}

// Telegram's limits (architecture decision 5), as sliding windows.
var (
	// TelegramBot is the default overall limit per bot: 25 messages in any
	// second (TELEGRAM_RATE; Telegram's own is about 30).
	TelegramBot = TelegramRate(DefaultTelegramRate)
	// TelegramChat is one message in any second per private chat.
	TelegramChat = Sliding(1, time.Second)
	// TelegramGroup is 20 messages in any minute per group.
	TelegramGroup = Sliding(20, time.Minute)
)

// DefaultTelegramRate and MaxTelegramRate bound TELEGRAM_RATE, messages a
// second per bot.
const (
	DefaultTelegramRate = 25
	MaxTelegramRate     = 30
)

// TelegramRate returns the overall limit of a bot sending n messages in any
// second.
func TelegramRate(n int) Limit { return Sliding(n, time.Second) }

// String returns the limit as "30/1s (burst 30, slack 0s)".
func (l Limit) String() string {
	return fmt.Sprintf("%d/%v (burst %d, slack %v)", l.Rate, l.Period, l.Burst, l.Slack)
}

// interval returns the time between two events at the steady rate.
func (l Limit) interval() time.Duration { return l.Period / time.Duration(l.Rate) }

// unitsPerEvent is what one event costs in the buckets, so that Slack can
// be a fraction of an event: the implementations count in units.
const unitsPerEvent = 1000

// units returns the bucket in units: its rate per Period and its burst,
// Slack included.
func (l Limit) units() (rate, burst int) {
	slack := int(l.Slack * unitsPerEvent / l.interval())
	return l.Rate * unitsPerEvent, l.Burst*unitsPerEvent + slack
}

// validate returns ErrInvalid unless rate, period and burst are positive
// and the slack is in [0, Period/Rate).
func (l Limit) validate() error {
	if l.Rate <= 0 || l.Period <= 0 || l.Burst <= 0 || l.Slack < 0 || l.Slack >= l.interval() {
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

// Sleep lets d pass, or returns ctx's error when ctx ends first: the real
// sleep of the limiter's and the locker's waits, and of the senders' pacing.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
