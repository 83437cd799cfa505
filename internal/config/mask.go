package config

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/schooldiary/diary/internal/redact"
)

// Secret is a setting that must never be printed or logged: String, GoString,
// LogValue and MarshalText show "***" (or "" when it is unset).
type Secret string

// Value returns the secret itself, for the one place that uses it.
func (s Secret) Value() string { return string(s) }

// String implements fmt.Stringer with the secret masked.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redact.Mask
}

// GoString implements fmt.GoStringer with the secret masked.
func (s Secret) GoString() string { return fmt.Sprintf("%q", s.String()) }

// LogValue implements slog.LogValuer with the secret masked.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText implements encoding.TextMarshaler with the secret masked.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// LogValue implements slog.LogValuer: the shared settings, secrets masked.
func (c Common) LogValue() slog.Value {
	return slog.GroupValue(c.attrs()...)
}

func (c Common) attrs() []slog.Attr {
	return []slog.Attr{
		slog.String("DATABASE_URL", redact.URL(c.DatabaseURL)),
		slog.String("REDIS_URL", redact.URL(c.RedisURL)),
		slog.String("LOG_FORMAT", c.Format()),
		slog.String("LOG_LEVEL", c.LogLevel),
	}
}

// LogValue implements slog.LogValuer: the bot's settings, secrets masked.
func (c Bot) LogValue() slog.Value {
	return slog.GroupValue(append(append(c.Common.attrs(),
		slog.String("HTTP_ADDR", c.HTTPAddr),
		slog.Int64("API_MAX_BODY", int64(c.APIMaxBody)),
		slog.String("TELEGRAM_BOT_TOKEN", c.TelegramToken.String()),
		slog.String("TELEGRAM_API_URL", redact.URL(c.TelegramAPIURL)),
		slog.String("WEBHOOK_URL", redact.URL(c.WebhookURL)),
		slog.String("WEBHOOK_SECRET", c.WebhookSecret.String()),
		slog.String("TELEGRAM_BOT_USERNAME", c.TelegramBotUsername),
		slog.String("CONSENT_VERSION", c.ConsentVersion),
		slog.String("CONSENT_FILE", c.ConsentFile),
		slog.String("PHONE_LINK_SCHOOLS", strings.Join(c.PhoneLinkSchools, ",")),
	), c.Mail.attrs()...)...)
}

// LogValue implements slog.LogValuer: the scheduler's settings, secrets masked.
func (c Scheduler) LogValue() slog.Value {
	return slog.GroupValue(append(append(c.Common.attrs(),
		slog.String("SCHEDULER_HTTP_ADDR", c.HTTPAddr),
		slog.String("TELEGRAM_BOT_TOKEN", c.TelegramToken.String()),
		slog.String("TELEGRAM_API_URL", redact.URL(c.TelegramAPIURL))), c.Mail.attrs()...)...)
}

// String lists the shared settings as KEY=value lines, secrets masked.
func (c Common) String() string { return lines(c.LogValue()) }

// String lists the bot's settings as KEY=value lines, secrets masked.
func (c Bot) String() string { return lines(c.LogValue()) }

// String lists the scheduler's settings as KEY=value lines, secrets masked.
func (c Scheduler) String() string { return lines(c.LogValue()) }

// GoString keeps %#v from printing the secrets.
func (c Common) GoString() string { return c.String() }

// GoString keeps %#v from printing the secrets.
func (c Bot) GoString() string { return c.String() }

// GoString keeps %#v from printing the secrets.
func (c Scheduler) GoString() string { return c.String() }

func lines(v slog.Value) string {
	var b strings.Builder
	for _, a := range v.Group() {
		fmt.Fprintf(&b, "%s=%s\n", a.Key, a.Value.String())
	}
	return b.String()
}
