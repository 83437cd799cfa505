// Package telegram is the Telegram channel of notify and the one pacer every
// send to Telegram goes through, the bot's replies included: Telegram's
// limits (overall per bot, per private chat, per group) are taken from the
// shared cluster.Limiter (memory in the embedded setup, Redis across
// replicas), a 429 pauses every sender for retry_after, and the Bot API's
// refusals are told apart as notify's errors.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
)

// Keys of the shared send limits in the cluster.Limiter.
const (
	// BotKey is the overall limit of the bot; a 429 pauses it.
	BotKey = "send:bot"
	// chatKeyPrefix starts the key of one chat's limit.
	chatKeyPrefix = "send:chat:"
)

// ChatKey returns the limiter key of one chat.
func ChatKey(chatID int64) string { return chatKeyPrefix + strconv.FormatInt(chatID, 10) }

// Limits are the limits of the keys: every process sending for one bot must
// use the same.
type Limits struct {
	// Bot bounds everything the bot sends.
	Bot cluster.Limit
	// Chat bounds the messages to one private chat (a positive chat id).
	Chat cluster.Limit
	// Group bounds the messages to one group or channel (a negative id).
	Group cluster.Limit
}

// DefaultLimits returns Telegram's limits with rate messages a second
// overall (TELEGRAM_RATE): cluster.TelegramRate(rate), TelegramChat and
// TelegramGroup.
func DefaultLimits(rate int) Limits {
	return Limits{Bot: cluster.TelegramRate(rate), Chat: cluster.TelegramChat, Group: cluster.TelegramGroup}
}

// of returns the limit of chatID.
func (l Limits) of(chatID int64) cluster.Limit {
	if chatID < 0 {
		return l.Group
	}
	return l.Chat
}

// Pacer paces sends to Telegram by the shared limits and tells the Bot
// API's answers apart. It keeps no state of its own: every Pacer on the same
// Limiter and Limits shares the same pace.
type Pacer struct {
	limiter cluster.Limiter
	limits  Limits
	log     *slog.Logger
	sleep   func(ctx context.Context, d time.Duration) error
	backoff func(try int) time.Duration
}

// PacerOption tunes NewPacer.
type PacerOption func(*Pacer)

// WithLog sends the pacer's warnings (the limiter unreachable) to log.
func WithLog(log *slog.Logger) PacerOption { return func(p *Pacer) { p.log = log } }

// WithSleep makes the pacer let time pass with sleep: between the tries of
// an unreachable limiter, and while a chat's turn comes. sleep returns ctx's
// error when ctx ends first.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) PacerOption {
	return func(p *Pacer) { p.sleep = sleep }
}

// NewPacer returns a pacer on limiter with limits.
func NewPacer(limiter cluster.Limiter, limits Limits, opts ...PacerOption) *Pacer {
	p := &Pacer{limiter: limiter, limits: limits, log: slog.New(slog.DiscardHandler), sleep: cluster.Sleep, backoff: backoff}
	for _, o := range opts {
		o(p)
	}
	return p
}

// Send waits for the bot's and chatID's turn and calls send once. Errors:
// a *notify.RetryAfterError for a 429 (every sender is paused for its
// retry_after first), notify.ErrBlocked for a 403 and notify.ErrUndeliverable
// for a 400, each also wrapping the Bot API's error (tgbot.ErrorForbidden,
// tgbot.ErrorBadRequest); ctx's error when it ends while waiting; any other
// error of send wrapped, transient.
func (p *Pacer) Send(ctx context.Context, chatID int64, send func(ctx context.Context) error) error {
	if err := p.take(ctx, chatID); err != nil {
		return err
	}
	return p.classify(ctx, send(ctx))
}

// classify turns the Bot API's answer into notify's errors; a 429 pauses the
// bot on every replica.
func (p *Pacer) classify(ctx context.Context, err error) error {
	var tooMany *tgbot.TooManyRequestsError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooMany):
		return p.pause(ctx, tooMany)
	case errors.Is(err, tgbot.ErrorForbidden):
		return fmt.Errorf("%w: %w", notify.ErrBlocked, err)
	case errors.Is(err, tgbot.ErrorBadRequest):
		return fmt.Errorf("%w: %w", notify.ErrUndeliverable, err)
	}
	return fmt.Errorf("telegram: send: %w", err)
}

// pause pauses every sender for the 429's retry_after (at least a second)
// and returns the wait as a *notify.RetryAfterError.
func (p *Pacer) pause(ctx context.Context, tooMany *tgbot.TooManyRequestsError) error {
	d := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
	if err := p.limiter.Pause(ctx, BotKey, d); err != nil {
		p.log.Warn("telegram: pause after 429 not shared", "retry_after", d, "err", err)
	}
	return &notify.RetryAfterError{After: d, Err: tooMany}
}
