package main

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/notifytest"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// parentUser is the Telegram user (and private chat) of the parent Белова.
const parentUser = 7001

// The scheduler on PostgreSQL and Redis delivers a notice enqueued into the
// store to the chat, through the Bot API TELEGRAM_API_URL names, and stops
// cleanly when cancelled.
func TestRunSendsNotices(t *testing.T) {
	dsn := testenv.PostgresURL(t)
	db, guardian := notifytest.FamilyStore(t, dsn, parentUser)
	emu := telegramtest.New(telegramtest.Options{})
	t.Cleanup(emu.Close)
	if _, err := emu.AddUser(telegramtest.User{ID: parentUser, FirstName: "Ирина"}); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"DATABASE_URL": dsn, "REDIS_URL": testenv.RedisURL(t), "SCHEDULER_HTTP_ADDR": "127.0.0.1:0",
		"LOG_FORMAT": "json", "TELEGRAM_API_URL": emu.URL(), "TELEGRAM_BOT_TOKEN": emu.Token()}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := testenv.NewLogWatch()
	errc := make(chan error, 1)
	if _, err := emu.Start(parentUser, ""); err != nil { // a bot may write only to who started it
		t.Fatal(err)
	}
	go func() { errc <- run(ctx, nil, func(k string) string { return env[k] }, io.Discard, log) }()
	id := notifytest.Enqueue(t, db, guardian, "sched-1", "Собрание в пятницу")
	wctx, wcancel := context.WithTimeout(ctx, time.Minute)
	defer wcancel()
	_, err := emu.WaitChat(wctx, parentUser, func(ms []telegramtest.Message) bool {
		return slices.ContainsFunc(ms, func(m telegramtest.Message) bool {
			return m.FromBot && strings.Contains(m.Text, "Собрание в пятницу")
		})
	})
	if err != nil {
		t.Fatalf("the notice did not reach the chat: %v\n%s", err, log)
	}
	wantDeliveryMetrics(t, <-log.Addr)
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("run after cancel = %v, want nil\n%s", err, log)
	}
	// the delivery in flight at the cancel finished: its outcome is recorded
	if n, err := db.(notify.Store).Notice(t.Context(), id); err != nil || n.Status != diary.NoticeSent {
		t.Errorf("notice after the stop: %s (%v), want sent", n.Status, err)
	}
}

// wantDeliveryMetrics checks that the scheduler's /metrics comes to count
// the one notice sent through Telegram (the count follows the send's return,
// a moment after the emulator has the message).
func wantDeliveryMetrics(t *testing.T, addr string) {
	t.Helper()
	want := `diary_notice_sends_total{channel="telegram",outcome="sent"} 1`
	deadline := time.Now().Add(30 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		body = getMetrics(t, addr)
		if strings.Contains(body, want) {
			return
		}
		time.Sleep(20 * time.Millisecond) // polls a condition with a deadline
	}
	t.Errorf("/metrics lacks %s:\n%s", want, body)
}

// getMetrics returns the scheduler's /metrics page.
func getMetrics(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read /metrics: %v", err)
	}
	return string(body)
}
