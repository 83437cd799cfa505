package clustertest

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

func testLocker(t *testing.T, open func(t *testing.T) Env) {
	t.Run("ExclusiveAcrossReplicas", func(t *testing.T) { testLockExclusive(t, open(t)) })
	t.Run("OneWinnerOf50", func(t *testing.T) { testLockOneWinner(t, open(t)) })
	t.Run("LockWaitsMutualExclusion", func(t *testing.T) { testLockMutex(t, open(t)) })
	t.Run("LockEndsWithContext", func(t *testing.T) { testLockContext(t, open(t)) })
	t.Run("Expiry", func(t *testing.T) { testLockExpiry(t, open(t)) })
	t.Run("Refresh", func(t *testing.T) { testLockRefresh(t, open(t)) })
}

func testLockExclusive(t *testing.T, env Env) {
	r := replicas(t, env)
	a, err := r[0].Locker.TryLock(ctx(t), "tick:daily", time.Minute)
	must(t, err)
	if a.Key() != "tick:daily" {
		t.Errorf("Key() = %q, want tick:daily", a.Key())
	}
	if _, err := r[1].Locker.TryLock(ctx(t), "tick:daily", time.Minute); !errors.Is(err, cluster.ErrNotObtained) {
		t.Fatalf("second replica TryLock = %v, want ErrNotObtained", err)
	}
	other, err := r[1].Locker.TryLock(ctx(t), "tick:weekly", time.Minute)
	must(t, err)
	must(t, other.Release(ctx(t)))
	must(t, a.Release(ctx(t)))
	b, err := r[1].Locker.TryLock(ctx(t), "tick:daily", time.Minute)
	must(t, err)
	if err := a.Release(ctx(t)); !errors.Is(err, cluster.ErrLockNotHeld) {
		t.Errorf("second Release of a released lock = %v, want ErrLockNotHeld", err)
	}
	if err := a.Refresh(ctx(t), time.Minute); !errors.Is(err, cluster.ErrLockNotHeld) {
		t.Errorf("Refresh of a released lock = %v, want ErrLockNotHeld", err)
	}
	must(t, b.Release(ctx(t)))
}

func testLockOneWinner(t *testing.T, env Env) {
	r := replicas(t, env)
	var won, lost atomic.Int32
	parallel(50, func(i int) {
		_, err := r[i%2].Locker.TryLock(ctx(t), "job", time.Minute)
		switch {
		case err == nil:
			won.Add(1)
		case errors.Is(err, cluster.ErrNotObtained):
			lost.Add(1)
		default:
			t.Error(err)
		}
	})
	if won.Load() != 1 || lost.Load() != 49 {
		t.Errorf("50 TryLocks: %d won, %d lost; want 1 and 49", won.Load(), lost.Load())
	}
}

// testLockMutex has 20 goroutines on two replicas take one lock with the
// blocking Lock and checks that no two are inside at once.
func testLockMutex(t *testing.T, env Env) {
	r := replicas(t, env)
	var inside, overlaps, done atomic.Int32
	parallel(20, func(i int) {
		l, err := r[i%2].Locker.Lock(ctx(t), "chat:7", time.Hour)
		if err != nil {
			t.Error(err)
			return
		}
		if inside.Add(1) != 1 {
			overlaps.Add(1)
		}
		for range 100 { // a little work while holding the lock
			inside.Load()
		}
		inside.Add(-1)
		done.Add(1)
		if err := l.Release(ctx(t)); err != nil {
			t.Error(err)
		}
	})
	if overlaps.Load() != 0 || done.Load() != 20 {
		t.Errorf("%d of 20 held the lock, %d overlaps; want 20 and 0", done.Load(), overlaps.Load())
	}
}

func testLockContext(t *testing.T, env Env) {
	l := env.Set.Locker
	_, err := l.TryLock(ctx(t), "k", time.Hour)
	must(t, err)
	c, cancel := context.WithCancel(ctx(t))
	cancel()
	_, err = env.Replica(t).Locker.Lock(c, "k", time.Hour)
	if !errors.Is(err, cluster.ErrNotObtained) || !errors.Is(err, context.Canceled) {
		t.Errorf("Lock of a held key with a cancelled context = %v, want ErrNotObtained and context.Canceled", err)
	}
}

func testLockExpiry(t *testing.T, env Env) {
	r := replicas(t, env)
	a, err := r[0].Locker.TryLock(ctx(t), "k", longTTL)
	must(t, err)
	rest := env.justBefore(t, longTTL)
	if _, err := r[1].Locker.TryLock(ctx(t), "k", longTTL); !errors.Is(err, cluster.ErrNotObtained) {
		t.Fatalf("TryLock just before expiry = %v, want ErrNotObtained", err)
	}
	var b cluster.Lock
	env.after(t, rest, "the other replica takes the expired lock", func() bool {
		b, err = r[1].Locker.TryLock(ctx(t), "k", time.Hour)
		if err != nil && !errors.Is(err, cluster.ErrNotObtained) {
			t.Fatal(err)
		}
		return err == nil
	})
	if err := a.Refresh(ctx(t), time.Hour); !errors.Is(err, cluster.ErrLockNotHeld) {
		t.Errorf("Refresh of an expired, retaken lock = %v, want ErrLockNotHeld", err)
	}
	if err := a.Release(ctx(t)); !errors.Is(err, cluster.ErrLockNotHeld) {
		t.Errorf("Release of an expired, retaken lock = %v, want ErrLockNotHeld", err)
	}
	must(t, b.Release(ctx(t))) // the old holder did not release the new one's lock
}

func testLockRefresh(t *testing.T, env Env) {
	r := replicas(t, env)
	a, err := r[0].Locker.TryLock(ctx(t), "k", longTTL)
	must(t, err)
	must(t, env.pass(ctx(t), longTTL*3/4))
	must(t, a.Refresh(ctx(t), longTTL))
	must(t, env.pass(ctx(t), longTTL*3/4)) // past the first ttl, within the refreshed one
	if _, err := r[1].Locker.TryLock(ctx(t), "k", longTTL); !errors.Is(err, cluster.ErrNotObtained) {
		t.Errorf("TryLock of a refreshed lock = %v, want ErrNotObtained", err)
	}
	must(t, a.Release(ctx(t)))
}
