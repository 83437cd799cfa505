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
	cluster *cluster.Set
	webhook bool
	onClose []func() // run after the bot stopped, before HTTP shuts down
}

// close runs the closers registered with onClose.
func (t *telegram) close() {
	for _, f := range t.onClose {
		f()
	}
}

// newTelegram builds the bot on the shared state REDIS_URL names (memory
// when empty) and a go-telegram client of the Bot API at apiURL.
func newTelegram(ctx context.Context, cfg config.Bot, db telegramStore, apiURL, token string, log *slog.Logger) (*telegram, error) {
	consent, err := consentText(cfg)
	if err != nil {
		return nil, err
	}
	cl, err := cluster.Open(ctx, cfg.RedisURL, time.Now, "diary:")
	if err != nil {
		return nil, fmt.Errorf("shared state: %w", err)
	}
	b, err := bot.New(bot.Deps{
		Store: db, Cluster: cl, Log: log, Consent: consent, Views: bot.DiaryViews(db),
		PhoneLinkSchools: cfg.PhoneLinkSchools, BotUsername: cfg.TelegramBotUsername,
	})
	if err != nil {
		cl.Close()
		return nil, err
	}
	opts := append([]tgbot.Option{tgbot.WithServerURL(apiURL), tgbot.WithSkipGetMe()}, b.Options()...)
	client, err := tgbot.New(token, opts...)
	if err != nil {
		cl.Close()
		return nil, fmt.Errorf("telegram client: %w", err)
	}
	return &telegram{bot: b, client: client, cluster: cl, webhook: cfg.WebhookURL != ""}, nil
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
// the webhook, or long-polls. Then it finishes the updates in flight.
func (t *telegram) run(ctx context.Context, cfg config.Bot, log *slog.Logger) error {
	defer t.cluster.Close()
	if err := t.start(ctx, cfg, log); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while connecting
		}
		return err
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := t.bot.Shutdown(sctx); err != nil {
		log.Warn("bot shutdown", "err", err)
	}
	return nil
}

// start attaches the bot and begins receiving updates.
func (t *telegram) start(ctx context.Context, cfg config.Bot, log *slog.Logger) error {
	if !t.webhook {
		go func() {
			if err := t.bot.Start(ctx, t.client); err != nil {
				log.Error("telegram long polling stopped", "err", err)
			}
		}()
		return nil
	}
	if err := t.bot.Attach(ctx, t.client); err != nil {
		return err
	}
	_, err := t.client.SetWebhook(ctx, &tgbot.SetWebhookParams{URL: cfg.WebhookURL, SecretToken: cfg.WebhookSecret.Value()})
	if err != nil {
		return fmt.Errorf("set webhook: %w", err)
	}
	return nil
}
