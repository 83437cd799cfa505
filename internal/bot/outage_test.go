package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// pauses are the test's testenv.Pauses, with the helpers below.
type pauses struct{ *testenv.Pauses }

// newPauses returns pauses nothing waits on yet.
func newPauses() *pauses { return &pauses{testenv.NewPauses()} }

// backoff is a Backoff on p without jitter: waits are exactly half of the
// doubling steps (0.5 s, 1 s, 2 s, …).
func (p *pauses) backoff() Backoff {
	return Backoff{Wait: p.Wait, Jitter: func() float64 { return 0 }}
}

// next returns the wait the bot asks for next; the bot is paused then.
func (p *pauses) next(t *testing.T, h *harness) time.Duration {
	t.Helper()
	select {
	case d := <-p.Waits:
		return d
	case <-time.After(15 * time.Second):
		t.Fatalf("the bot did not pause\nlog:\n%s", h.logs)
		return 0
	}
}

// goOn lets the paused bot try again.
func (p *pauses) goOn() { p.Resume <- struct{}{} }

// waitReady blocks until the bot's Ready is nil (ready) or not (!ready).
func waitReady(t *testing.T, h *harness, ready bool) {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		changed := h.b.ReadyChanged()
		if (h.b.Ready(h.ctx) == nil) == ready {
			return
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("Ready = %v, want ready %v\nlog:\n%s", h.b.Ready(h.ctx), ready, h.logs)
		}
	}
}

// expectNotReady checks Ready names the failing call.
func expectNotReady(t *testing.T, h *harness, call string) {
	t.Helper()
	err := h.b.Ready(h.ctx)
	if err == nil || !strings.Contains(err.Error(), call) {
		t.Errorf("Ready = %v, want an error naming %s", err, call)
	}
}

// TestStartRetriesSetMyCommands: setMyCommands failing three times at start
// is tried again after 0.5, 1 and 2 s (no jitter); the bot is not ready
// meanwhile, then polls and answers.
func TestStartRetriesSetMyCommands(t *testing.T) {
	p := newPauses()
	h := newHarness(t, options{noStart: true, backoff: p.backoff()})
	h.tg.Fail("setMyCommands", telegramtest.Fault{Times: 3})
	if err := h.b.Ready(h.ctx); err == nil || !strings.Contains(err.Error(), "not connected") {
		t.Errorf("Ready before Start = %v, want not connected", err)
	}
	h.start()
	for _, want := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second} {
		if got := p.next(t, h); got != want {
			t.Errorf("wait %v, want %v", got, want)
		}
		expectNotReady(t, h, "setMyCommands")
		p.goOn()
	}
	waitReady(t, h, true)
	u := h.user(telegramtest.User{})
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)
	if got := h.tg.Failed("setMyCommands"); got != 3 {
		t.Errorf("setMyCommands failed %d times, want 3", got)
	}
	if log := h.logs.String(); strings.Count(log, "telegram call failed") != 3 || !strings.Contains(log, "next_try=") {
		t.Errorf("log does not show three failures with their next try:\n%s", log)
	}
}

// TestPollingRecoversFromAnOutage: getUpdates failing mid-run (connections
// dropped) makes the bot not ready; it tries again, becomes ready, and the
// update sent during the outage is handled. No log line shows the token.
func TestPollingRecoversFromAnOutage(t *testing.T) {
	p := newPauses()
	h := newHarness(t, options{noStart: true, backoff: p.backoff()})
	h.start()
	waitReady(t, h, true)
	u := h.user(telegramtest.User{})

	h.tg.Fail("getUpdates", telegramtest.Fault{Drop: true, Times: 2})
	if got := p.next(t, h); got != 500*time.Millisecond {
		t.Errorf("first wait %v, want 500ms", got)
	}
	expectNotReady(t, h, "getUpdates")
	h.send(u.ID, "/help")
	p.goOn()
	if got := p.next(t, h); got != time.Second {
		t.Errorf("second wait %v, want 1s", got)
	}
	expectNotReady(t, h, "getUpdates")
	p.goOn()
	waitReady(t, h, true)
	h.expectKey(u.ID, i18n.Help)

	secret := strings.TrimPrefix(h.tg.Token(), strings.Split(h.tg.Token(), ":")[0])
	if log := h.logs.String(); strings.Contains(log, secret) || strings.Count(log, "taking updates") != 2 {
		t.Errorf("log shows the token or not both starts of polling:\n%s", log)
	}
}

