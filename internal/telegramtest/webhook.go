package telegramtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// SecretHeader carries a webhook's secret_token.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// webhook is a set webhook and its delivery goroutine.
type webhook struct {
	url     string
	secret  string
	maxConn int
	cancel  context.CancelFunc
	done    chan struct{}
}

// hookError is the last failed delivery, as getWebhookInfo reports it.
type hookError struct {
	date    time.Time
	message string
}

// setWebhook sets (or, with an empty url, removes) the webhook.
func (s *Server) setWebhook(_ context.Context, p params) (any, error) {
	if p.str("url") == "" {
		return s.deleteWebhook(context.Background(), p)
	}
	h, err := readWebhook(p)
	if err != nil {
		return nil, err
	}
	var allowed []string
	hasAllowed, err := p.json("allowed_updates", &allowed)
	if err != nil {
		return nil, badRequest("can't parse allowed updates")
	}
	s.hookMu.Lock()
	defer s.hookMu.Unlock()
	if s.isClosed() {
		return nil, &apiError{Code: http.StatusServiceUnavailable, Description: "Service Unavailable: the emulator is closed"}
	}
	s.stopWebhook()
	s.mu.Lock()
	defer s.mu.Unlock()
	if hasAllowed {
		s.allowed = allowed
	}
	if p.boolean("drop_pending_updates") {
		s.queue = nil
	}
	s.startWebhookLocked(h)
	return true, nil
}

func readWebhook(p params) (*webhook, error) {
	u, err := url.Parse(p.str("url"))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret := p.str("secret_token")
	if !validSecret(secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	maxConn, err := p.integer("max_connections")
	if err != nil {
		return nil, err
	}
	if maxConn <= 0 {
		maxConn = 40 // Telegram's default
	}
	return &webhook{url: u.String(), secret: secret, maxConn: int(maxConn)}, nil
}

// validSecret: 0–256 characters of A-Z a-z 0-9 _ -.
func validSecret(s string) bool {
	if len(s) > 256 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// deleteWebhook removes the webhook; getUpdates works again.
func (s *Server) deleteWebhook(_ context.Context, p params) (any, error) {
	s.hookMu.Lock()
	defer s.hookMu.Unlock()
	s.stopWebhook()
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.boolean("drop_pending_updates") {
		s.queue = nil
	}
	return true, nil
}

// getWebhookInfo reports the webhook, pending updates and the last error.
func (s *Server) getWebhookInfo(context.Context, params) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := apiWebhookInfo{PendingUpdateCount: len(s.queue), AllowedUpdates: s.allowed}
	if s.hook != nil {
		info.URL, info.MaxConnections = s.hook.url, s.hook.maxConn
	}
	if !s.lastHookError.date.IsZero() {
		info.LastErrorDate = s.lastHookError.date.Unix()
		info.LastErrorMessage = s.lastHookError.message
	}
	return info, nil
}

// startWebhookLocked installs h and starts delivering to it.
func (s *Server) startWebhookLocked(h *webhook) {
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan struct{})
	s.hook = h
	s.lastHookError = hookError{}
	s.wakePollersLocked() // a waiting getUpdates now gets 409
	s.wg.Add(1)
	go s.deliver(ctx, h)
}

// stopWebhook removes the webhook and waits for its delivery to stop.
// Callers hold hookMu (or are closing), never mu.
func (s *Server) stopWebhook() {
	s.mu.Lock()
	h := s.hook
	s.hook = nil
	s.mu.Unlock()
	if h != nil {
		h.cancel()
		<-h.done
	}
}

// deliver posts pending updates to h one at a time, in order, retrying a
// failed one after WebhookRetryDelay, until h is removed. A post under way
// when h is removed finishes (only Close aborts it), so an update the
// webhook took is not delivered again.
func (s *Server) deliver(ctx context.Context, h *webhook) {
	defer s.wg.Done()
	defer close(h.done)
	for {
		q, ok := s.nextForWebhook(ctx)
		if !ok {
			return
		}
		err := s.post(s.life, h, q)
		if err == nil {
			s.accepted(q.id)
			continue
		}
		if ctx.Err() != nil {
			return
		}
		s.hookFailed(err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(s.opt.WebhookRetryDelay):
		}
	}
}

// nextForWebhook waits for the oldest pending update.
func (s *Server) nextForWebhook(ctx context.Context) (queued, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.queue) == 0 {
		changed := s.queueChanged
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
		}
		s.mu.Lock()
		if ctx.Err() != nil {
			return queued{}, false
		}
	}
	return s.queue[0], true
}

// post sends one update; any answer but 2xx is a failure.
func (s *Server) post(ctx context.Context, h *webhook, q queued) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(q.body))
	if err != nil {
		return fmt.Errorf("new request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if h.secret != "" {
		req.Header.Set(SecretHeader, h.secret)
	}
	resp, err := s.opt.WebhookClient.Do(req)
	if err != nil {
		return fmt.Errorf("Connection failed: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body) // drain so the connection is reused
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("Wrong response from the webhook: %s", resp.Status)
	}
	return nil
}

// accepted drops the delivered update.
func (s *Server) accepted(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) > 0 && s.queue[0].id == id {
		s.queue = s.queue[1:]
	}
}

func (s *Server) hookFailed(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastHookError = hookError{date: s.now(), message: err.Error()}
}
