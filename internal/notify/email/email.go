// Package email is the email channel of notify: it sends a notice as a
// multipart email (plain text and HTML alternatives, PDF and XLSX
// attachments, Russian subject, names and file names encoded) through an
// SMTP server given by SMTP_URL, as SMTP_FROM.
//
// The message is composed with gopkg.in/gomail.v2; the SMTP dialogue runs
// on net/smtp over a connection this package dials, because gomail's
// Dialer takes no context and sets no deadline: here a send ends by its
// context's deadline or Config.Timeout, whichever comes first.
package email

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/schooldiary/diary/internal/notify"
)

// Channel sends notices by email. It is safe for concurrent use: each
// Send has its own connection.
type Channel struct {
	cfg Config
}

var _ notify.Channel = (*Channel)(nil)

// New returns the email channel of cfg (see ParseConfig).
func New(cfg Config) *Channel {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &Channel{cfg: cfg}
}

// Name is "email".
func (c *Channel) Name() string { return "email" }

// Send emails m to to.To. Errors: ErrUndeliverable (wrapped with the
// reason) when to.To is not an email address or the server refuses the
// recipient or the message for good (a 5xx reply to RCPT or DATA); any
// other error (connection refused, time-out, a 4xx reply, a refused login
// or sender, which are the server's or the settings' fault) is transient.
func (c *Channel) Send(ctx context.Context, to notify.Address, m notify.Message) error {
	rcpt, err := checkAddress(to.To)
	if err != nil {
		return err
	}
	to.To = rcpt
	msg := c.compose(to, m)
	return c.deliver(ctx, rcpt, msg)
}

// checkAddress returns the bare mailbox of s, or ErrUndeliverable with a
// sentence when s is not one.
func checkAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("email: %w: the recipient has no email address", notify.ErrUndeliverable)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || strings.ContainsAny(s, "\r\n<>") {
		return "", fmt.Errorf("email: %w: %q is not an email address", notify.ErrUndeliverable, s)
	}
	return a.Address, nil
}
