package bot

import (
	"context"
	"errors"
	"sync"
)

// Reasons the bot takes no updates, as Ready reports them.
const (
	notConnected = "telegram: not connected yet"
	shuttingDown = "telegram: shutting down"
)

// readiness is whether the bot takes updates, and why not.
type readiness struct {
	mu      sync.Mutex
	reason  string // empty when ready
	closing bool   // shuttingDown stays
	changed chan struct{}
}

func newReadiness() *readiness {
	return &readiness{reason: notConnected, changed: make(chan struct{})}
}

// set records reason (empty: ready) and wakes the waiters; it reports
// whether anything changed. After close nothing does.
func (r *readiness) set(reason string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reason == reason || r.closing {
		return false
	}
	r.reason = reason
	close(r.changed)
	r.changed = make(chan struct{})
	return true
}

// close marks the bot shutting down for good.
func (r *readiness) close() {
	r.set(shuttingDown)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closing = true
}

// ok reports whether the bot takes updates.
func (r *readiness) ok() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reason == ""
}

// Ready reports whether the bot takes updates: nil once long polling has
// fetched from Telegram or the webhook is registered; before that, while
// polling fails and during Shutdown an error with a short reason (the
// failing call and the next try, never a secret). It fits httpapi's
// Config.Ready; ctx is not used.
func (b *B) Ready(context.Context) error {
	b.ready.mu.Lock()
	defer b.ready.mu.Unlock()
	if b.ready.reason == "" {
		return nil
	}
	return errors.New(b.ready.reason)
}

// ReadyChanged returns a channel closed at the next change of Ready: take it
// before reading Ready, and no change is missed.
func (b *B) ReadyChanged() <-chan struct{} {
	b.ready.mu.Lock()
	defer b.ready.mu.Unlock()
	return b.ready.changed
}
