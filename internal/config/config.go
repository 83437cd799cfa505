// Package config reads each binary's settings from environment variables,
// checks them at start and prints them with every secret masked.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"

	"github.com/caarlos0/env/v11"

	"github.com/schooldiary/diary/internal/redact"
)

// DefaultMaxBody is the default limit of an API request body: 8 MiB.
const DefaultMaxBody = 8 << 20

// Common holds the settings every binary shares.
type Common struct {
	// DatabaseURL selects the store: postgres://… or postgresql://… for
	// PostgreSQL, sqlite:PATH or empty (./data/diary.db) for embedded SQLite.
	DatabaseURL string `env:"DATABASE_URL"`
	// RedisURL is the shared state of the scaled setup: redis://… or rediss://….
	RedisURL string `env:"REDIS_URL"`
	// LogFormat is text or json; empty means json with PostgreSQL, text otherwise.
	LogFormat string `env:"LOG_FORMAT"`
	// LogLevel is debug, info, warn or error.
	LogLevel string `env:"LOG_LEVEL" envDefault:"info"`
	// TelegramRate is the overall pace of sends to Telegram, messages in any
	// second, shared by the bot's replies and the notices of every process
	// (cluster.DefaultTelegramRate by default, at most 30).
	TelegramRate TelegramRate `env:"TELEGRAM_RATE" envDefault:"25"`
}

// Bot holds the settings of cmd/bot.
type Bot struct {
	Common
	Mail
	// HTTPAddr is the listener of the API, health and metrics.
	HTTPAddr string `env:"HTTP_ADDR" envDefault:"127.0.0.1:8080"`
	// APIMaxBody is the largest API request body.
	APIMaxBody ByteSize `env:"API_MAX_BODY" envDefault:"8MiB"`
	Telegram
	// WebhookURL, when set, switches the bot from long polling to a webhook.
	WebhookURL string `env:"WEBHOOK_URL"`
	// WebhookSecret is checked in X-Telegram-Bot-Api-Secret-Token.
	WebhookSecret Secret `env:"WEBHOOK_SECRET"`
	// TelegramBotUsername is the bot's @username for deep links; getMe's when empty.
	TelegramBotUsername string `env:"TELEGRAM_BOT_USERNAME"`
	// ConsentVersion names the consent text in force; a new version asks everyone again.
	ConsentVersion string `env:"CONSENT_VERSION" envDefault:"2026-1"`
	// ConsentFile is a UTF-8 file with the school's consent text; the built-in text when empty.
	ConsentFile string `env:"CONSENT_FILE"`
	// PhoneLinkSchools are the school codes whose guardians may link by
	// sharing their Telegram contact; "*" is every school, empty is none.
	PhoneLinkSchools []string `env:"PHONE_LINK_SCHOOLS" envSeparator:","`
}

// Telegram is how a process that sends reaches the Bot API.
type Telegram struct {
	// TelegramToken is the bot's token from @BotFather.
	TelegramToken Secret `env:"TELEGRAM_BOT_TOKEN"`
	// TelegramAPIURL is the Bot API server (the emulator in tests and sandbox).
	TelegramAPIURL string `env:"TELEGRAM_API_URL" envDefault:"https://api.telegram.org"`
}

// Scheduler holds the settings of cmd/scheduler.
type Scheduler struct {
	Common
	Mail
	Telegram
	// HTTPAddr is the listener of health and metrics.
	HTTPAddr string `env:"SCHEDULER_HTTP_ADDR" envDefault:"127.0.0.1:8081"`
}

// Ctl holds the settings of cmd/diaryctl.
type Ctl struct {
	Common
	// ConsentVersion is the bot's setting of the same name: the consent
	// `diaryctl demo --chats` records must be the one the bot asks for.
	ConsentVersion string `env:"CONSENT_VERSION" envDefault:"2026-1"`
}

// LoadBot reads and checks the bot's settings from getenv; its errors are
// Invalid, as are those of the other Load functions.
func LoadBot(getenv func(string) string) (Bot, error) {
	var c Bot
	if err := parse(&c, getenv); err != nil {
		return c, Invalid(err)
	}
	return c, Invalid(c.Validate())
}

// LoadScheduler reads and checks the scheduler's settings from getenv.
func LoadScheduler(getenv func(string) string) (Scheduler, error) {
	var c Scheduler
	if err := parse(&c, getenv); err != nil {
		return c, Invalid(err)
	}
	return c, Invalid(c.Validate())
}

// LoadCtl reads and checks diaryctl's settings from getenv.
func LoadCtl(getenv func(string) string) (Ctl, error) {
	var c Ctl
	if err := parse(&c, getenv); err != nil {
		return c, Invalid(err)
	}
	return c, Invalid(c.Validate())
}

