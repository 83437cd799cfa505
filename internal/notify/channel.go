// Package notify delivers notices: rows of the store that say what to tell
// whom and why, delivered by River jobs through channels (Telegram, email;
// a third messenger later) at each channel's limits, held for quiet hours
// and falling back to email when a messenger refuses the recipient.
//
// The channel interface below is the one seam between the delivery jobs
// and the services that carry a message: a job knows nothing of Telegram
// or SMTP, only of Address, Message and the three kinds of refusal.
package notify

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Channel carries a message to one recipient on one service.
type Channel interface {
	// Name is the channel's short stable name: "telegram", "email".
	Name() string
	// Send delivers m to the address, pacing itself by the service's
	// limits. Errors: ErrBlocked when the recipient refused the sender (a
	// 403 "blocked by the user"), a *RetryAfterError when the service asks
	// to wait, ErrUndeliverable (wrapped with the reason) when the message or
	// the address can never go as it is; any other error is transient (5xx,
	// time-out, connection refused) and may be retried.
	Send(ctx context.Context, to Address, m Message) error
}

// Address is where a channel reaches a recipient: a chat id for a
// messenger, a mailbox for email.
type Address struct {
	// To is the channel's own address: a chat id in decimal, an email address.
	To string
	// Name is the recipient's display name, for an email's To header.
	Name string
	// Language is the recipient's language ("ru", "en").
	Language string
}

// Message is what a notice says, in forms every channel can use.
type Message struct {
	// Subject is the email subject; messengers ignore it.
	Subject string
	// HTML is the text in Telegram's HTML subset (b, i, a, code, pre),
	// names and user text already escaped.
	HTML string
	// Text is the same text as plain text, for email's alternative part and
	// channels without markup.
	Text string
	// Buttons are rows of buttons under the message; channels without
	// buttons drop them (email shows links only).
	Buttons [][]Button
	// Files are attachments (PDF, XLSX): a document each on a messenger.
	Files []File
}

// Button is one button under a message: a callback (Data) or a link (URL).
type Button struct {
	Text string
	Data string
	URL  string
}

// File is one attachment.
type File struct {
	Name string
	MIME string
	Data []byte
}

// ErrBlocked says the recipient blocked the sender on this channel: the
// address is dead until they come back (a later /start revives a chat).
var ErrBlocked = errors.New("notify: the recipient blocked the sender")

// ErrUndeliverable says the message or the address can never be delivered
// as it is (no such chat, an invalid mailbox, a message the service
// rejects); retrying is useless.
var ErrUndeliverable = errors.New("notify: undeliverable")

// RetryAfterError says the service asked to wait before the next send
// (Telegram's 429 with retry_after).
type RetryAfterError struct {
	After time.Duration
	Err   error
}

// Error describes the wait.
func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("notify: retry after %v: %v", e.After, e.Err)
}

// Unwrap returns the service's error.
func (e *RetryAfterError) Unwrap() error { return e.Err }
