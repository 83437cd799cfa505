package clustertest

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

func testDedup(t *testing.T, open func(t *testing.T) Env) {
	t.Run("ExactlyOnceOf50", func(t *testing.T) { testDedupOnce(t, open(t)) })
	t.Run("Expiry", func(t *testing.T) { testDedupExpiry(t, open(t)) })
}

// testDedupOnce has 50 goroutines on two replicas see each of 20 updates:
// every update must be first for exactly one of them.
func testDedupOnce(t *testing.T, env Env) {
	r := replicas(t, env)
	var firsts [20]atomic.Int32
	parallel(50, func(i int) {
		for u := range firsts {
			first, err := r[i%2].Dedup.Seen(ctx(t), fmt.Sprintf("update:%d", 1000+u), time.Hour)
			if err != nil {
				t.Error(err)
				return
			}
			if first {
				firsts[u].Add(1)
			}
		}
	})
	for u := range firsts {
		if got := firsts[u].Load(); got != 1 {
			t.Errorf("update %d was first %d times, want 1", 1000+u, got)
		}
	}
}

func testDedupExpiry(t *testing.T, env Env) {
	d := env.Set.Dedup
	seen := func() bool {
		first, err := d.Seen(ctx(t), "update:1", longTTL)
		must(t, err)
		return first
	}
	if !seen() || seen() {
		t.Fatal("Seen twice: want first true, then false")
	}
	rest := env.justBefore(t, longTTL)
	if seen() {
		t.Fatal("Seen just before the ttl ends: want false")
	}
	env.after(t, rest, "first again after the ttl", seen)
}

func testSessions(t *testing.T, open func(t *testing.T) Env) {
	t.Run("SetGetDelete", func(t *testing.T) { testSessionsBasic(t, open(t)) })
	t.Run("Expiry", func(t *testing.T) { testSessionsExpiry(t, open(t)) })
	t.Run("Concurrent", func(t *testing.T) { testSessionsConcurrent(t, open(t)) })
}

// get returns a session value, nil for ErrNotFound, failing on other errors.
func get(t *testing.T, s cluster.Sessions, key string) []byte {
	t.Helper()
	b, err := s.Get(ctx(t), key)
	if errors.Is(err, cluster.ErrNotFound) {
		return nil
	}
	must(t, err)
	if b == nil {
		b = []byte{}
	}
	return b
}

func testSessionsBasic(t *testing.T, env Env) {
	r := replicas(t, env)
	if _, err := r[0].Sessions.Get(ctx(t), "chat:1"); !errors.Is(err, cluster.ErrNotFound) {
		t.Fatalf("Get of a missing key = %v, want ErrNotFound", err)
	}
	value := []byte("step=code\x00\xffкод")
	must(t, r[0].Sessions.Set(ctx(t), "chat:1", value, time.Hour))
	value[0] = 'X' // the stored value is a copy
	if got, want := get(t, r[1].Sessions, "chat:1"), []byte("step=code\x00\xffкод"); !bytes.Equal(got, want) {
		t.Errorf("Get on the other replica = %q, want %q", got, want)
	}
	must(t, r[1].Sessions.Set(ctx(t), "chat:1", []byte{}, time.Hour))
	if got := get(t, r[0].Sessions, "chat:1"); got == nil || len(got) != 0 {
		t.Errorf("Get after Set of an empty value = %q, want empty, not missing", got)
	}
	if _, err := r[0].Dedup.Seen(ctx(t), "chat:1", time.Hour); err != nil {
		t.Fatal(err)
	}
	must(t, r[0].Sessions.Delete(ctx(t), "chat:1"))
	if got := get(t, r[1].Sessions, "chat:1"); got != nil {
		t.Errorf("Get after Delete = %q, want ErrNotFound", got)
	}
	must(t, r[0].Sessions.Delete(ctx(t), "chat:1")) // deleting a missing key is fine
	if first, _ := r[0].Dedup.Seen(ctx(t), "chat:1", time.Hour); first {
		t.Error("Sessions.Delete cleared a Dedup key of the same name")
	}
}

func testSessionsExpiry(t *testing.T, env Env) {
	s := env.Set.Sessions
	must(t, s.Set(ctx(t), "chat:1", []byte("v"), longTTL))
	if got := get(t, s, "chat:1"); !bytes.Equal(got, []byte("v")) {
		t.Fatalf("Get right after Set = %q, want v", got)
	}
	rest := env.justBefore(t, longTTL)
	if get(t, s, "chat:1") == nil {
		t.Fatal("expired before its ttl")
	}
	env.after(t, rest, "gone after the ttl", func() bool { return get(t, s, "chat:1") == nil })
}

