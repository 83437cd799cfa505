package telegram_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// TestRedisDownHoldsSends: with the shared limiter's Redis down, a send is
// not made unpaced: the pacer keeps trying the limiter, and the message
// leaves only when Redis is back.
func TestRedisDownHoldsSends(t *testing.T) {
	port := testenv.FreePort(t)
	stop := testenv.StartRedisServer(t, port)
	set, err := cluster.OpenRedis(t.Context(), "redis://127.0.0.1:"+strconv.Itoa(port)+"/0", "test:")
	must(t, err)
	defer set.Close()
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	tries := make(chan struct{}, 1000)
	pacer := telegram.NewPacer(set.Limiter, telegram.DefaultLimits(25), telegram.WithSleep(func(ctx context.Context, d time.Duration) error {
		tries <- struct{}{}
		return pause(ctx, min(d, 20*time.Millisecond))
	}))
	ch := telegram.NewChannel(newClient(t, s), pacer)
	stop()
	done := make(chan error, 1)
	go func() {
		done <- ch.Send(ctxFor(t, time.Minute), notify.Address{To: itoa(chat)}, notify.Message{HTML: "Собрание"})
	}()
	for range 3 { // the limiter fails and the pacer waits to try again
		select {
		case <-tries:
		case err := <-done:
			t.Fatalf("Send returned %v while the limiter was down, having sent %d", err, len(s.BotMessages(chat)))
		}
	}
	if n := len(s.BotMessages(chat)); n != 0 {
		t.Fatalf("%d messages sent while the limiter was down, want 0", n)
	}
	testenv.StartRedisServer(t, port)
	if err := <-done; err != nil {
		t.Fatalf("Send after Redis came back = %v", err)
	}
	if n := len(s.BotMessages(chat)); n != 1 {
		t.Errorf("%d messages after Redis came back, want 1", n)
	}
}

// TestSendEndsWithContextWhileRedisDown: a sender held by a dead limiter
// gives up when its context ends (a River job's time-out) and sends nothing.
func TestSendEndsWithContextWhileRedisDown(t *testing.T) {
	port := testenv.FreePort(t)
	stop := testenv.StartRedisServer(t, port)
	set, err := cluster.OpenRedis(t.Context(), "redis://127.0.0.1:"+strconv.Itoa(port)+"/0", "test:")
	must(t, err)
	defer set.Close()
	stop()
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	ctx, cancel := context.WithCancel(t.Context())
	pacer := telegram.NewPacer(set.Limiter, telegram.DefaultLimits(25), telegram.WithSleep(func(ctx context.Context, _ time.Duration) error {
		cancel() // the first failure: the job's time is up
		return ctx.Err()
	}))
	err = telegram.NewChannel(newClient(t, s), pacer).Send(ctx, notify.Address{To: itoa(chat)}, notify.Message{HTML: "x"})
	if !errors.Is(err, context.Canceled) || len(s.BotMessages(chat)) != 0 {
		t.Errorf("Send = %v with %d messages sent, want context.Canceled and none", err, len(s.BotMessages(chat)))
	}
}

// pause lets d pass unless ctx ends first.
func pause(ctx context.Context, d time.Duration) error {
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}
