package cluster

import (
	"bytes"
	"context"
	"time"
)

// memDedup is the in-process Dedup.
type memDedup struct{ m *memory }

// Seen implements Dedup.
func (d memDedup) Seen(_ context.Context, key string, ttl time.Duration) (bool, error) {
	if err := positive("ttl", ttl); err != nil {
		return false, err
	}
	now := d.m.lock()
	defer d.m.mu.Unlock()
	if until, ok := d.m.seen[key]; ok && now.Before(until) {
		return false, nil
	}
	d.m.seen[key] = now.Add(ttl)
	return true, nil
}

// memSessions is the in-process Sessions.
type memSessions struct{ m *memory }

// memSession is a stored value and its expiry.
type memSession struct {
	value   []byte
	expires time.Time
}

// Get implements Sessions.
func (s memSessions) Get(_ context.Context, key string) ([]byte, error) {
	now := s.m.lock()
	defer s.m.mu.Unlock()
	e, ok := s.m.sessions[key]
	if !ok || !now.Before(e.expires) {
		return nil, ErrNotFound
	}
	return bytes.Clone(e.value), nil
}

// Set implements Sessions.
func (s memSessions) Set(_ context.Context, key string, value []byte, ttl time.Duration) error {
	if err := positive("ttl", ttl); err != nil {
		return err
	}
	now := s.m.lock()
	defer s.m.mu.Unlock()
	s.m.sessions[key] = memSession{value: append([]byte{}, value...), expires: now.Add(ttl)}
	return nil
}

// Delete implements Sessions.
func (s memSessions) Delete(_ context.Context, key string) error {
	s.m.lock()
	defer s.m.mu.Unlock()
	delete(s.m.sessions, key)
	return nil
}

// memLockout is the in-process Lockout.
type memLockout struct{ m *memory }

// memFails is a failure count and the end of its window.
type memFails struct {
	count   int
	expires time.Time
}

// Fail implements Lockout.
func (l memLockout) Fail(_ context.Context, key string, window time.Duration) (int, error) {
	if err := positive("window", window); err != nil {
		return 0, err
	}
	now := l.m.lock()
	defer l.m.mu.Unlock()
	e, ok := l.m.fails[key]
	if !ok || !now.Before(e.expires) {
		e = memFails{expires: now.Add(window)}
	}
	e.count++
	l.m.fails[key] = e
	return e.count, nil
}

// Failures implements Lockout.
func (l memLockout) Failures(_ context.Context, key string) (int, time.Duration, error) {
	now := l.m.lock()
	defer l.m.mu.Unlock()
	e, ok := l.m.fails[key]
	if !ok || !now.Before(e.expires) {
		return 0, 0, nil
	}
	return e.count, e.expires.Sub(now), nil
}

// Reset implements Lockout.
func (l memLockout) Reset(_ context.Context, key string) error {
	l.m.lock()
	defer l.m.mu.Unlock()
	delete(l.m.fails, key)
	return nil
}
