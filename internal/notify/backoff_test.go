package notify_test

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/notify"
)

// The default backoff doubles from 2 s, is capped at 10 minutes, and is
// jittered over the upper half of each step.
func TestBackoff(t *testing.T) {
	for attempt := 1; attempt <= 40; attempt++ {
		step := min(2*time.Second<<min(attempt-1, 20), 10*time.Minute)
		seen := map[time.Duration]bool{}
		for range 50 {
			d := notify.Backoff(attempt)
			if d < step/2 || d > step {
				t.Fatalf("Backoff(%d) = %v, want within [%v, %v]", attempt, d, step/2, step)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("Backoff(%d) took %d values in 50 draws, want jitter", attempt, len(seen))
		}
	}
}
