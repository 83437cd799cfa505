package config

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/cluster"
)

// envOf returns a getenv over m.
func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadBotDefaults(t *testing.T) {
	c, err := LoadBot(envOf(nil))
	if err != nil {
		t.Fatalf("LoadBot: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"HTTPAddr", c.HTTPAddr, "127.0.0.1:8080"},
		{"APIMaxBody", c.APIMaxBody, ByteSize(DefaultMaxBody)},
		{"LogLevel", c.LogLevel, "info"},
		{"Format", c.Format(), "text"},
		{"TelegramAPIURL", c.TelegramAPIURL, "https://api.telegram.org"},
		{"DatabaseURL", c.DatabaseURL, ""},
		{"TelegramRate", c.TelegramRate, TelegramRate(cluster.DefaultTelegramRate)},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
}

func TestLoadSchedulerAddr(t *testing.T) {
	c, err := LoadScheduler(envOf(map[string]string{"SCHEDULER_HTTP_ADDR": "0.0.0.0:9000", "HTTP_ADDR": "x", "TELEGRAM_BOT_TOKEN": "1:t",
		"REDIS_URL": "redis://127.0.0.1:6379/0"}))
	if err != nil {
		t.Fatalf("LoadScheduler: %v", err)
	}
	if got, want := c.HTTPAddr, "0.0.0.0:9000"; got != want {
		t.Errorf("HTTPAddr = %q, want %q", got, want)
	}
	d, err := LoadScheduler(envOf(map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0", "TELEGRAM_BOT_TOKEN": "1:t"}))
	if err != nil {
		t.Fatalf("LoadScheduler: %v", err)
	}
	if got, want := d.HTTPAddr, "127.0.0.1:8081"; got != want {
		t.Errorf("default HTTPAddr = %q, want %q", got, want)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name, dsn, format, want string
	}{
		{"sqlite default", "", "", "text"},
		{"sqlite path", "sqlite:/tmp/x.db", "", "text"},
		{"postgres means json", "postgres://u@h/db", "", "json"},
		{"postgresql means json", "postgresql://u@h/db", "", "json"},
		{"explicit text wins", "postgres://u@h/db", "text", "text"},
		{"explicit json", "", "json", "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCtl(envOf(map[string]string{"DATABASE_URL": tt.dsn, "LOG_FORMAT": tt.format}))
			if err != nil {
				t.Fatalf("LoadCtl: %v", err)
			}
			if got := c.Format(); got != tt.want {
				t.Errorf("Format() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // a part of the error
	}{
		{"mysql url", map[string]string{"DATABASE_URL": "mysql://root:pw@h/db"}, "DATABASE_URL must start with postgres://"},
		{"bad redis", map[string]string{"REDIS_URL": "http://h:6379"}, "REDIS_URL must look like"},
		{"bad log format", map[string]string{"LOG_FORMAT": "xml"}, `LOG_FORMAT must be one of empty, text, json; got "xml"`},
		{"bad log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL must be one of debug"},
		{"bad addr", map[string]string{"HTTP_ADDR": "8080"}, "HTTP_ADDR must be host:port"},
		{"tiny body", map[string]string{"API_MAX_BODY": "10"}, "API_MAX_BODY must be from 1KiB to 1GiB"},
		{"body not a number", map[string]string{"API_MAX_BODY": "lots"}, "API_MAX_BODY"},
		{"bad api url", map[string]string{"TELEGRAM_API_URL": "ftp://x"}, "TELEGRAM_API_URL must be an http:// or https:// URL"},
		{"webhook without secret", map[string]string{"WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET must be set"},
		{"webhook over http", map[string]string{"WEBHOOK_URL": "http://bot.example.org/hook", "WEBHOOK_SECRET": "abc"}, "WEBHOOK_URL must be an https:// URL"},
		{"secret with bad chars", map[string]string{"WEBHOOK_URL": "https://b.example.org/", "WEBHOOK_SECRET": "a b"}, "WEBHOOK_SECRET must be 1 to 256"},
		{"rate over Telegram's", map[string]string{"TELEGRAM_RATE": "31"}, `TELEGRAM_RATE must be a whole number of messages a second from 1 to 30; got "31"`},
		{"rate zero", map[string]string{"TELEGRAM_RATE": "0"}, "TELEGRAM_RATE must be a whole number"},
		{"rate not a number", map[string]string{"TELEGRAM_RATE": "fast"}, `TELEGRAM_RATE must be a whole number of messages a second from 1 to 30; got "fast"`},
		{"rate a fraction", map[string]string{"TELEGRAM_RATE": "25.5"}, "TELEGRAM_RATE must be a whole number"},
		{"secret without url", map[string]string{"WEBHOOK_SECRET": "abc"}, "WEBHOOK_SECRET is set but WEBHOOK_URL is not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBot(envOf(tt.env))
			if err == nil {
				t.Fatalf("LoadBot(%v) = nil error, want %q", tt.env, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestTelegramRate(t *testing.T) {
	for _, in := range []string{"1", "29", " 30 "} {
		c, err := LoadScheduler(envOf(map[string]string{"TELEGRAM_RATE": in, "REDIS_URL": "redis://127.0.0.1:6379/0", "TELEGRAM_BOT_TOKEN": "1:t"}))
		if err != nil {
			t.Fatalf("TELEGRAM_RATE=%q: %v", in, err)
		}
		if got := fmt.Sprint(int(c.TelegramRate)); got != strings.TrimSpace(in) {
			t.Errorf("TELEGRAM_RATE=%q read as %s", in, got)
		}
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	_, err := LoadBot(envOf(map[string]string{"LOG_FORMAT": "xml", "HTTP_ADDR": "nope"}))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"LOG_FORMAT", "HTTP_ADDR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want ByteSize
	}{
		{"8388608", 8 << 20}, {"8MiB", 8 << 20}, {"8mb", 8 << 20}, {"512KiB", 512 << 10},
		{"1 GiB", 1 << 30}, {"2048B", 2048}, {"4k", 4096},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := LoadBot(envOf(map[string]string{"API_MAX_BODY": tt.in}))
			if err != nil {
				t.Fatalf("LoadBot: %v", err)
			}
			if c.APIMaxBody != tt.want {
				t.Errorf("APIMaxBody = %d, want %d", c.APIMaxBody, tt.want)
			}
		})
	}
}

func TestValidWebhook(t *testing.T) {
	c, err := LoadBot(envOf(map[string]string{
		"WEBHOOK_URL": "https://bot.example.org/hook", "WEBHOOK_SECRET": "s3cr3t_-X",
	}))
	if err != nil {
		t.Fatalf("LoadBot: %v", err)
	}
	if got, want := c.WebhookSecret.Value(), "s3cr3t_-X"; got != want {
		t.Errorf("secret = %q, want %q", got, want)
	}
}

// secretEnv holds settings with every kind of secret.
var secretEnv = map[string]string{
	"DATABASE_URL":       "postgres://diary:dbpass1@db/diary",
	"REDIS_URL":          "redis://:redispass2@redis:6379/0",
	"TELEGRAM_BOT_TOKEN": "123456:tokenvalue3",
	"WEBHOOK_URL":        "https://bot.example.org/hook",
	"WEBHOOK_SECRET":     "hooksecret4",
	"SMTP_URL":           "smtps://school%40example.org:mailpass5@smtp.example.org",
	"SMTP_FROM":          "Школа <noreply@example.org>",
}

var secretValues = []string{"dbpass1", "redispass2", "tokenvalue3", "hooksecret4", "mailpass5"}

func TestSecretsMasked(t *testing.T) {
	c, err := LoadBot(envOf(secretEnv))
	if err != nil {
		t.Fatalf("LoadBot: %v", err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "config", c)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "config", c)
	shown := map[string]string{
		"String": c.String(),
		"%v":     fmt.Sprintf("%v", c),
		"%+v":    fmt.Sprintf("%+v", c),
		"%#v":    fmt.Sprintf("%#v", c),
		"token":  fmt.Sprint(c.TelegramToken),
		"slog":   logged.String(),
	}
	for how, s := range shown {
		for _, secret := range secretValues {
			if strings.Contains(s, secret) {
				t.Errorf("%s shows secret %q: %s", how, secret, s)
			}
		}
	}
	if !strings.Contains(shown["String"], "TELEGRAM_BOT_TOKEN=***") {
		t.Errorf("String() = %q, want the token shown as ***", shown["String"])
	}
	if got, want := c.TelegramToken.Value(), "123456:tokenvalue3"; got != want {
		t.Errorf("Value() = %q, want %q", got, want)
	}
}

func TestNewLogger(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		debug bool
		json  bool
	}{
		{"text info", nil, false, false},
		{"json debug", map[string]string{"LOG_FORMAT": "json", "LOG_LEVEL": "debug"}, true, true},
		{"postgres json", map[string]string{"DATABASE_URL": "postgres://h/db"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCtl(envOf(tt.env))
			if err != nil {
				t.Fatalf("LoadCtl: %v", err)
			}
			var b bytes.Buffer
			log := c.NewLogger(&b)
			log.Debug("d")
			log.Info("i")
			out := b.String()
			if got := strings.Contains(out, "msg=d") || strings.Contains(out, `"msg":"d"`); got != tt.debug {
				t.Errorf("debug shown = %v, want %v: %s", got, tt.debug, out)
			}
			if got := strings.HasPrefix(out, "{"); got != tt.json {
				t.Errorf("json = %v, want %v: %s", got, tt.json, out)
			}
		})
	}
}

// A scheduler without Redis refuses to start, saying why, whatever store it
// opens: it would send beside the bot with a limiter of its own.
func TestSchedulerNeedsRedis(t *testing.T) {
	for _, dsn := range []string{"", "sqlite:./data/diary.db", "postgres://u@db/diary"} {
		_, err := LoadScheduler(envOf(map[string]string{"DATABASE_URL": dsn}))
		if !errors.Is(err, errSchedulerAlone) || !strings.Contains(err.Error(), "REDIS_URL") {
			t.Errorf("DATABASE_URL=%q: err = %v, want the Redis refusal", dsn, err)
		}
		if ExitCode(err) != ExitConfig {
			t.Errorf("DATABASE_URL=%q: exit code %d, want %d", dsn, ExitCode(err), ExitConfig)
		}
	}
}

// A scheduler without the bot's token refuses to start: it sends the
// notices; its settings show the token masked.
func TestSchedulerNeedsToken(t *testing.T) {
	env := map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0"}
	_, err := LoadScheduler(envOf(env))
	if !errors.Is(err, errSchedulerNoToken) || ExitCode(err) != ExitConfig {
		t.Errorf("err = %v (exit %d), want the token refusal, exit %d", err, ExitCode(err), ExitConfig)
	}
	env["TELEGRAM_BOT_TOKEN"] = "123456:tokenvalue3"
	c, err := LoadScheduler(envOf(env))
	if err != nil {
		t.Fatalf("LoadScheduler: %v", err)
	}
	if s := c.String(); strings.Contains(s, "tokenvalue3") || !strings.Contains(s, "TELEGRAM_BOT_TOKEN=***") {
		t.Errorf("String() = %q, want the token shown as ***", s)
	}
}
