package config

import (
	"log/slog"

	"github.com/schooldiary/diary/internal/notify/email"
	"github.com/schooldiary/diary/internal/redact"
)

// Mail holds the email settings of the processes that send notices: the
// bot (embedded setup, and the email confirmation codes) and the scheduler.
type Mail struct {
	// SMTPURL is the SMTP server: smtp://user:password@host:587 (STARTTLS)
	// or smtps://…:465; empty means no email. Its password is a secret.
	SMTPURL string `env:"SMTP_URL"`
	// SMTPFrom is the sender, with an optional display name.
	SMTPFrom string `env:"SMTP_FROM"`
}

// Enabled reports whether email is set up (SMTP_URL or SMTP_FROM given).
func (m Mail) Enabled() bool { return m.SMTPURL != "" || m.SMTPFrom != "" }

// Email returns the email channel's configuration; ok is false when email
// is not set up. Validate has checked it, so err is nil after a Load.
func (m Mail) Email() (cfg email.Config, ok bool, err error) {
	if !m.Enabled() {
		return email.Config{}, false, nil
	}
	cfg, err = email.ParseConfig(m.SMTPURL, m.SMTPFrom)
	return cfg, err == nil, err
}

// Validate checks SMTP_URL and SMTP_FROM together: both or neither.
func (m Mail) Validate() error {
	_, _, err := m.Email()
	return err
}

// attrs are the email settings for the log, the password masked.
func (m Mail) attrs() []slog.Attr {
	return []slog.Attr{
		slog.String("SMTP_URL", redact.URL(m.SMTPURL)),
		slog.String("SMTP_FROM", m.SMTPFrom),
	}
}
