package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/redact"
)

// Start attaches client (retrying getMe and setMyCommands with the backoff
// while they fail) and then long-polls the Bot API at apiURL, the server the
// client was made for, until ctx ends; a getUpdates that fails is tried again
// with the backoff, from the first update not yet fetched. The client must
// have been created with Options. Ready turns nil at the first getUpdates
// answered and back to an error while polling fails. Updates received before
// ctx ended are still handled: Shutdown waits for them.
func (b *B) Start(ctx context.Context, client *tgbot.Bot, apiURL string) {
	if b.attach(ctx, client) != nil {
		return // ctx ended
	}
	b.poll(ctx, newPoller(apiURL, client.Token()))
}

// attach is Attach with each call retried while it fails; it returns ctx's
// error when ctx ends first.
func (b *B) attach(ctx context.Context, client *tgbot.Bot) error {
	b.client.Store(client)
	if err := b.retry(ctx, "getMe", b.learnUsername); err != nil {
		return err
	}
	return b.retry(ctx, "setMyCommands", b.setDefaultCommands)
}

// StartWebhook attaches client and registers the webhook p describes,
// retrying both with the backoff while they fail; then Ready turns nil. It
// returns nil once registered, ctx's error when ctx ends first.
func (b *B) StartWebhook(ctx context.Context, client *tgbot.Bot, p *tgbot.SetWebhookParams) error {
	if err := b.attach(ctx, client); err != nil {
		return err
	}
	err := b.retry(ctx, "setWebhook", func(ctx context.Context) error {
		if _, err := client.SetWebhook(ctx, p); err != nil {
			return fmt.Errorf("bot: set webhook: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if b.ready.set("") {
		b.log.Info("telegram webhook registered: taking updates")
	}
	return nil
}

// retry calls f until it succeeds or ctx ends, pausing after each failure.
// It returns ctx's error when ctx ends first.
func (b *B) retry(ctx context.Context, call string, f func(context.Context) error) error {
	for failures := 1; ; failures++ {
		err := f(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := b.pause(ctx, call, failures, err); err != nil {
			return err
		}
	}
}

// pause marks the bot not ready, logs the failed call with the time of the
// next try, and waits the backoff (or a 429's retry_after).
func (b *B) pause(ctx context.Context, call string, failures int, err error) error {
	d := b.d.Backoff.delayAfter(failures, err)
	next := b.now().Add(d)
	b.ready.set(fmt.Sprintf("telegram: %s failed %d times in a row, next try at %s UTC",
		call, failures, next.UTC().Format(time.TimeOnly)))
	level, msg := slog.LevelWarn, "telegram call failed"
	if errors.Is(err, tgbot.ErrorUnauthorized) {
		level, msg = slog.LevelError, "telegram rejects the token: check TELEGRAM_BOT_TOKEN"
	}
	b.log.Log(ctx, level, msg, "call", call, "failures", failures,
		"retry_in", d.Round(time.Millisecond).String(), "next_try", next, "err", b.redact(err))
	return b.d.Backoff.Wait(ctx, d)
}

// redact masks the bot token in err.
func (b *B) redact(err error) error {
	if c := b.client.Load(); c != nil {
		return redact.Secret(err, c.Token())
	}
	return err
}
