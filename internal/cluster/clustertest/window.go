package clustertest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

// MaxInWindow returns the largest number of instants in any half-open
// window [t, t+window): the count every sliding window of that length must
// keep under a limit.
func MaxInWindow(instants []time.Time, window time.Duration) int {
	ts := slices.Clone(instants)
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	most, j := 0, 0
	for i, t := range ts {
		for j < len(ts) && ts[j].Before(t.Add(window)) {
			j++
		}
		most = max(most, j-i)
	}
	return most
}

// Instants records the times at which events happened, from any goroutine.
type Instants struct {
	mu sync.Mutex
	ts []time.Time
}

// Add records t.
func (in *Instants) Add(t time.Time) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.ts = append(in.ts, t)
}

// Times returns a copy of what was recorded.
func (in *Instants) Times() []time.Time {
	in.mu.Lock()
	defer in.mu.Unlock()
	return slices.Clone(in.ts)
}

// CheckSliding fails t when more than n of instants fall in one sliding
// window, or when they came at less than min times n a window on average
// (a limiter that is too slow is not one that keeps the rule).
func CheckSliding(t testing.TB, instants []time.Time, n int, window time.Duration, min float64) {
	t.Helper()
	if got := MaxInWindow(instants, window); got > n {
		t.Errorf("%d events in one sliding %v, want at most %d", got, window, n)
	}
	if len(instants) < 2 {
		return
	}
	ts := slices.SortedFunc(slices.Values(instants), func(a, b time.Time) int { return a.Compare(b) })
	span := ts[len(ts)-1].Sub(ts[0])
	rate := float64(len(ts)-1) / span.Seconds() * window.Seconds()
	if rate < min*float64(n) {
		t.Errorf("%d events in %v: %.2f a %v, want at least %.2f", len(ts), span, rate, window, min*float64(n))
	}
}

// testSlidingWindow sends 2.4 windows' worth of events through Wait of a
// Sliding limit from three goroutines on two replicas and checks every
// sliding window of the send instants. Memory runs on its fake clock (one
// goroutine, so that no other's sleep moves the clock between an answer and
// its instant); Redis on real time.
func testSlidingWindow(t *testing.T, env Env) {
	const n = 25
	limit := cluster.Sliding(n, time.Second)
	lims, workers := replicas(t, env), 3
	if env.Clock != nil {
		workers = 1
	}
	var sent Instants
	parallel(workers, func(i int) {
		for range n * 12 / 5 / workers {
			if err := lims[i%2].Limiter.Wait(ctx(t), "send:bot", limit); err != nil {
				t.Error(err)
				return
			}
			sent.Add(env.now())
		}
	})
	CheckSliding(t, sent.Times(), n, time.Second, 0.95)
}
