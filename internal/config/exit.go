package config

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// ExitConfig is the exit status of a binary whose settings are wrong: 78,
// EX_CONFIG of sysexits.h. Fixing a setting cures it; restarting does not.
const ExitConfig = 78

// invalid is an error of the settings.
type invalid struct{ err error }

// Error implements error.
func (e *invalid) Error() string { return e.err.Error() }

// Unwrap returns the error of the settings.
func (e *invalid) Unwrap() error { return e.err }

// Invalid marks err as an error of the settings (nil stays nil): ExitCode
// gives it ExitConfig. The Load functions mark theirs.
func Invalid(err error) error {
	if err == nil {
		return nil
	}
	return &invalid{err: err}
}

// IsInvalid reports whether err is an error of the settings.
func IsInvalid(err error) bool {
	var e *invalid
	return errors.As(err, &e)
}

// ExitCode is a binary's exit status for run's err: 0 for nil and
// flag.ErrHelp, ExitConfig for an error of the settings, 1 otherwise.
func ExitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case IsInvalid(err):
		return ExitConfig
	}
	return 1
}

// OnConfigError is the variable that makes a service wait on an error of
// its settings instead of exiting at once: ON_CONFIG_ERROR=wait. A container
// restarted "unless-stopped" then does not loop: it stays up, unhealthy,
// with the explanation in its log once.
const OnConfigError = "ON_CONFIG_ERROR"

// WaitOnInvalid blocks until ctx ends when err is an error of the settings
// and getenv's ON_CONFIG_ERROR is "wait", having told w so (Russian first);
// otherwise it returns at once.
func WaitOnInvalid(ctx context.Context, err error, getenv func(string) string, w io.Writer) {
	if !IsInvalid(err) || getenv(OnConfigError) != "wait" {
		return
	}
	fmt.Fprintf(w, "Ошибка в настройках: служба не запущена и ждёт, не перезапускаясь. "+
		"Исправьте переменную окружения и пересоздайте контейнер (docker compose up -d). "+
		"При остановке код выхода %d.\n"+
		"Configuration error: the service is not running and waits instead of restarting. "+
		"Fix the environment variable and recreate the container (docker compose up -d). "+
		"It exits with status %d when stopped.\n", ExitConfig, ExitConfig)
	<-ctx.Done()
}
