package main

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/bot"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// pauses are the test's testenv.Pauses, with the helpers below.
type pauses struct{ *testenv.Pauses }

// newPauses returns pauses nothing waits on yet.
func newPauses() *pauses { return &pauses{testenv.NewPauses()} }

// next returns the next wait; the bot is paused then.
func (p *pauses) next(t *testing.T, s *started) time.Duration {
	t.Helper()
	select {
	case d := <-p.Waits:
		return d
	case <-time.After(time.Minute):
		t.Fatalf("the bot did not pause\n%s", s.log)
		return 0
	}
}

// expectReadyz checks GET /readyz's status and that its body has want.
func expectReadyz(t *testing.T, s *started, code int, want string) {
	t.Helper()
	got, body := httpGet(t, s.base+"/readyz")
	if got != code || !strings.Contains(body, want) {
		t.Errorf("GET /readyz = %d %s, want %d with %q", got, body, code, want)
	}
}

// TestRunReadyFollowsTelegram: /readyz is 503 while setMyCommands fails at
// start and 200 once polling takes updates; 503 again while getUpdates fails
// mid-run, and 200 after, with the message sent meanwhile answered. The log
// says what failed and when the next try is, never the token.
func TestRunReadyFollowsTelegram(t *testing.T) {
	emu := telegramtest.New(telegramtest.Options{Token: "123:verysecrettoken", NoLimits: true})
	t.Cleanup(emu.Close)
	emu.Fail("setMyCommands", telegramtest.Fault{Times: 2})
	p := newPauses()
	env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "diary.db"),
		"TELEGRAM_API_URL": emu.URL(), "TELEGRAM_BOT_TOKEN": emu.Token()}
	s := startWith(t, options{backoff: bot.Backoff{Wait: p.Wait}}, env)

	for range 2 {
		p.next(t, s)
		expectReadyz(t, s, http.StatusServiceUnavailable, "setMyCommands")
		p.Resume <- struct{}{}
	}
	s.waitLog(t, pollingStarted, 1)
	expectReadyz(t, s, http.StatusOK, "ready")

	u, err := emu.AddUser(telegramtest.User{FirstName: "Анна"})
	if err != nil {
		t.Fatal(err)
	}
	emu.Fail("getUpdates", telegramtest.Fault{Status: http.StatusBadGateway, Times: 1})
	p.next(t, s)
	expectReadyz(t, s, http.StatusServiceUnavailable, "getUpdates")
	if _, err := emu.SendText(u.ID, "/help"); err != nil {
		t.Fatal(err)
	}
	p.Resume <- struct{}{}
	s.waitLog(t, pollingStarted, 2)
	expectReadyz(t, s, http.StatusOK, "ready")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := emu.NextBotMessage(ctx, u.ID); err != nil {
		t.Fatalf("no answer to the message sent during the outage: %v\n%s", err, s.log)
	}

	log := s.log.String()
	if strings.Contains(log, "verysecrettoken") {
		t.Errorf("the log shows the token:\n%s", log)
	}
	if strings.Count(log, `"msg":"telegram call failed"`) != 3 || !strings.Contains(log, `"next_try":`) {
		t.Errorf("the log does not show the three failures with their next try:\n%s", log)
	}
}
