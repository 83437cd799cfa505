package telegram_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestA429PausesEverySender: a 429 to one sender pauses the bot for
// retry_after in the shared limiter, so that another sender (the bot's
// replies, another replica) waits too instead of sending.
func TestA429PausesEverySender(t *testing.T) {
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chats := startedUsers(t, s, 2)
	set := cluster.NewMemory(nil)
	one := telegram.NewChannel(newClient(t, s), telegram.NewPacer(set.Limiter, fast))
	s.Fail("sendMessage", telegramtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30, Times: 1})
	var retry *notify.RetryAfterError
	if err := one.Send(ctxFor(t, 10*time.Second), notify.Address{To: itoa(chats[0])}, notify.Message{HTML: "a"}); !errors.As(err, &retry) {
		t.Fatalf("Send during a 429 = %v, want a *notify.RetryAfterError", err)
	}
	if d, err := set.Limiter.PausedFor(t.Context(), telegram.BotKey); err != nil || d < 29*time.Second {
		t.Fatalf("the bot is paused for %v (%v), want about 30s", d, err)
	}
	other := telegram.NewPacer(set.Limiter, fast)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	sent := false
	err := other.Send(ctx, chats[1], func(context.Context) error { sent = true; return nil })
	if sent || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("another sender during the pause: sent %v, err %v; want it held until its context ends", sent, err)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