// parse fills v from the variables its env tags name; an empty variable
// counts as unset, so its default applies.
func parse(v any, getenv func(string) string) error {
	params, err := env.GetFieldParams(v)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	vars := make(map[string]string, len(params))
	for _, p := range params {
		if s := getenv(p.Key); s != "" {
			vars[p.Key] = s
		}
	}
	if err := env.ParseWithOptions(v, env.Options{Environment: vars}); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

// Validate checks the shared settings and says what is wrong in full sentences.
func (c Common) Validate() error {
	return errors.Join(
		checkDatabaseURL(c.DatabaseURL),
		checkRedisURL(c.RedisURL),
		checkOneOf("LOG_FORMAT", c.LogFormat, "", "text", "json"),
		checkOneOf("LOG_LEVEL", strings.ToLower(c.LogLevel), "debug", "info", "warn", "error"),
	)
}

// Validate checks the bot's settings.
func (c Bot) Validate() error {
	return errors.Join(
		c.Common.Validate(),
		c.Mail.Validate(),
		checkAddr("HTTP_ADDR", c.HTTPAddr),
		checkMaxBody(c.APIMaxBody),
		checkHTTPURL("TELEGRAM_API_URL", c.TelegramAPIURL, false),
		checkWebhook(c.WebhookURL, c.WebhookSecret),
	)
}

// Validate checks the scheduler's settings.
func (c Scheduler) Validate() error {
	return errors.Join(c.Common.Validate(), c.Mail.Validate(), checkAddr("SCHEDULER_HTTP_ADDR", c.HTTPAddr),
		checkSchedulerRedis(c.RedisURL), checkHTTPURL("TELEGRAM_API_URL", c.TelegramAPIURL, false),
		checkSchedulerToken(c.TelegramToken))
}

// errSchedulerAlone: a separate scheduler shares its store with the bot, and
// both send to Telegram; only Redis lets them share one rate limiter.
var errSchedulerAlone = errors.New("REDIS_URL is empty: a separate scheduler sends to Telegram beside the bot and " +
	"must share the bot's rate limiter through Redis. Set REDIS_URL to the bot's Redis, or run the bot alone: " +
	"without Redis it runs the duties and the senders itself / REDIS_URL не задан: отдельный планировщик " +
	"отправляет сообщения в Telegram вместе с ботом и должен делить с ним ограничитель частоты через Redis. " +
	"Укажите REDIS_URL того же Redis, что у бота, или запускайте только бота: без Redis он сам выполняет задания и рассылки")

// checkSchedulerRedis refuses a scheduler without Redis.
func checkSchedulerRedis(redisURL string) error {
	if redisURL == "" {
		return errSchedulerAlone
	}
	return nil
}

// errSchedulerNoToken: the scheduler sends the notices to Telegram.
var errSchedulerNoToken = errors.New("TELEGRAM_BOT_TOKEN is empty: the scheduler sends the notices as the bot and " +
	"needs the bot's token / TELEGRAM_BOT_TOKEN не задан: планировщик отправляет уведомления от имени бота, " +
	"ему нужен токен бота")

// checkSchedulerToken refuses a scheduler without the bot's token.
func checkSchedulerToken(token Secret) error {
	if token == "" {
		return errSchedulerNoToken
	}
	return nil
}

// IsPostgres reports whether DATABASE_URL selects PostgreSQL.
func (c Common) IsPostgres() bool {
	return strings.HasPrefix(c.DatabaseURL, "postgres://") ||
		strings.HasPrefix(c.DatabaseURL, "postgresql://")
}

// Format returns the effective log format: LOG_FORMAT, or json with
// PostgreSQL (the scaled setup) and text otherwise.
func (c Common) Format() string {
	switch {
	case c.LogFormat != "":
		return c.LogFormat
	case c.IsPostgres():
		return "json"
	default:
		return "text"
	}
}

// Level returns LOG_LEVEL as a slog level.
func (c Common) Level() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return slog.LevelInfo
	}
	return l
}

func checkDatabaseURL(s string) error {
	switch {
	case s == "", strings.HasPrefix(s, "sqlite:"):
		return nil
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		if _, err := url.Parse(s); err != nil {
			return fmt.Errorf("DATABASE_URL is not a valid URL (%s)", redact.URL(s))
		}
		return nil
	}
	return fmt.Errorf("DATABASE_URL must start with postgres://, postgresql:// or sqlite:, or be empty for ./data/diary.db; got %q", redact.URL(s))
}

func checkRedisURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "" {
		return fmt.Errorf("REDIS_URL must look like redis://host:6379/0 or rediss://…; got %q", redact.URL(s))
	}
	return nil
}

func checkOneOf(name, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	shown := strings.Join(allowed, ", ")
	if allowed[0] == "" {
		shown = "empty, " + strings.Join(allowed[1:], ", ")
	}
	return fmt.Errorf("%s must be one of %s; got %q", name, shown, v)
}

func checkAddr(name, addr string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("%s must be host:port such as 127.0.0.1:8080; got %q", name, addr)
	}
	return nil
}

func checkMaxBody(n ByteSize) error {
	if n < 1024 || n > 1<<30 {
		return fmt.Errorf("API_MAX_BODY must be from 1KiB to 1GiB; got %d", n)
	}
	return nil
}

func checkHTTPURL(name, s string, httpsOnly bool) error {
	u, err := url.Parse(s)
	ok := err == nil && u.Host != "" && (u.Scheme == "https" || (!httpsOnly && u.Scheme == "http"))
	if ok {
		return nil
	}
	if httpsOnly {
		return fmt.Errorf("%s must be an https:// URL; got %q", name, redact.URL(s))
	}
	return fmt.Errorf("%s must be an http:// or https:// URL; got %q", name, redact.URL(s))
}

// checkWebhook follows Telegram's rules: an https URL, and a secret of 1–256
// characters A-Z, a-z, 0-9, _ and -. A webhook without a secret is refused
// because anyone could post updates to it.
func checkWebhook(u string, secret Secret) error {
	if u == "" {
		if secret != "" {
			return errors.New("WEBHOOK_SECRET is set but WEBHOOK_URL is not; set both or neither")
		}
		return nil
	}
	if err := checkHTTPURL("WEBHOOK_URL", u, true); err != nil {
		return err
	}
	if secret == "" {
		return errors.New("WEBHOOK_SECRET must be set when WEBHOOK_URL is set")
	}
	if !validWebhookSecret(string(secret)) {
		return errors.New("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
	}
	return nil
}

func validWebhookSecret(s string) bool {
	if len(s) == 0 || len(s) > 256 {
		return false
	}
	for _, r := range s {
		ok := r == '_' || r == '-' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !ok {
			return false
		}
	}
	return true
}
