package catcher

import (
	"errors"
	"fmt"
	"io"

	"github.com/emersion/go-smtp"
)

// session is one SMTP connection's transaction.
type session struct {
	c     *Catcher
	from  string
	rcpts []string
}

// errRejected is the reply to a refused recipient.
var errRejected = &smtp.SMTPError{
	Code:         550,
	EnhancedCode: smtp.EnhancedCode{5, 1, 1},
	Message:      "No such mailbox here",
}

// Mail starts a message from the envelope sender.
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}

// Rcpt adds a recipient, unless Options.Reject refuses it.
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := s.c.reject(to); err != nil {
		return err
	}
	s.rcpts = append(s.rcpts, to)
	return nil
}

// reject is Options.Reject's answer about rcpt as an SMTP reply.
func (c *Catcher) reject(rcpt string) error {
	if c.opts.Reject == nil {
		return nil
	}
	err := c.opts.Reject(rcpt)
	var se *smtp.SMTPError
	if err == nil || errors.As(err, &se) {
		return err
	}
	return errRejected
}

// Data parses the message and files it under every recipient.
func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("catcher: read: %w", err)
	}
	m, err := Parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: err.Error()}
	}
	m.Envelope = Envelope{From: s.from, To: append([]string(nil), s.rcpts...)}
	m.Received = s.c.opts.Now()
	s.c.keep(m, s.rcpts)
	return nil
}

// Reset forgets the transaction.
func (s *session) Reset() {
	s.from, s.rcpts = "", nil
}

// Logout ends the session.
func (s *session) Logout() error { return nil }
