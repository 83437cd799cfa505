package cluster

import (
	"context"
	"time"

	"golang.org/x/time/rate"
)

// memLimiter is the in-process Limiter on golang.org/x/time/rate, fed the
// injected clock.
type memLimiter struct{ m *memory }

// memLimit is one key's token bucket. Once idle passes, the bucket is full
// again and the entry can be dropped without changing behaviour.
type memLimit struct {
	lim   *rate.Limiter
	limit Limit
	idle  time.Time
}

// Allow implements Limiter.
func (l memLimiter) Allow(_ context.Context, key string, limit Limit) (bool, time.Duration, error) {
	if err := limit.validate(); err != nil {
		return false, 0, err
	}
	m := l.m
	now := m.lock()
	defer m.mu.Unlock()
	if until, ok := m.pauses[key]; ok && now.Before(until) {
		return false, until.Sub(now), nil
	}
	e := m.bucket(key, limit, now)
	r := e.lim.ReserveN(now, unitsPerEvent)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d, nil
	}
	e.idle = now.Add(limit.interval()*time.Duration(limit.Burst) + limit.Slack)
	return true, 0, nil
}

// bucket returns key's bucket, made or re-limited for limit. The caller holds
// the mutex.
func (m *memory) bucket(key string, limit Limit, now time.Time) *memLimit {
	units, burst := limit.units()
	r := rate.Limit(float64(units) / limit.Period.Seconds())
	e, ok := m.limits[key]
	if !ok || !now.Before(e.idle) {
		e = &memLimit{lim: rate.NewLimiter(r, burst), limit: limit}
		m.limits[key] = e
	} else if e.limit != limit {
		e.lim.SetLimitAt(now, r)
		e.lim.SetBurstAt(now, burst)
		e.limit = limit
	}
	return e
}

// Wait implements Limiter.
func (l memLimiter) Wait(ctx context.Context, key string, limit Limit) error {
	allow := func(ctx context.Context) (bool, time.Duration, error) { return l.Allow(ctx, key, limit) }
	return wait(ctx, allow, l.m.sleep)
}

// Pause implements Limiter.
func (l memLimiter) Pause(_ context.Context, key string, d time.Duration) error {
	if err := positive("pause", d); err != nil {
		return err
	}
	m := l.m
	now := m.lock()
	defer m.mu.Unlock()
	if until := now.Add(d); until.After(m.pauses[key]) {
		m.pauses[key] = until
	}
	return nil
}

// PausedFor implements Limiter.
func (l memLimiter) PausedFor(_ context.Context, key string) (time.Duration, error) {
	m := l.m
	now := m.lock()
	defer m.mu.Unlock()
	if until, ok := m.pauses[key]; ok && now.Before(until) {
		return until.Sub(now), nil
	}
	return 0, nil
}
