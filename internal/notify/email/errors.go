package email

import (
	"context"
	"errors"
	"fmt"
	"net/textproto"

	"github.com/schooldiary/diary/internal/notify"
)

// stageError is a server's refusal at one stage of the dialogue. A final
// stage (RCPT, DATA) refused with a 5xx reply makes the message
// undeliverable; every other refusal is the server's or the settings'
// fault and may pass after a retry.
type stageError struct {
	stage string
	err   error
	final bool
}

// Error says what the server refused and quotes its reply.
func (e *stageError) Error() string { return e.stage + ": " + e.err.Error() }

// Unwrap returns the server's reply (a *textproto.Error).
func (e *stageError) Unwrap() error { return e.err }

// permanent says whether the server refused the message for good.
func (e *stageError) permanent() bool {
	var tp *textproto.Error
	return e.final && errors.As(e.err, &tp) && tp.Code >= 500 && tp.Code < 600
}

// failure turns an error of the dialogue with the server into the
// channel's: nil stays nil, a permanent refusal wraps ErrUndeliverable,
// the end of ctx is said as such; everything else is transient.
func (c *Channel) failure(ctx context.Context, doing string, err error) error {
	if err == nil {
		return nil
	}
	server := "the SMTP server " + c.cfg.Addr()
	var se *stageError
	switch {
	case errors.As(err, &se) && se.permanent():
		return fmt.Errorf("email: %w: %s %w", notify.ErrUndeliverable, server, err)
	case errors.Is(ctx.Err(), context.DeadlineExceeded): // watch ends the I/O only once ctx has ended
		return fmt.Errorf("email: %s did not finish in time (%w): %w", server, ctx.Err(), err)
	case ctx.Err() != nil:
		return fmt.Errorf("email: the send to %s was cancelled (%w): %w", server, ctx.Err(), err)
	case doing != "":
		return fmt.Errorf("email: %s %s: %w", doing, server, err)
	}
	return fmt.Errorf("email: %s: %w", server, err)
}
