package cluster

import (
	"context"
	"maps"
	"sync"
	"time"
)

// sweepEvery is how often, on the memory clock, expired entries are dropped.
const sweepEvery = time.Minute

// memory is the in-process implementation: one mutex over maps of expiring
// entries, swept lazily so that nothing grows without bound.
type memory struct {
	mu        sync.Mutex
	now       func() time.Time
	sleep     sleepFunc
	nextSweep time.Time
	token     uint64

	limits   map[string]*memLimit
	pauses   map[string]time.Time
	locks    map[string]memLockEntry
	seen     map[string]time.Time
	sessions map[string]memSession
	fails    map[string]memFails
}

// MemoryOption tunes NewMemory.
type MemoryOption func(*memory)

// WithSleep makes Limiter.Wait let time pass with sleep instead of a timer:
// a test with a fake clock passes one that advances it. sleep returns ctx's
// error when ctx ends first.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) MemoryOption {
	return func(m *memory) { m.sleep = sleep }
}

// NewMemory returns a Set held in this process's memory, for the embedded
// setup and tests. now is its clock (time.Now when nil); every TTL, window
// and rate is measured on it. Lock.Lock polls with real timers.
func NewMemory(now func() time.Time, opts ...MemoryOption) *Set {
	if now == nil {
		now = time.Now
	}
	m := &memory{now: now, sleep: Sleep,
		limits: map[string]*memLimit{}, pauses: map[string]time.Time{},
		locks: map[string]memLockEntry{}, seen: map[string]time.Time{},
		sessions: map[string]memSession{}, fails: map[string]memFails{}}
	for _, o := range opts {
		o(m)
	}
	return &Set{
		Limiter:  memLimiter{m},
		Locker:   memLocker{m},
		Dedup:    memDedup{m},
		Sessions: memSessions{m},
		Lockout:  memLockout{m},
	}
}

// lock takes the mutex, sweeps when due and returns the current time.
func (m *memory) lock() time.Time {
	m.mu.Lock()
	now := m.now()
	if !now.Before(m.nextSweep) {
		m.sweep(now)
		m.nextSweep = now.Add(sweepEvery)
	}
	return now
}

// sweep drops every entry expired at now. The caller holds the mutex.
func (m *memory) sweep(now time.Time) {
	maps.DeleteFunc(m.limits, func(_ string, e *memLimit) bool { return !now.Before(e.idle) })
	maps.DeleteFunc(m.pauses, func(_ string, until time.Time) bool { return !now.Before(until) })
	maps.DeleteFunc(m.locks, func(_ string, e memLockEntry) bool { return !now.Before(e.expires) })
	maps.DeleteFunc(m.seen, func(_ string, until time.Time) bool { return !now.Before(until) })
	maps.DeleteFunc(m.sessions, func(_ string, e memSession) bool { return !now.Before(e.expires) })
	maps.DeleteFunc(m.fails, func(_ string, e memFails) bool { return !now.Before(e.expires) })
}

// size returns the number of entries held, expired or not (for leak tests).
func (m *memory) size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.limits) + len(m.pauses) + len(m.locks) + len(m.seen) + len(m.sessions) + len(m.fails)
}
