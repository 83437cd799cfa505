package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email"
	"github.com/schooldiary/diary/internal/notify/metrics"
	tgnotify "github.com/schooldiary/diary/internal/notify/telegram"
)

// stopDelivery bounds the wait for the deliveries in flight at shutdown.
const stopDelivery = 10 * time.Second

// mailChannel returns the email channel SMTP_URL and SMTP_FROM describe, or
// nil when email is not set up (the bot then says so to families).
func mailChannel(m config.Mail) (notify.Channel, error) {
	cfg, ok, err := m.Email()
	if err != nil {
		return nil, config.Invalid(err)
	}
	if !ok {
		return nil, nil
	}
	return email.New(cfg), nil
}

// delivery is the notice service of the bot's process: it always enqueues
// (announcements), and sends only in the embedded setup.
type delivery struct {
	svc     *notify.Service
	metrics *metrics.Collector // the senders' counts and the store's queue, on /metrics
	sends   bool               // this process runs the senders (no REDIS_URL)
}

// errNoDelivery: an announcement came before the notice service was built.
var errNoDelivery = errors.New("delivery: the notice service is not ready yet")

// enqueuer hands the bot's announcements to the notice service, which is
// built after the bot because it sends on the bot's client.
type enqueuer struct {
	svc atomic.Pointer[notify.Service]
}

// Enqueue stores the notices and schedules their delivery; errNoDelivery
// before the service is set.
func (e *enqueuer) Enqueue(ctx context.Context, ns []diary.Notice) (diary.EnqueueResult, error) {
	svc := e.svc.Load()
	if svc == nil {
		return diary.EnqueueResult{}, errNoDelivery
	}
	return svc.Enqueue(ctx, ns)
}

// newDelivery builds the notice service on db with the Telegram channel
// (client, paced on the shared limiter at TELEGRAM_RATE) and mail when set.
func newDelivery(db any, cfg config.Bot, client *tgbot.Bot, cl *cluster.Set, mail notify.Channel, log *slog.Logger) (*delivery, error) {
	ns, ok := db.(notify.Store)
	ms, okm := db.(metrics.Store)
	if !ok || !okm {
		return nil, fmt.Errorf("delivery: the store %T keeps no notices", db)
	}
	mc := metrics.New(ms, metrics.Options{Logger: log})
	svc, err := notify.New(ns, notify.Config{Channels: channels(client, cl, int(cfg.TelegramRate), mail, log),
		Logger: log, Observer: mc})
	if err != nil {
		return nil, err
	}
	return &delivery{svc: svc, metrics: mc, sends: cfg.RedisURL == ""}, nil
}

// channels are the channels notices go by: Telegram, and email when set up.
func channels(client *tgbot.Bot, cl *cluster.Set, rate int, mail notify.Channel, log *slog.Logger) map[string]notify.Channel {
	pacer := tgnotify.NewPacer(cl.Limiter, tgnotify.DefaultLimits(rate), tgnotify.WithLog(log))
	chans := map[string]notify.Channel{notify.Telegram: tgnotify.NewChannel(client, pacer)}
	if mail != nil {
		chans[notify.Email] = mail
	}
	return chans
}

// start starts the senders in the embedded setup and says who sends.
func (d *delivery) start(ctx context.Context, log *slog.Logger, mail bool) error {
	if !d.sends {
		log.Info("notices: this process enqueues them; the scheduler sends them (REDIS_URL is set)")
		return nil
	}
	if err := d.svc.Start(ctx); err != nil {
		return fmt.Errorf("delivery: %w", err)
	}
	log.Info("notices: this process sends them (embedded setup, no REDIS_URL)", "email", mail)
	return nil
}

// stop lets the deliveries in flight finish, at most stopDelivery.
func (d *delivery) stop(ctx context.Context, log *slog.Logger) {
	if !d.sends {
		return
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), stopDelivery)
	defer cancel()
	if err := d.svc.Stop(sctx); err != nil {
		log.Warn("delivery stop", "err", err)
	}
}
