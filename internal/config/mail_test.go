package config

import (
	"strings"
	"testing"
)

func TestMailSettings(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // a part of the error; "" for none
	}{
		{"none", nil, ""},
		{"both", map[string]string{"SMTP_URL": "smtp://relay.local:25", "SMTP_FROM": "noreply@school.example"}, ""},
		{"bad scheme", map[string]string{"SMTP_URL": "http://relay.local", "SMTP_FROM": "noreply@school.example"}, "SMTP_URL"},
		{"no host", map[string]string{"SMTP_URL": "smtp://", "SMTP_FROM": "noreply@school.example"}, "SMTP_URL"},
		{"url without from", map[string]string{"SMTP_URL": "smtp://relay.local:25"}, "SMTP_FROM"},
		{"from without url", map[string]string{"SMTP_FROM": "noreply@school.example"}, "SMTP_URL"},
		{"bad from", map[string]string{"SMTP_URL": "smtp://relay.local:25", "SMTP_FROM": "not an address"}, "SMTP_FROM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMailErr(t, "bot", loadBotErr(tt.env), tt.want)
			env := map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0", "TELEGRAM_BOT_TOKEN": "1:t"}
			for k, v := range tt.env {
				env[k] = v
			}
			_, err := LoadScheduler(envOf(env))
			checkMailErr(t, "scheduler", err, tt.want)
		})
	}
}

// loadBotErr is LoadBot's error.
func loadBotErr(env map[string]string) error {
	_, err := LoadBot(envOf(env))
	return err
}

// checkMailErr checks err against want: nil for "", else an Invalid error
// (exit 78) containing want.
func checkMailErr(t *testing.T, who string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: error = %v, want none", who, err)
	case want == "":
	case err == nil:
		t.Errorf("%s: no error, want one containing %q", who, want)
	case !strings.Contains(err.Error(), want):
		t.Errorf("%s: error = %q, want it to contain %q", who, err, want)
	case ExitCode(err) != 78:
		t.Errorf("%s: exit code %d, want 78", who, ExitCode(err))
	}
}

func TestMailEmail(t *testing.T) {
	c, err := LoadBot(envOf(map[string]string{"SMTP_URL": "smtp://u:p@relay.local:2525", "SMTP_FROM": "Школа <n@school.example>"}))
	if err != nil {
		t.Fatalf("LoadBot: %v", err)
	}
	cfg, ok, err := c.Email()
	if err != nil || !ok {
		t.Fatalf("Email() = _, %v, %v; want ok", ok, err)
	}
	if got, want := cfg.Addr(), "relay.local:2525"; got != want {
		t.Errorf("Addr = %q, want %q", got, want)
	}
	if got, want := cfg.From.Name, "Школа"; got != want {
		t.Errorf("From.Name = %q, want %q", got, want)
	}
	if !strings.Contains(c.String(), "SMTP_URL=smtp://u:***@relay.local:2525") {
		t.Errorf("String() = %q, want SMTP_URL with the password masked", c.String())
	}
	if _, ok, _ := (Mail{}).Email(); ok {
		t.Error("Email() of no settings is ok, want not set up")
	}
}
