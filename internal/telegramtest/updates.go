package telegramtest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Update kinds, as named in allowed_updates.
const (
	kindMessage      = "message"
	kindCallback     = "callback_query"
	kindMyChatMember = "my_chat_member"
)

// queued is an update waiting for the bot, frozen as JSON when it happened.
type queued struct {
	id   int64
	kind string
	body json.RawMessage
}

// enqueueLocked adds an update unless allowed_updates excludes its kind.
func (s *Server) enqueueLocked(kind string, u apiUpdate) {
	if len(s.allowed) > 0 && !slices.Contains(s.allowed, kind) {
		return
	}
	s.lastUpdate++
	u.UpdateID = s.lastUpdate
	body, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode update: %v", err)) // plain structs always encode
	}
	s.queue = append(s.queue, queued{id: u.UpdateID, kind: kind, body: body})
	s.wakePollersLocked()
}

// wakePollersLocked wakes long polls and the webhook delivery.
func (s *Server) wakePollersLocked() {
	close(s.queueChanged)
	s.queueChanged = make(chan struct{})
}

// confirmLocked drops the updates getUpdates' offset confirms: every update
// below offset, or all but the last -offset when it is negative.
func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset > 0:
		i := 0
		for i < len(s.queue) && s.queue[i].id < offset {
			i++
		}
		s.queue = s.queue[i:]
	case offset < 0 && int64(len(s.queue)) > -offset:
		s.queue = s.queue[int64(len(s.queue))+offset:]
	}
}

// batchLocked is up to limit pending updates.
func (s *Server) batchLocked(limit int) []json.RawMessage {
	out := make([]json.RawMessage, 0, min(limit, len(s.queue)))
	for _, q := range s.queue[:min(limit, len(s.queue))] {
		out = append(out, q.body)
	}
	return out
}

// pollRequest is a getUpdates call's parameters.
type pollRequest struct {
	offset     int64
	limit      int
	timeout    time.Duration
	allowed    []string
	hasAllowed bool
}

func readPollRequest(p params) (pollRequest, error) {
	var r pollRequest
	var err error
	if r.offset, err = p.integer("offset"); err != nil {
		return r, err
	}
	limit, err := p.integer("limit")
	if err != nil {
		return r, err
	}
	r.limit = int(min(max(limit, 1), 100))
	if limit == 0 {
		r.limit = 100
	}
	secs, err := p.integer("timeout")
	if err != nil {
		return r, err
	}
	r.timeout = time.Duration(max(secs, 0)) * time.Second
	if r.hasAllowed, err = p.json("allowed_updates", &r.allowed); err != nil {
		return r, badRequest("can't parse allowed updates")
	}
	return r, nil
}

// getUpdates serves a long poll: it answers as soon as there is an update,
// or with [] when the timeout passes.
func (s *Server) getUpdates(ctx context.Context, p params) (any, error) {
	r, err := readPollRequest(p)
	if err != nil {
		return nil, err
	}
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hook != nil {
		return nil, errWebhookConflict
	}
	if r.hasAllowed {
		s.allowed = r.allowed
	}
	s.confirmLocked(r.offset)
	s.pollGen++
	s.wakePollersLocked() // an older poll still waiting is terminated
	return s.pollLocked(ctx, timer.C, r.limit, s.pollGen)
}

// pollLocked waits, releasing mu, until updates arrive, the timer fires, the
// request ends, or a webhook or a newer poll takes over.
func (s *Server) pollLocked(ctx context.Context, timeout <-chan time.Time, limit int, gen int64) (any, error) {
	for {
		if err := s.takeFaultLocked("getupdates"); err != nil {
			return nil, err
		}
		switch batch := s.batchLocked(limit); {
		case s.hook != nil:
			return nil, errWebhookConflict
		case gen != s.pollGen:
			return nil, errPollConflict
		case len(batch) > 0:
			return batch, nil
		}
		changed := s.queueChanged
		s.mu.Unlock()
		select {
		case <-changed:
		case <-timeout:
			s.mu.Lock()
			return s.batchLocked(limit), nil
		case <-ctx.Done():
		case <-s.done:
		}
		s.mu.Lock()
		if ctx.Err() != nil || s.isClosed() {
			return []json.RawMessage{}, nil
		}
	}
}

func (s *Server) isClosed() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// PendingUpdates is how many updates wait for the bot to fetch or accept them.
func (s *Server) PendingUpdates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}
