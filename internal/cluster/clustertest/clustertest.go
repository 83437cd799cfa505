// Package clustertest is the one suite every cluster implementation passes:
// run it with Run from the implementation's tests.
package clustertest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

// Env is one implementation under test, fresh for each test.
type Env struct {
	// Set is the implementation under test, empty at the start.
	Set *cluster.Set
	// Replica returns another Set sharing Set's state, as a second replica
	// does (memory returns Set itself: it has one process).
	Replica func(t *testing.T) *cluster.Set
	// Clock is Set's fake clock, or nil when Set runs on real time (Redis).
	Clock *Clock
	// Pass, when Set runs on real time, makes d pass at once for the state
	// Set keeps, as if the server's clock had moved on by d: every TTL is
	// shortened by d, what would have expired by then is gone, and the
	// limiter's buckets are as they would be d later. No test of the suite
	// waits on the wall clock for an expiry.
	Pass func(ctx context.Context, d time.Duration) error
}

// Run runs the suite; open returns a fresh Env per subtest and registers its
// cleanup with t.
func Run(t *testing.T, open func(t *testing.T) Env) {
	t.Run("Limiter", func(t *testing.T) { testLimiter(t, open) })
	t.Run("Locker", func(t *testing.T) { testLocker(t, open) })
	t.Run("Dedup", func(t *testing.T) { testDedup(t, open) })
	t.Run("Sessions", func(t *testing.T) { testSessions(t, open) })
	t.Run("Lockout", func(t *testing.T) { testLockout(t, open) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, open) })
}

// Clock is a fake clock for the memory implementation: time moves only when
// a test advances it or a Limiter.Wait sleeps on it.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a Clock at start.
func NewClock(start time.Time) *Clock { return &Clock{t: start} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Sleep advances the clock by d unless ctx has ended, as cluster.WithSleep
// wants.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}

// now returns the time on env's clock.
func (env Env) now() time.Time {
	if env.Clock != nil {
		return env.Clock.Now()
	}
	return time.Now()
}

// longTTL is the TTL of the expiry tests: far longer than a test takes, so
// that real time passing on a server cannot end it before the test does.
const longTTL = time.Hour

// margin is how close to its end justBefore takes a TTL: a millisecond on a
// fake clock; on real time a minute, for the real time that passes on the
// server while the test runs (a test's calls end after a minute).
func (env Env) margin() time.Duration {
	if env.Clock != nil {
		return time.Millisecond
	}
	return time.Minute
}

// pass makes d pass for Set's state without waiting: the fake clock moves,
// or Pass moves the implementation's state on.
func (env Env) pass(ctx context.Context, d time.Duration) error {
	switch {
	case env.Clock != nil:
		env.Clock.Advance(d)
		return nil
	case env.Pass != nil:
		return env.Pass(ctx, d)
	}
	return errors.New("clustertest: the Env has neither a Clock nor Pass")
}

// justBefore makes all of d but the margin pass and returns the margin.
func (env Env) justBefore(t *testing.T, d time.Duration) (rest time.Duration) {
	t.Helper()
	must(t, env.pass(ctx(t), d-env.margin()))
	return env.margin()
}

// after makes d pass and checks, once, that cond holds then.
func (env Env) after(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	must(t, env.pass(ctx(t), d))
	if !cond() {
		t.Fatalf("%s: not so after %v more", what, d)
	}
}

// ctx returns a context that ends with the test, bounded by a minute.
func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	return c
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// parallel runs f(i) for i in [0, n) on n goroutines and waits for them.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { f(i) })
	}
	wg.Wait()
}

// replicas returns env.Set and one other replica, for alternating use.
func replicas(t *testing.T, env Env) [2]*cluster.Set {
	t.Helper()
	return [2]*cluster.Set{env.Set, env.Replica(t)}
}
