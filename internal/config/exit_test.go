package config

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
)

func TestExitCode(t *testing.T) {
	bad := Invalid(errors.New("LOG_FORMAT must be text or json"))
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"help", fmt.Errorf("parse: %w", flag.ErrHelp), 0},
		{"settings", bad, ExitConfig},
		{"settings, wrapped", fmt.Errorf("bot: %w", bad), ExitConfig},
		{"other", errors.New("store does not answer"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExitCode(tt.err); got != tt.want {
				t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	if Invalid(nil) != nil {
		t.Error("Invalid(nil) is not nil")
	}
}

func TestLoadErrorsAreInvalid(t *testing.T) {
	env := map[string]string{"LOG_FORMAT": "xml"}
	getenv := func(k string) string { return env[k] }
	_, errBot := LoadBot(getenv)
	_, errSched := LoadScheduler(getenv)
	_, errCtl := LoadCtl(getenv)
	for i, err := range []error{errBot, errSched, errCtl} {
		if ExitCode(err) != ExitConfig {
			t.Errorf("load %d: ExitCode(%v) = %d, want %d", i, err, ExitCode(err), ExitConfig)
		}
	}
}

func TestWaitOnInvalid(t *testing.T) {
	bad := Invalid(errors.New("no token"))
	ended, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		err     error
		setting string
		ctx     context.Context
		told    bool
	}{
		{"waits until ctx ends", bad, "wait", ended, true},
		{"not asked", bad, "", context.Background(), false},
		{"other value", bad, "exit", context.Background(), false},
		{"not a settings error", errors.New("store down"), "wait", context.Background(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			WaitOnInvalid(tt.ctx, tt.err, func(k string) string {
				if k == OnConfigError {
					return tt.setting
				}
				return ""
			}, &out)
			told := strings.HasPrefix(out.String(), "Ошибка в настройках") && strings.Contains(out.String(), "Configuration error")
			if told != tt.told {
				t.Errorf("told %v, want %v: %q", told, tt.told, out.String())
			}
		})
	}
}
