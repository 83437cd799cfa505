package cluster

import (
	"context"
	"time"
)

// Dedup remembers keys for a while so that work arriving twice (a Telegram
// update at two replicas, a retried webhook) is done once.
type Dedup interface {
	// Seen records key for ttl and reports whether this call was the first
	// to record it within that time. Errors: ErrInvalid when ttl is not
	// positive, the backend's errors (then the caller cannot tell).
	Seen(ctx context.Context, key string, ttl time.Duration) (firstTime bool, err error)
}

// Sessions keeps conversation state: opaque bytes per key, expiring.
type Sessions interface {
	// Get returns key's value. Errors: ErrNotFound when there is none (never
	// set, deleted or expired), the backend's errors.
	Get(ctx context.Context, key string) ([]byte, error)
	// Set stores value under key for ttl, replacing what was there. Errors:
	// ErrInvalid when ttl is not positive, the backend's errors.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
	// Delete removes key; deleting a missing key is no error. Errors: the
	// backend's errors.
	Delete(ctx context.Context, key string) error
}

// Lockout counts failures per key in a fixed window that opens at the first
// failure: "five wrong codes in an hour lock a chat out for that hour" is
// Fail(ctx, chat, time.Hour) >= 5, and Failures tells how long is left.
type Lockout interface {
	// Fail records one failure for key and returns the count in the current
	// window; the first failure opens a window of length window. Errors:
	// ErrInvalid when window is not positive, the backend's errors.
	Fail(ctx context.Context, key string, window time.Duration) (count int, err error)
	// Failures returns key's count in the current window and how long until
	// the window closes (0, 0 when there is none). Errors: the backend's
	// errors.
	Failures(ctx context.Context, key string) (count int, resetIn time.Duration, err error)
	// Reset forgets key's failures (a right code). Errors: the backend's
	// errors.
	Reset(ctx context.Context, key string) error
}
