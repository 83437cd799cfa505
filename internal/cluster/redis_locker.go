package cluster

import (
	"context"
	"errors"
	"time"

	"github.com/bsm/redislock"
)

// redisLocker is the Locker on bsm/redislock (SET NX PX with a random token).
type redisLocker struct{ r *redisStore }

// redisLock is a held redislock lock under the caller's key.
type redisLock struct {
	lock *redislock.Lock
	key  string
}

// TryLock implements Locker.
func (l redisLocker) TryLock(ctx context.Context, key string, ttl time.Duration) (Lock, error) {
	if err := positive("ttl", ttl); err != nil {
		return nil, err
	}
	lk, err := l.r.locks.Obtain(ctx, l.r.key(kindLock, key), ttl, nil)
	switch {
	case errors.Is(err, redislock.ErrNotObtained):
		return nil, ErrNotObtained
	case err != nil:
		return nil, errRedis("lock", err)
	}
	return &redisLock{lock: lk, key: key}, nil
}

// Lock implements Locker.
func (l redisLocker) Lock(ctx context.Context, key string, ttl time.Duration) (Lock, error) {
	try := func(ctx context.Context) (Lock, error) { return l.TryLock(ctx, key, ttl) }
	return lockWait(ctx, try, Sleep)
}

// Key implements Lock.
func (l *redisLock) Key() string { return l.key }

// Refresh implements Lock.
func (l *redisLock) Refresh(ctx context.Context, ttl time.Duration) error {
	if err := positive("ttl", ttl); err != nil {
		return err
	}
	err := l.lock.Refresh(ctx, ttl, nil)
	switch {
	case errors.Is(err, redislock.ErrNotObtained):
		return ErrLockNotHeld
	case err != nil:
		return errRedis("refresh lock", err)
	}
	return nil
}

// Release implements Lock.
func (l *redisLock) Release(ctx context.Context) error {
	err := l.lock.Release(ctx)
	switch {
	case errors.Is(err, redislock.ErrLockNotHeld):
		return ErrLockNotHeld
	case err != nil:
		return errRedis("release lock", err)
	}
	return nil
}
