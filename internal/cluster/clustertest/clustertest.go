// Package clustertest is the one suite every cluster implementation passes:
// run it with Run from the implementation's tests.
package clustertest

import (
	"context"
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
	// Clock is Set's fake clock, or nil when Set runs on real time (Redis):
	// then time-dependent tests use short TTLs and poll with a deadline.
	Clock *Clock
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

// expireSoon is the TTL time-dependent tests use: long on a fake clock, short
// on real time so that the poll loop ends quickly.
func (env Env) expireSoon() time.Duration {
	if env.Clock != nil {
		return time.Hour
	}
	return 250 * time.Millisecond
}

// eventually makes d pass on env's clock and checks that cond then holds: a
// fake clock is advanced by d and cond is checked once; on real time, cond
// is polled until d plus a margin has passed.
func (env Env) eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	if env.Clock != nil {
		env.Clock.Advance(d)
		if !cond() {
			t.Fatalf("%s: not so after %v", what, d)
		}
		return
	}
	deadline := time.Now().Add(d + 3*time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not so within %v", what, d+3*time.Second)
		}
		time.Sleep(5 * time.Millisecond) // poll interval of a bounded loop
	}
}

// justBefore advances a fake clock to 1ms before d has passed and returns
// what remains (1ms) and true. On real time it returns d and false: the test
// checks right away, well before d.
func (env Env) justBefore(d time.Duration) (rest time.Duration, fake bool) {
	if env.Clock == nil {
		return d, false
	}
	env.Clock.Advance(d - time.Millisecond)
	return time.Millisecond, true
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
