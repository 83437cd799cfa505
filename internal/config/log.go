package config

import (
	"io"
	"log/slog"
)

// NewLogger returns the logger the settings ask for, writing to w: JSON or
// text at LOG_LEVEL.
func (c Common) NewLogger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.Level()}
	if c.Format() == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
