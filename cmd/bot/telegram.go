package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/bot"
	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/notify"
	tgnotify "github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/views"
)

// errNoToken is the sentence a user reads when the bot has nothing to talk to.
var errNoToken = errors.New("задайте TELEGRAM_BOT_TOKEN (токен от @BotFather) или запустите песочницу: go run ./cmd/bot -sandbox / " +
	"set TELEGRAM_BOT_TOKEN (the token from @BotFather) or run the sandbox: go run ./cmd/bot -sandbox")

// telegramStore is what the bot and its diary views use of the store.
type telegramStore interface {
	bot.Store
	views.Store
}

// telegram is the running bot and what it holds.
type telegram struct {
	bot     *bot.B
	client  *tgbot.Bot
	apiURL  string // the Bot API server client talks to
	cluster *cluster.Set
	webhook bool
	// delivery is the notice service sharing client and cluster's limiter.
	delivery *delivery
	onClose  []func() // run after the bot stopped, before HTTP shuts down
}

// close runs the closers registered with onClose, in order, then closes
// the shared state (the senders stopped first still use its limiter).
func (t *telegram) close() {
	for _, f := range t.onClose {
		f()
	}
	t.cluster.Close()
}

// telegramAPI is the Bot API server the bot talks to, its token, and the
// backoff of the calls that fail.
type telegramAPI struct {
	url, token string
	backoff    bot.Backoff
}

// newTelegram builds the bot on the shared state REDIS_URL names (memory
// when empty) and a go-telegram client of the Bot API api names.
func newTelegram(ctx context.Context, cfg config.Bot, db telegramStore, mail notify.Channel, ann bot.Announcer, api telegramAPI, log *slog.Logger) (*telegram, error) {
	consent, err := consentText(cfg)
	if err != nil {
		return nil, config.Invalid(err)
	}
	cl, err := cluster.Open(ctx, cfg.RedisURL, time.Now, "diary:")
	if err != nil {
		return nil, fmt.Errorf("shared state: %w", err)
	}
	b, err := bot.New(bot.Deps{
		Store: db, Cluster: cl, Log: log, Consent: consent, Views: bot.DiaryViews(db),
		PhoneLinkSchools: cfg.PhoneLinkSchools, BotUsername: cfg.TelegramBotUsername, Backoff: api.backoff,
		BotLimit: cluster.TelegramRate(int(cfg.TelegramRate)), Mail: mail, Announce: ann,
	})
	if err != nil {
		cl.Close()
		return nil, err
	}
	opts := append([]tgbot.Option{tgbot.WithServerURL(api.url), tgbot.WithSkipGetMe(), tgnotify.WithPooledClient()}, b.Options()...)
	client, err := tgbot.New(api.token, opts...)
	if err != nil {
		cl.Close()
		return nil, fmt.Errorf("telegram client: %w", err)
	}
	return &telegram{bot: b, client: client, apiURL: api.url, cluster: cl, webhook: cfg.WebhookURL != ""}, nil
}

// mountWebhook routes WEBHOOK_URL's path to the bot on mux.
func (t *telegram) mountWebhook(mux *http.ServeMux, cfg config.Bot) error {
	u, err := url.Parse(cfg.WebhookURL)
	if err != nil {
		return fmt.Errorf("WEBHOOK_URL: %w", err)
	}
	mux.Handle("POST "+u.Path, t.bot.Webhook(cfg.WebhookSecret.Value()))
	return nil
}

// run connects the bot and receives updates until ctx is done: it registers
// the webhook, or long-polls, retrying while Telegram fails (the bot's Ready
// says so meanwhile). Then it finishes the updates in flight.
func (t *telegram) run(ctx context.Context, cfg config.Bot, log *slog.Logger) error {
	polled := t.receive(ctx, cfg)
	<-ctx.Done()
	<-polled
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := t.bot.Shutdown(sctx); err != nil {
		log.Warn("bot shutdown", "err", err)
	}
	return nil
}

// receive begins receiving updates: long polling in the background until
// ctx ends, or the webhook registered. The channel is closed when polling
// has stopped (at once for a webhook).
func (t *telegram) receive(ctx context.Context, cfg config.Bot) <-chan struct{} {
	done := make(chan struct{})
	if !t.webhook {
		go func() {
			defer close(done)
			t.bot.Start(ctx, t.client, t.apiURL)
		}()
		return done
	}
	defer close(done)
	p := &tgbot.SetWebhookParams{URL: cfg.WebhookURL, SecretToken: cfg.WebhookSecret.Value()}
	_ = t.bot.StartWebhook(ctx, t.client, p) // its only error is ctx's end
	return done
}
