package clustertest

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

func testLimiter(t *testing.T, open func(t *testing.T) Env) {
	t.Run("BurstThenDeny", func(t *testing.T) { testBurstThenDeny(t, open(t)) })
	t.Run("Refill", func(t *testing.T) { testRefill(t, open(t)) })
	t.Run("RateWithinTolerance", func(t *testing.T) { testRate(t, open(t)) })
	t.Run("WaitPaces", func(t *testing.T) { testWaitPaces(t, open(t)) })
	t.Run("WaitEndsWithContext", func(t *testing.T) { testWaitContext(t, open(t)) })
	t.Run("Pause", func(t *testing.T) { testPause(t, open(t)) })
	t.Run("PauseExpires", func(t *testing.T) { testPauseExpires(t, open(t)) })
	t.Run("SlidingWindow", func(t *testing.T) { testSlidingWindow(t, open(t)) })
}

// allowN calls Allow n times and returns how many were allowed and the last
// retryAfter.
func allowN(t *testing.T, l cluster.Limiter, key string, limit cluster.Limit, n int) (int, time.Duration) {
	t.Helper()
	var got int
	var retry time.Duration
	for range n {
		ok, r, err := l.Allow(ctx(t), key, limit)
		must(t, err)
		if ok {
			got++
		}
		retry = r
	}
	return got, retry
}

func testBurstThenDeny(t *testing.T, env Env) {
	limit := cluster.Limit{Rate: 10, Period: time.Hour, Burst: 3}
	lims := replicas(t, env)
	got, _ := allowN(t, lims[0].Limiter, "chat:1", limit, 2)
	got2, retry := allowN(t, lims[1].Limiter, "chat:1", limit, 2)
	if got+got2 != 3 {
		t.Errorf("allowed %d of 4 across replicas with burst 3, want 3", got+got2)
	}
	if retry <= 0 || retry > 6*time.Minute {
		t.Errorf("retryAfter = %v, want in (0, 6m] at 10/h", retry)
	}
	if got, _ := allowN(t, env.Set.Limiter, "chat:2", limit, 3); got != 3 {
		t.Errorf("another key: allowed %d of 3, want 3 (keys are independent)", got)
	}
}

func testRefill(t *testing.T, env Env) {
	limit := cluster.Limit{Rate: 1, Period: time.Hour, Burst: 1}
	l := env.Set.Limiter
	if got, _ := allowN(t, l, "k", limit, 2); got != 1 {
		t.Fatalf("allowed %d of 2 with burst 1, want 1", got)
	}
	rest := env.justBefore(t, time.Hour)
	if got, _ := allowN(t, l, "k", limit, 1); got != 0 {
		t.Fatalf("allowed before the interval passed")
	}
	env.after(t, rest, "allowed again after 1/rate", func() bool {
		ok, _, err := l.Allow(ctx(t), "k", limit)
		must(t, err)
		return ok
	})
}

// testRate hammers one key from 8 goroutines on two replicas, each try
// followed by a quarter of the limit's interval passing, for a window of
// 0.7 periods, and checks the count against burst + rate × elapsed.
func testRate(t *testing.T, env Env) {
	limit := cluster.Limit{Rate: 100, Period: time.Hour, Burst: 10}
	window, step := limit.Period*7/10, limit.Period/time.Duration(limit.Rate)/4
	lims := replicas(t, env)
	var allowed, tries, passed atomic.Int64
	parallel(8, func(i int) {
		for time.Duration(passed.Load()) < window {
			ok, _, err := lims[i%2].Limiter.Allow(ctx(t), "bot", limit)
			if err == nil {
				err = env.pass(ctx(t), step)
			}
			if err != nil {
				t.Error(err)
				return
			}
			tries.Add(1)
			passed.Add(int64(step))
			if ok {
				allowed.Add(1)
			}
		}
	})
	checkRate(t, limit, time.Duration(passed.Load()), allowed.Load(), tries.Load())
}

