// Package cluster holds what bot and scheduler replicas share: rate limits
// and sender pauses, locks, update de-duplication, conversation state and
// failure counters. Two implementations stand behind the same small
// interfaces: memory (the embedded setup, one process) and Redis (the scaled
// setup, any number of replicas). Both pass the one suite in clustertest/.
//
// Keys are the caller's: name them by what they protect, for example
// "send:bot", "send:chat:42", "tick:daily:2025-09-01T07:00", "update:1234".
package cluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/redact"
)

var (
	// ErrNotFound is returned by Sessions.Get when a key holds no value
	// (never set, deleted or expired).
	ErrNotFound = errors.New("cluster: not found")
	// ErrNotObtained is returned by Locker.TryLock when another holder has
	// the lock, and by Locker.Lock when the wait ends without it.
	ErrNotObtained = errors.New("cluster: lock not obtained")
	// ErrLockNotHeld is returned by Lock.Refresh and Lock.Release when the
	// lock has expired or was released (another holder may have it now).
	ErrLockNotHeld = errors.New("cluster: lock not held")
	// ErrInvalid is returned for an argument no implementation accepts: a
	// limit without a positive rate, period and burst, or a ttl, window or
	// pause that is not positive.
	ErrInvalid = errors.New("cluster: invalid argument")
)

// Set is one implementation of every shared-state interface. Consumers take
// the single interface they need (a field), not the Set.
type Set struct {
	// Limiter paces sends and pauses them after a 429.
	Limiter Limiter
	// Locker gives per-tick job locks and per-chat ordering.
	Locker Locker
	// Dedup makes an update_id handled once.
	Dedup Dedup
	// Sessions holds conversation state.
	Sessions Sessions
	// Lockout counts wrong codes per chat.
	Lockout Lockout

	ping  func(ctx context.Context) error
	close func() error
}

// Ping reports whether the backing service answers; memory always does.
func (s *Set) Ping(ctx context.Context) error {
	if s.ping == nil {
		return nil
	}
	if err := s.ping(ctx); err != nil {
		return fmt.Errorf("cluster: ping: %w", err)
	}
	return nil
}

// Close releases the connections of the Set; the Set is unusable after it.
func (s *Set) Close() error {
	if s.close == nil {
		return nil
	}
	return s.close()
}

// Open returns the Set redisURL selects: memory when it is empty (now is its
// clock, time.Now when nil), Redis for "redis://…" or "rediss://…" with every
// key under prefix, so that deployments and tests sharing a server do not
// collide. Redis ignores now: TTLs and the limiter run on the server's clock.
// Open pings Redis and fails when it does not answer.
func Open(ctx context.Context, redisURL string, now func() time.Time, prefix string) (*Set, error) {
	switch {
	case redisURL == "":
		return NewMemory(now), nil
	case strings.HasPrefix(redisURL, "redis://"), strings.HasPrefix(redisURL, "rediss://"):
		return OpenRedis(ctx, redisURL, prefix)
	default:
		return nil, fmt.Errorf("cluster: REDIS_URL must start with redis:// or rediss://, got %q", redact.URL(redisURL))
	}
}

// positive returns ErrInvalid naming what when d is not positive.
func positive(what string, d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("%w: %s %v is not positive", ErrInvalid, what, d)
	}
	return nil
}