// TestRetryAfterIsWaited: a 429 at start waits its retry_after in full, longer
// than the backoff.
func TestRetryAfterIsWaited(t *testing.T) {
	p := newPauses()
	h := newHarness(t, options{noStart: true, backoff: p.backoff()})
	h.tg.Fail("getMe", telegramtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30, Times: 1})
	h.start()
	if got := p.next(t, h); got != 30*time.Second {
		t.Errorf("wait %v, want retry_after 30s", got)
	}
	expectNotReady(t, h, "getMe")
	p.goOn()
	waitReady(t, h, true)
}

// TestStartWebhookRetries: setWebhook failing is tried again; the bot is
// ready once the webhook is registered, and updates come in through it.
func TestStartWebhookRetries(t *testing.T) {
	p := newPauses()
	h := newHarness(t, options{noStart: true, backoff: p.backoff()})
	srv := httptest.NewServer(h.b.Webhook("hook-secret"))
	t.Cleanup(func() {
		if err := h.b.Shutdown(h.ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		srv.Close()
	})
	h.tg.Fail("setWebhook", telegramtest.Fault{Status: http.StatusBadGateway, Times: 1})
	done := make(chan error, 1)
	go func() {
		done <- h.b.StartWebhook(h.ctx, h.client, &tgbot.SetWebhookParams{URL: srv.URL, SecretToken: "hook-secret"})
	}()
	p.next(t, h)
	expectNotReady(t, h, "setWebhook")
	p.goOn()
	if err := <-done; err != nil {
		t.Fatalf("StartWebhook = %v", err)
	}
	if err := h.b.Ready(h.ctx); err != nil {
		t.Errorf("Ready after StartWebhook = %v, want nil", err)
	}
	u := h.user(telegramtest.User{})
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)
}

// TestStartStopsWhenCtxEnds: a bot retrying at start stops when ctx ends.
func TestStartStopsWhenCtxEnds(t *testing.T) {
	p := newPauses()
	h := newHarness(t, options{noStart: true, backoff: p.backoff()})
	h.tg.Fail("getMe", telegramtest.Fault{})
	ctx, cancel := context.WithCancel(h.ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.b.Start(ctx, h.client, h.tg.URL())
	}()
	p.next(t, h)
	cancel()
	<-done
	err := h.b.StartWebhook(ctx, h.client, &tgbot.SetWebhookParams{URL: "http://127.0.0.1:1/"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("StartWebhook after ctx ended = %v, want context.Canceled", err)
	}
}

func TestBackoffDelay(t *testing.T) {
	tests := []struct {
		name     string
		jitter   float64
		failures []int
		want     []time.Duration
	}{
		{"no jitter is half of each step", 0, []int{1, 2, 3, 4, 5, 6, 7, 8, 1000},
			[]time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
				8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second, 30 * time.Second}},
		{"most jitter stays under the cap", 0.999999, []int{1, 6, 7, 8, 1000},
			[]time.Duration{999999500 * time.Nanosecond, 31999984 * time.Microsecond,
				59999970 * time.Microsecond, 59999970 * time.Microsecond, 59999970 * time.Microsecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bo := Backoff{Jitter: func() float64 { return tt.jitter }}
			for i, n := range tt.failures {
				got := bo.Delay(n)
				if got != tt.want[i] {
					t.Errorf("Delay(%d) = %v, want %v", n, got, tt.want[i])
				}
				if got > DefaultBackoffMax {
					t.Errorf("Delay(%d) = %v, above the cap", n, got)
				}
			}
		})
	}
}
