// Package bot is the Telegram conversation layer of the diary: it takes
// updates (long polling or a webhook), keeps each chat's updates in order and
// handles each once across replicas, links families and staff by one-time
// codes or a verified phone, asks for consent before any data, and routes
// every diary view through one authorisation (links, consent and the access
// policy of clause 2.12.3) that also records the visit.
//
// Wiring, in main:
//
//	b, err := bot.New(bot.Deps{Store: db, Cluster: set, Views: bot.DiaryViews(db), Consent: ct})
//	client, err := tgbot.New(token, append([]tgbot.Option{tgbot.WithServerURL(apiURL)}, b.Options()...)...)
//	go b.Start(ctx, client, apiURL)   // long polling until ctx ends
//	// or webhook mode: mux.Handle("/telegram", b.Webhook(secret));
//	// b.StartWebhook(ctx, client, &tgbot.SetWebhookParams{URL: url, SecretToken: secret})
//	api := httpapi.New(httpapi.Config{Ready: b.Ready, ...}) // 503 while no updates come in
//	defer b.Shutdown(shutdownCtx)     // finishes the updates in flight
//
// Outages: the calls at start (getMe, setMyCommands, setWebhook) and long
// polling are tried again after a failure, waiting Deps.Backoff (1 s doubling
// to 60 s, jittered; a 429's retry_after in full), for as long as ctx lasts.
// Every failure is logged with the time of the next try, the token masked;
// Ready says why no updates come in.
//
// Order and once-only: an update is handled once per update_id across every
// replica sharing the cluster (Dedup, a day). Within one process a chat's
// updates run one at a time in the order they arrived (a serial queue per
// chat). Across replicas a chat's updates never run at the same time (a
// cluster lock per chat around each update), and they run in Telegram's order
// as long as Telegram hands a chat's updates to one replica after another:
// long polling (one consumer) or a webhook with max_connections 1. With more
// webhook connections two updates of one chat racing to two replicas are
// handled one after the other but in the order their locks were taken.
package bot

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
)

// DefaultHandlerTimeout bounds the handling of one update.
const DefaultHandlerTimeout = 30 * time.Second

// ConsentText is the school's consent to personal data processing as the bot
// shows it, with its version (recorded with every acceptance).
type ConsentText struct {
	Version string
	RU, EN  string
}

// text returns the consent text in lang, Russian when the other is empty.
func (c ConsentText) text(lang i18n.Lang) string {
	if lang == i18n.EN && c.EN != "" {
		return c.EN
	}
	return c.RU
}

// Deps is what the bot needs. Store, Cluster and Consent are required.
type Deps struct {
	Store   Store
	Cluster *cluster.Set
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Log receives operational events; nothing about children at info level.
	Log *slog.Logger
	// Consent is the school's consent text; Version and RU must be set.
	Consent ConsentText
	// PhoneLinkSchools are the codes of the schools whose guardians may link
	// by sharing their Telegram contact; "*" means every school.
	PhoneLinkSchools []string
	// Views renders the diary views (DiaryViews for internal/views);
	// without it the menu answers that the views are unavailable.
	Views Views
	// HandlerTimeout bounds one update; DefaultHandlerTimeout when 0.
	HandlerTimeout time.Duration
	// BotLimit, ChatLimit and GroupLimit pace the bot's sends (shared
	// through the cluster limiter with the notification sender, which must
	// use the same); Telegram's limits (cluster.TelegramBot, TelegramChat,
	// TelegramGroup) when zero.
	BotLimit, ChatLimit, GroupLimit cluster.Limit
	// Random is the source of link codes and button ids; crypto/rand when nil.
	Random io.Reader
	// BotUsername is used in the deep links of letters; getMe's when empty.
	BotUsername string
	// Mail sends the code that confirms a family's email address for the
	// notices (the email channel of internal/notify); without it the
	// settings say email is not set up at this school.
	Mail notify.Channel
	// Announce sends the staff's announcements (NewAnnouncer of the store
	// and of notify.Service); without it the staff home offers none.
	Announce Announcer
	// Backoff paces the tries of failing calls to Telegram at start and of
	// long polling; its zero fields take the defaults (1 s doubling to 60 s).
	Backoff Backoff
}

