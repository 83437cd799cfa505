// Package catcher is an SMTP server inside the process for the sandbox:
// it listens on a loopback port, accepts every message (no login, no
// TLS) and keeps it in memory under each recipient, parsed (subject,
// sender, text, HTML, attachment names and sizes), so a page can show
// each persona's inbox. The SMTP protocol is github.com/emersion/go-smtp's.
package catcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// MaxPerRecipient is how many messages an inbox keeps; older ones go.
const MaxPerRecipient = 200

// maxMessageBytes is the largest message accepted.
const maxMessageBytes = 25 << 20

// Options adjust a catcher; the zero value accepts every recipient.
type Options struct {
	// Reject, when set, is asked about each recipient: nil accepts it, a
	// *smtp.SMTPError is the reply as it is (a 450 to test a transient
	// refusal), any other error a 550 "no such mailbox".
	Reject func(rcpt string) error
	// Now stamps the messages; time.Now when nil.
	Now func() time.Time
}

// Catcher is a running SMTP catcher. Its methods are safe for concurrent use.
type Catcher struct {
	srv  *smtp.Server
	ln   net.Listener
	opts Options
	done chan struct{}

	mu      sync.Mutex
	inbox   map[string][]Mail // by lower-case recipient
	arrived chan struct{}     // closed (and replaced) when a message is kept
}

// Start listens on addr (such as "127.0.0.1:0") and serves until Close.
func Start(addr string, opts Options) (*Catcher, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("catcher: listen: %w", err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &Catcher{ln: ln, opts: opts, done: make(chan struct{}), inbox: map[string][]Mail{}, arrived: make(chan struct{})}
	c.srv = newServer(c)
	go c.serve()
	return c, nil
}

// newServer configures go-smtp for the catcher.
func newServer(c *Catcher) *smtp.Server {
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{c: c}, nil
	}))
	s.Domain = "localhost"
	s.ReadTimeout = time.Minute
	s.WriteTimeout = time.Minute
	s.MaxMessageBytes = maxMessageBytes
	s.MaxRecipients = 100
	s.ErrorLog = log.New(io.Discard, "", 0)
	return s
}

// serve runs the server until Close.
func (c *Catcher) serve() {
	defer close(c.done)
	_ = c.srv.Serve(c.ln)
}

// Addr is the host:port the catcher listens on.
func (c *Catcher) Addr() string { return c.ln.Addr().String() }

// URL is the SMTP_URL that sends to the catcher.
func (c *Catcher) URL() string { return "smtp://" + c.Addr() }

// Close stops the server and waits for it. The listener is closed here as
// well, since Serve may not have registered it with the server yet.
func (c *Catcher) Close() error {
	err := c.srv.Close()
	_ = c.ln.Close()
	<-c.done
	if errors.Is(err, smtp.ErrServerClosed) {
		return nil
	}
	return err
}

// Inbox returns the messages to rcpt (case-insensitive), oldest first.
func (c *Catcher) Inbox(rcpt string) []Mail {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Mail(nil), c.inbox[strings.ToLower(rcpt)]...)
}

// Recipients returns the addresses that have messages.
func (c *Catcher) Recipients() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.inbox))
	for k := range c.inbox {
		out = append(out, k)
	}
	return out
}

// keep files m under each of its recipients.
func (c *Catcher) keep(m Mail, rcpts []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range rcpts {
		key := strings.ToLower(r)
		box := append(c.inbox[key], m)
		if len(box) > MaxPerRecipient {
			box = box[len(box)-MaxPerRecipient:]
		}
		c.inbox[key] = box
	}
	close(c.arrived)
	c.arrived = make(chan struct{})
}

// Wait waits until cond holds for the inbox of rcpt (oldest first) and
// returns it, or returns ctx's error with the inbox as it was.
func (c *Catcher) Wait(ctx context.Context, rcpt string, cond func([]Mail) bool) ([]Mail, error) {
	for {
		c.mu.Lock()
		box, arrived := append([]Mail(nil), c.inbox[strings.ToLower(rcpt)]...), c.arrived
		c.mu.Unlock()
		if cond(box) {
			return box, nil
		}
		select {
		case <-arrived:
		case <-ctx.Done():
			return box, fmt.Errorf("catcher: wait for %s: %w", rcpt, ctx.Err())
		}
	}
}
