package cluster

import (
	"context"
	"time"
)

// memLocker is the in-process Locker.
type memLocker struct{ m *memory }

// memLockEntry is a held lock: its holder's token and its expiry.
type memLockEntry struct {
	token   uint64
	expires time.Time
}

// memLock is the holder's side of a memLockEntry.
type memLock struct {
	m     *memory
	key   string
	token uint64
}

// TryLock implements Locker.
func (l memLocker) TryLock(_ context.Context, key string, ttl time.Duration) (Lock, error) {
	if err := positive("ttl", ttl); err != nil {
		return nil, err
	}
	m := l.m
	now := m.lock()
	defer m.mu.Unlock()
	if e, ok := m.locks[key]; ok && now.Before(e.expires) {
		return nil, ErrNotObtained
	}
	m.token++
	m.locks[key] = memLockEntry{token: m.token, expires: now.Add(ttl)}
	return &memLock{m: m, key: key, token: m.token}, nil
}

// Lock implements Locker.
func (l memLocker) Lock(ctx context.Context, key string, ttl time.Duration) (Lock, error) {
	try := func(ctx context.Context) (Lock, error) { return l.TryLock(ctx, key, ttl) }
	return lockWait(ctx, try, Sleep)
}

// Key implements Lock.
func (l *memLock) Key() string { return l.key }

// Refresh implements Lock.
func (l *memLock) Refresh(_ context.Context, ttl time.Duration) error {
	if err := positive("ttl", ttl); err != nil {
		return err
	}
	now := l.m.lock()
	defer l.m.mu.Unlock()
	if !l.held(now) {
		return ErrLockNotHeld
	}
	l.m.locks[l.key] = memLockEntry{token: l.token, expires: now.Add(ttl)}
	return nil
}

// Release implements Lock.
func (l *memLock) Release(_ context.Context) error {
	now := l.m.lock()
	defer l.m.mu.Unlock()
	if !l.held(now) {
		return ErrLockNotHeld
	}
	delete(l.m.locks, l.key)
	return nil
}

// held reports whether the entry under the key is this lock's and alive. The
// caller holds the mutex.
func (l *memLock) held(now time.Time) bool {
	e, ok := l.m.locks[l.key]
	return ok && e.token == l.token && now.Before(e.expires)
}
