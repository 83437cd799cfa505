package bot

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	tgbot "github.com/go-telegram/bot"
)

// Backoff paces the tries of a call to Telegram that keeps failing: the wait
// doubles from Initial up to Max and is jittered to between half of it and
// all of it, so replicas that failed together do not all come back at once.
// A 429's retry_after is waited in full when it is longer.
type Backoff struct {
	// Initial is the wait after the first failure; 1 s when zero.
	Initial time.Duration
	// Max caps the wait (before a longer retry_after); 60 s when zero.
	Max time.Duration
	// Wait blocks for d or until ctx ends, returning ctx's error then; a
	// timer on real time when nil. Tests inject their own.
	Wait func(ctx context.Context, d time.Duration) error
	// Jitter returns a number in [0, 1); math/rand/v2 when nil.
	Jitter func() float64
}

// Default backoff: 1 s doubling to 60 s.
const (
	DefaultBackoffInitial = time.Second
	DefaultBackoffMax     = time.Minute
)

// withDefaults fills the zero fields of bo.
func (bo Backoff) withDefaults() Backoff {
	if bo.Initial <= 0 {
		bo.Initial = DefaultBackoffInitial
	}
	if bo.Max <= 0 {
		bo.Max = DefaultBackoffMax
	}
	if bo.Max < bo.Initial {
		bo.Max = bo.Initial
	}
	if bo.Wait == nil {
		bo.Wait = sleep
	}
	if bo.Jitter == nil {
		bo.Jitter = rand.Float64
	}
	return bo
}

// Delay is the wait after failures failed tries in a row (1 for the first):
// Initial·2^(failures-1), at most Max, jittered into [d/2, d).
func (bo Backoff) Delay(failures int) time.Duration {
	bo = bo.withDefaults()
	d := bo.Initial
	for i := 1; i < failures && d < bo.Max; i++ {
		d *= 2
	}
	d = min(d, bo.Max)
	return d/2 + time.Duration(bo.Jitter()*float64(d/2))
}

// delayAfter is Delay, or the retry_after of a 429 in err when longer.
func (bo Backoff) delayAfter(failures int, err error) time.Duration {
	d := bo.Delay(failures)
	var tooMany *tgbot.TooManyRequestsError
	if errors.As(err, &tooMany) {
		d = max(d, time.Duration(tooMany.RetryAfter)*time.Second)
	}
	return d
}

// sleep waits d on real time or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