// B is the bot. Create it with New; it is safe for concurrent use.
type B struct {
	d        Deps
	log      *slog.Logger
	client   atomic.Pointer[tgbot.Bot]
	username atomic.Pointer[string]

	life context.Context // handlers' parent: outlives Start's ctx until Shutdown
	stop context.CancelFunc

	ready *readiness

	mu       sync.Mutex
	queues   map[int64]*chatQueue
	closing  bool
	inflight sync.WaitGroup
}

// New checks deps and returns a bot not yet connected to Telegram.
func New(d Deps) (*B, error) {
	if d.Store == nil || d.Cluster == nil {
		return nil, errors.New("bot: store and cluster are required")
	}
	if d.Consent.Version == "" || d.Consent.RU == "" {
		return nil, errors.New("bot: the consent text and its version are required")
	}
	d = withDefaults(d)
	b := &B{d: d, log: d.Log, queues: map[int64]*chatQueue{}, ready: newReadiness()}
	b.life, b.stop = context.WithCancel(context.Background())
	if d.BotUsername != "" {
		b.username.Store(&d.BotUsername)
	}
	return b, nil
}

// withDefaults fills the optional fields of d.
func withDefaults(d Deps) Deps {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.HandlerTimeout <= 0 {
		d.HandlerTimeout = DefaultHandlerTimeout
	}
	if d.BotLimit == (cluster.Limit{}) {
		d.BotLimit = cluster.TelegramBot
	}
	if d.ChatLimit == (cluster.Limit{}) {
		d.ChatLimit = cluster.TelegramChat
	}
	if d.GroupLimit == (cluster.Limit{}) {
		d.GroupLimit = cluster.TelegramGroup
	}
	if d.Random == nil {
		d.Random = rand.Reader
	}
	d.Backoff = d.Backoff.withDefaults()
	return d
}

// Options are the go-telegram/bot options the client must be created with:
// every update comes to this bot, synchronously in the order received (the
// bot queues it per chat at once), and the client's errors go to the log.
func (b *B) Options() []tgbot.Option {
	return []tgbot.Option{
		tgbot.WithDefaultHandler(b.onUpdate),
		tgbot.WithNotAsyncHandlers(),
		tgbot.WithErrorsHandler(func(err error) { b.log.Warn("telegram client", "err", b.redact(err)) }),
	}
}

// Attach makes client the bot's connection to Telegram: it learns the bot's
// username and sets the default command menu, trying each once; Start and
// StartWebhook do the same, retrying while a call fails.
func (b *B) Attach(ctx context.Context, client *tgbot.Bot) error {
	b.client.Store(client)
	if err := b.learnUsername(ctx); err != nil {
		return err
	}
	return b.setDefaultCommands(ctx)
}

// learnUsername asks getMe for the bot's username unless it is known.
func (b *B) learnUsername(ctx context.Context) error {
	if b.username.Load() != nil {
		return nil
	}
	me, err := b.client.Load().GetMe(ctx)
	if err != nil {
		return fmt.Errorf("bot: get me: %w", err)
	}
	b.username.Store(&me.Username)
	return nil
}

// Shutdown stops taking updates (the webhook answers 503 so Telegram
// retries) and waits for those in flight until ctx ends; then it cancels
// what is still running. It returns ctx's error when it had to cancel.
func (b *B) Shutdown(ctx context.Context) error {
	b.ready.close()
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(done)
	}()
	defer b.stop()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("bot: shutdown: %w", ctx.Err())
	}
}

// now returns the bot's clock.
func (b *B) now() time.Time { return b.d.Now() }

// botUsername returns the bot's username, "" before Attach.
func (b *B) botUsername() string {
	if p := b.username.Load(); p != nil {
		return *p
	}
	return ""
}