func testSessionsConcurrent(t *testing.T, env Env) {
	r := replicas(t, env)
	parallel(50, func(i int) {
		s, key := r[i%2].Sessions, fmt.Sprintf("chat:%d", i)
		for n := range 20 {
			v := fmt.Appendf(nil, "%d/%d", i, n)
			if err := s.Set(ctx(t), key, v, time.Hour); err != nil {
				t.Error(err)
				return
			}
			if err := s.Set(ctx(t), "shared", v, time.Hour); err != nil {
				t.Error(err)
				return
			}
			if got, err := s.Get(ctx(t), key); err != nil || !bytes.Equal(got, v) {
				t.Errorf("Get(%s) = %q, %v; want %q", key, got, err, v)
				return
			}
		}
	})
	if get(t, env.Set.Sessions, "shared") == nil {
		t.Error("the key written by all is missing")
	}
}

func testLockout(t *testing.T, open func(t *testing.T) Env) {
	t.Run("FiveFailures", func(t *testing.T) { testLockoutFive(t, open(t)) })
	t.Run("WindowFromFirstFailure", func(t *testing.T) { testLockoutWindow(t, open(t)) })
	t.Run("Concurrent", func(t *testing.T) { testLockoutConcurrent(t, open(t)) })
}

func testLockoutFive(t *testing.T, env Env) {
	r := replicas(t, env)
	for i := 1; i <= 5; i++ {
		n, err := r[i%2].Lockout.Fail(ctx(t), "code:chat:1", time.Hour)
		must(t, err)
		if n != i {
			t.Fatalf("Fail #%d returned %d", i, n)
		}
	}
	n, reset, err := r[0].Lockout.Failures(ctx(t), "code:chat:1")
	must(t, err)
	if n != 5 || reset <= 59*time.Minute || reset > time.Hour {
		t.Errorf("Failures = %d, %v; want 5 (locked out), about an hour", n, reset)
	}
	if n, reset, _ := r[0].Lockout.Failures(ctx(t), "code:chat:2"); n != 0 || reset != 0 {
		t.Errorf("Failures of another chat = %d, %v; want 0, 0", n, reset)
	}
	must(t, r[1].Lockout.Reset(ctx(t), "code:chat:1"))
	if n, _, _ := r[0].Lockout.Failures(ctx(t), "code:chat:1"); n != 0 {
		t.Errorf("Failures after Reset = %d, want 0", n)
	}
}

func testLockoutWindow(t *testing.T, env Env) {
	l := env.Set.Lockout
	for range 5 {
		_, err := l.Fail(ctx(t), "k", longTTL)
		must(t, err)
	}
	// A failure late in the window does not extend it.
	rest := env.justBefore(t, longTTL)
	if n, err := l.Fail(ctx(t), "k", longTTL); err != nil || n != 6 {
		t.Fatalf("Fail late in the window = %d, %v; want 6", n, err)
	}
	env.after(t, rest, "window closed", func() bool {
		n, reset, err := l.Failures(ctx(t), "k")
		must(t, err)
		return n == 0 && reset == 0
	})
	if n, _ := l.Fail(ctx(t), "k", longTTL); n != 1 {
		t.Errorf("first Fail of a new window = %d, want 1", n)
	}
}

func testLockoutConcurrent(t *testing.T, env Env) {
	r := replicas(t, env)
	got := make([]int, 50)
	parallel(50, func(i int) {
		n, err := r[i%2].Lockout.Fail(ctx(t), "k", time.Hour)
		if err != nil {
			t.Error(err)
		}
		got[i] = n
	})
	slices.Sort(got)
	for i, n := range got {
		if n != i+1 {
			t.Fatalf("50 concurrent Fails returned %v, want each of 1…50 once", got)
		}
	}
}

func testInvalid(t *testing.T, open func(t *testing.T) Env) {
	s := open(t).Set
	tests := []struct {
		name string
		call func() error
	}{
		{"Allow zero limit", func() error { _, _, err := s.Limiter.Allow(ctx(t), "k", cluster.Limit{}); return err }},
		{"Allow zero burst", func() error {
			_, _, err := s.Limiter.Allow(ctx(t), "k", cluster.Limit{Rate: 1, Period: time.Second})
			return err
		}},
		{"Allow negative slack", func() error {
			_, _, err := s.Limiter.Allow(ctx(t), "k", cluster.Limit{Rate: 1, Period: time.Second, Burst: 1, Slack: -1})
			return err
		}},
		{"Allow slack of a whole interval", func() error {
			_, _, err := s.Limiter.Allow(ctx(t), "k", cluster.Limit{Rate: 2, Period: time.Second, Burst: 1, Slack: time.Second / 2})
			return err
		}},
		{"Wait zero period", func() error { return s.Limiter.Wait(ctx(t), "k", cluster.Limit{Rate: 1, Burst: 1}) }},
		{"Pause zero", func() error { return s.Limiter.Pause(ctx(t), "k", 0) }},
		{"TryLock zero ttl", func() error { _, err := s.Locker.TryLock(ctx(t), "k", 0); return err }},
		{"Seen negative ttl", func() error { _, err := s.Dedup.Seen(ctx(t), "k", -time.Second); return err }},
		{"Sessions.Set zero ttl", func() error { return s.Sessions.Set(ctx(t), "k", []byte("v"), 0) }},
		{"Fail zero window", func() error { _, err := s.Lockout.Fail(ctx(t), "k", 0); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); !errors.Is(err, cluster.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
		})
	}
}
