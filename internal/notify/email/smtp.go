package email

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/smtp"
	"time"
)

// deliver runs one SMTP dialogue: dial, TLS, login, MAIL, RCPT, DATA,
// QUIT, all within ctx and the configured timeout.
func (c *Channel) deliver(ctx context.Context, rcpt string, msg io.WriterTo) error {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	conn, err := c.dial(ctx)
	if err != nil {
		return c.failure(ctx, "cannot connect to", err)
	}
	defer conn.Close()
	stop := watch(ctx, conn)
	defer stop()
	cl, err := smtp.NewClient(conn, c.cfg.Host)
	if err != nil {
		return c.failure(ctx, "no greeting from", err)
	}
	defer cl.Close()
	if err := c.session(cl); err != nil {
		return c.failure(ctx, "", err)
	}
	return c.failure(ctx, "", transfer(cl, c.cfg.From.Address, rcpt, msg))
}

// dial connects to the server, in TLS from the start for ImplicitTLS.
func (c *Channel) dial(ctx context.Context) (net.Conn, error) {
	if c.cfg.Security == ImplicitTLS {
		d := tls.Dialer{Config: c.tlsConfig()}
		return d.DialContext(ctx, "tcp", c.cfg.Addr())
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", c.cfg.Addr())
}

// watch ends the connection's pending and future I/O as soon as ctx ends
// (its deadline or a cancel). The returned func stops watching.
func watch(ctx context.Context, conn net.Conn) func() bool {
	return context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
}

// tlsConfig verifies the server's name against the system's roots, or
// cfg.RootCAs, or not at all with cfg.Insecure.
func (c *Channel) tlsConfig() *tls.Config {
	return &tls.Config{
		ServerName:         c.cfg.Host,
		RootCAs:            c.cfg.RootCAs,
		InsecureSkipVerify: c.cfg.Insecure, //nolint:gosec // ?insecure=1, documented for local tests
		MinVersion:         tls.VersionTLS12,
	}
}

// session upgrades with STARTTLS where it applies and logs in.
func (c *Channel) session(cl *smtp.Client) error {
	if err := c.startTLS(cl); err != nil {
		return err
	}
	if c.cfg.User == "" {
		return nil
	}
	if ok, _ := cl.Extension("AUTH"); !ok {
		return errors.New("the server does not offer AUTH, but SMTP_URL has a user")
	}
	if err := cl.Auth(smtp.PlainAuth("", c.cfg.User, c.cfg.Password, c.cfg.Host)); err != nil {
		return &stageError{stage: "refused the login of " + c.cfg.User + " (check the user and password in SMTP_URL)", err: err}
	}
	return nil
}

// startTLS upgrades an smtp:// connection when the server offers STARTTLS;
// without it, a configured password is not sent in clear.
func (c *Channel) startTLS(cl *smtp.Client) error {
	if c.cfg.Security == ImplicitTLS {
		return nil
	}
	if ok, _ := cl.Extension("STARTTLS"); !ok {
		if c.cfg.User != "" {
			return errors.New("the server does not offer STARTTLS, and the password is never sent in clear; use smtps:// or a server with STARTTLS")
		}
		return nil
	}
	if err := cl.StartTLS(c.tlsConfig()); err != nil {
		return &stageError{stage: "STARTTLS failed with", err: err}
	}
	return nil
}

// transfer sends one message: MAIL, RCPT, DATA and QUIT.
func transfer(cl *smtp.Client, from, rcpt string, msg io.WriterTo) error {
	if err := cl.Mail(from); err != nil {
		return &stageError{stage: "refused the sender " + from + " (check SMTP_FROM)", err: err}
	}
	if err := cl.Rcpt(rcpt); err != nil {
		return &stageError{stage: "refused the recipient " + rcpt, err: err, final: true}
	}
	if err := data(cl, msg); err != nil {
		return err
	}
	_ = cl.Quit() // the message is accepted; a lost QUIT reply changes nothing
	return nil
}

// data sends the message body; the server's reply to its end is final.
func data(cl *smtp.Client, msg io.WriterTo) error {
	w, err := cl.Data()
	if err != nil {
		return &stageError{stage: "refused the message", err: err, final: true}
	}
	if _, err := msg.WriteTo(w); err != nil {
		_ = w.Close()
		return fmt.Errorf("writing the message: %w", err)
	}
	if err := w.Close(); err != nil {
		return &stageError{stage: "refused the message", err: err, final: true}
	}
	return nil
}
