package testenv

import (
	"context"
	"time"
)

// Pauses is an injected wait (a backoff's Wait) that hands each wait to the
// test and holds the waiter until the test lets it go on, so that no test
// waits on real time: receive from Waits to see the duration asked for,
// send on Resume to let the waiter continue.
type Pauses struct {
	Waits  chan time.Duration
	Resume chan struct{}
}

// NewPauses returns Pauses with unbuffered channels.
func NewPauses() *Pauses {
	return &Pauses{Waits: make(chan time.Duration), Resume: make(chan struct{})}
}

// Wait hands d to the test and returns once the test resumes it, or with
// the context's error.
func (p *Pauses) Wait(ctx context.Context, d time.Duration) error {
	select {
	case p.Waits <- d:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-p.Resume:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
