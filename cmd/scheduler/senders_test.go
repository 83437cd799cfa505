package main

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/schooldiary/diary/internal/config"
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
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("run after cancel = %v, want nil\n%s", err, log)
	}
	// the delivery in flight at the cancel finished: its outcome is recorded
	if n, err := db.(notify.Store).Notice(t.Context(), id); err != nil || n.Status != diary.NoticeSent {
		t.Errorf("notice after the stop: %s (%v), want sent", n.Status, err)
	}
}

// The senders count what they send on the scheduler's /metrics: once they
// have stopped (deliveries in flight finish), their collector holds the one
// notice sent through Telegram.
func TestSendersCountTheirSends(t *testing.T) {
	dsn := testenv.PostgresURL(t)
	db, guardian := notifytest.FamilyStore(t, dsn, parentUser)
	emu := telegramtest.New(telegramtest.Options{})
	t.Cleanup(emu.Close)
	if _, err := emu.AddUser(telegramtest.User{ID: parentUser, FirstName: "Ирина"}); err != nil {
		t.Fatal(err)
	}
	if _, err := emu.Start(parentUser, ""); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadScheduler(func(k string) string {
		return map[string]string{"DATABASE_URL": dsn, "REDIS_URL": testenv.RedisURL(t),
			"TELEGRAM_API_URL": emu.URL(), "TELEGRAM_BOT_TOKEN": emu.Token()}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	snd, err := startSenders(t.Context(), cfg, db, log)
	if err != nil {
		t.Fatal(err)
	}
	notifytest.Enqueue(t, db, guardian, "count-1", "Собрание")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if _, err := emu.WaitChat(ctx, parentUser, func(ms []telegramtest.Message) bool {
		return slices.ContainsFunc(ms, func(m telegramtest.Message) bool { return m.FromBot })
	}); err != nil {
		t.Fatalf("the notice did not reach the chat: %v", err)
	}
	snd.stop(t.Context(), log)
	if got := sends(t, snd.metrics, "telegram", "sent"); got != 1 {
		t.Errorf("telegram sends counted = %v, want 1", got)
	}
}

// sends returns the collector's count of sends on channel with outcome.
func sends(t *testing.T, c prometheus.Collector, channel, outcome string) float64 {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "diary_notice_sends_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if label(m, "channel") == channel && label(m, "outcome") == outcome {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

// label returns the value of m's label name.
func label(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}
