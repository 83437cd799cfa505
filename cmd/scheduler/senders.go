package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email"
	"github.com/schooldiary/diary/internal/notify/metrics"
	"github.com/schooldiary/diary/internal/notify/telegram"
)

// stopSenders bounds the wait for the deliveries in flight at shutdown.
const stopSenders = 10 * time.Second

// senders are the running notice service and the shared state it paces by.
type senders struct {
	svc     *notify.Service
	cluster *cluster.Set
	metrics *metrics.Collector // the sends' counts and the store's queue
}

// startSenders starts delivering the notices of db through Telegram (paced
// on the limiter the bot shares through REDIS_URL) and email when set up.
func startSenders(ctx context.Context, cfg config.Scheduler, db any, log *slog.Logger) (*senders, error) {
	ns, ok := db.(notify.Store)
	ms, okm := db.(metrics.Store)
	if !ok || !okm {
		return nil, fmt.Errorf("senders: the store %T keeps no notices", db)
	}
	cl, err := cluster.Open(ctx, cfg.RedisURL, time.Now, "diary:")
	if err != nil {
		return nil, fmt.Errorf("shared state: %w", err)
	}
	s := &senders{cluster: cl, metrics: metrics.New(ms, metrics.Options{Logger: log})}
	if err := s.start(ctx, cfg, ns, log); err != nil {
		cl.Close()
		return nil, err
	}
	return s, nil
}

// start builds the channels and the notice service and starts it.
func (s *senders) start(ctx context.Context, cfg config.Scheduler, db notify.Store, log *slog.Logger) error {
	chans, err := channels(cfg, s.cluster, log)
	if err != nil {
		return err
	}
	if s.svc, err = notify.New(db, notify.Config{Channels: chans, Logger: log, Observer: s.metrics}); err != nil {
		return err
	}
	if err := s.svc.Start(ctx); err != nil {
		return fmt.Errorf("senders: %w", err)
	}
	log.Info("notices: this process sends them", "channels", len(chans))
	return nil
}

// channels are Telegram (the Bot API TELEGRAM_API_URL names, as the bot,
// paced by the shared limiter at TELEGRAM_RATE) and email when set up.
func channels(cfg config.Scheduler, cl *cluster.Set, log *slog.Logger) (map[string]notify.Channel, error) {
	client, err := tgbot.New(cfg.TelegramToken.Value(), tgbot.WithServerURL(cfg.TelegramAPIURL), tgbot.WithSkipGetMe(),
		telegram.WithPooledClient())
	if err != nil {
		return nil, fmt.Errorf("telegram client: %w", err)
	}
	pacer := telegram.NewPacer(cl.Limiter, telegram.DefaultLimits(int(cfg.TelegramRate)), telegram.WithLog(log))
	chans := map[string]notify.Channel{notify.Telegram: telegram.NewChannel(client, pacer)}
	mail, ok, err := cfg.Email()
	if err != nil {
		return nil, config.Invalid(err)
	}
	if ok {
		chans[notify.Email] = email.New(mail)
	}
	return chans, nil
}

// stop lets the deliveries in flight finish (at most stopSenders), then
// closes the shared state.
func (s *senders) stop(ctx context.Context, log *slog.Logger) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), stopSenders)
	defer cancel()
	if err := s.svc.Stop(sctx); err != nil {
		log.Warn("senders stop", "err", err)
	}
	s.cluster.Close()
}
