package cluster

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Locker hands out locks with a time to live, exclusive across replicas: a
// lock per cron tick so that a job runs once, a lock per chat so that its
// updates are handled in order.
type Locker interface {
	// TryLock takes the lock key for ttl if nobody holds it. Errors:
	// ErrNotObtained when it is held, ErrInvalid when ttl is not positive,
	// the backend's errors.
	TryLock(ctx context.Context, key string, ttl time.Duration) (Lock, error)
	// Lock waits until it takes the lock key for ttl. Errors: ErrNotObtained
	// when ctx ends first (wrapping ctx's error), ErrInvalid, the backend's
	// errors.
	Lock(ctx context.Context, key string, ttl time.Duration) (Lock, error)
}

// Lock is one held lock. It expires after its ttl unless refreshed.
type Lock interface {
	// Key returns the lock's key as given to the Locker.
	Key() string
	// Refresh extends the lock to ttl from now. Errors: ErrLockNotHeld when
	// it expired or was released, ErrInvalid, the backend's errors.
	Refresh(ctx context.Context, ttl time.Duration) error
	// Release gives the lock up. Errors: ErrLockNotHeld when it expired or
	// was already released, the backend's errors.
	Release(ctx context.Context) error
}

// Lock polling backs off from lockPollMin to lockPollMax.
const (
	lockPollMin = 2 * time.Millisecond
	lockPollMax = 100 * time.Millisecond
)

// lockWait calls try until it obtains the lock, backing off between calls.
func lockWait(ctx context.Context, try func(ctx context.Context) (Lock, error), sleep sleepFunc) (Lock, error) {
	backoff := lockPollMin
	for {
		l, err := try(ctx)
		switch {
		case err == nil:
			return l, nil
		case ctx.Err() != nil:
			return nil, fmt.Errorf("%w: %w", ErrNotObtained, ctx.Err())
		case !errors.Is(err, ErrNotObtained):
			return nil, err
		}
		if err := sleep(ctx, backoff); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNotObtained, err)
		}
		backoff = min(2*backoff, lockPollMax)
	}
}