// checkRate checks that allowed of tries in elapsed is burst + rate ×
// elapsed, 10 % less or 2 % more, and that the limiter was the bottleneck.
func checkRate(t *testing.T, limit cluster.Limit, elapsed time.Duration, allowed, tries int64) {
	t.Helper()
	steady := float64(limit.Rate) * elapsed.Seconds() / limit.Period.Seconds()
	ideal := float64(limit.Burst) + steady
	lo, hi := float64(limit.Burst)+0.9*steady-1, ideal*1.02+1
	if got := float64(allowed); got < lo || got > hi {
		t.Errorf("allowed %v of %d tries in %v, want within [%.0f, %.0f]", got, tries, elapsed, lo, hi)
	}
	if tries < 2*int64(ideal) {
		t.Errorf("only %d tries for %.0f allowed: the limiter was not the bottleneck", tries, ideal)
	}
}

func testWaitPaces(t *testing.T, env Env) {
	limit := cluster.Limit{Rate: 50, Period: time.Second, Burst: 1}
	lims := replicas(t, env)
	start := env.now()
	parallel(4, func(i int) {
		for range 3 {
			if err := lims[i%2].Limiter.Wait(ctx(t), "chat", limit); err != nil {
				t.Error(err)
			}
		}
	})
	// 12 events at 50/s with burst 1: the last goes out 11 intervals after
	// the first.
	elapsed := env.now().Sub(start)
	if min := 11 * 20 * time.Millisecond * 9 / 10; elapsed < min {
		t.Errorf("12 Waits took %v, want at least %v", elapsed, min)
	}
	if elapsed > 5*time.Second {
		t.Errorf("12 Waits took %v, want about 220ms", elapsed)
	}
}

func testWaitContext(t *testing.T, env Env) {
	limit := cluster.Limit{Rate: 1, Period: time.Minute, Burst: 1}
	l := env.Set.Limiter
	must(t, l.Wait(ctx(t), "k", limit))
	c, cancel := context.WithCancel(ctx(t))
	cancel()
	if err := l.Wait(c, "k", limit); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait with a cancelled context on an exhausted key = %v, want context.Canceled", err)
	}
}

func testPause(t *testing.T, env Env) {
	lims := replicas(t, env)
	limit := cluster.PerSecond(30)
	must(t, lims[0].Limiter.Pause(ctx(t), "bot", 10*time.Minute))
	must(t, lims[1].Limiter.Pause(ctx(t), "bot", time.Minute)) // never shortens
	d, err := lims[1].Limiter.PausedFor(ctx(t), "bot")
	must(t, err)
	if d <= 9*time.Minute || d > 10*time.Minute {
		t.Errorf("PausedFor on the other replica = %v, want about 10m", d)
	}
	ok, retry, err := lims[1].Limiter.Allow(ctx(t), "bot", limit)
	must(t, err)
	if ok || retry <= 9*time.Minute || retry > 10*time.Minute {
		t.Errorf("Allow while paused = %v, %v; want false, about 10m", ok, retry)
	}
	must(t, lims[1].Limiter.Pause(ctx(t), "bot", 20*time.Minute)) // lengthens
	if d, _ := lims[0].Limiter.PausedFor(ctx(t), "bot"); d <= 19*time.Minute {
		t.Errorf("PausedFor after a longer pause = %v, want about 20m", d)
	}
	if d, _ := lims[0].Limiter.PausedFor(ctx(t), "other"); d != 0 {
		t.Errorf("PausedFor of an unpaused key = %v, want 0", d)
	}
}

func testPauseExpires(t *testing.T, env Env) {
	l, limit := env.Set.Limiter, cluster.PerSecond(30)
	must(t, l.Pause(ctx(t), "bot", longTTL))
	rest := env.justBefore(t, longTTL)
	if ok, _, err := l.Allow(ctx(t), "bot", limit); err != nil || ok {
		t.Fatalf("Allow just before the pause ends = %v, %v; want false", ok, err)
	}
	env.after(t, rest, "pause over and Allow true", func() bool {
		p, err := l.PausedFor(ctx(t), "bot")
		must(t, err)
		ok, _, err := l.Allow(ctx(t), "bot", limit)
		must(t, err)
		return p == 0 && ok
	})
}
