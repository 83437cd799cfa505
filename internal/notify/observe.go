package notify

import "errors"

// Outcome is what one send on a channel came to.
type Outcome string

// The outcomes of a send, as Channel.Send's errors classify them.
const (
	OutcomeSent          Outcome = "sent"          // the channel took the message
	OutcomeBlocked       Outcome = "blocked"       // ErrBlocked: the recipient refused the sender
	OutcomeRetryAfter    Outcome = "retry_after"   // *RetryAfterError: the service asked to wait (429)
	OutcomeUndeliverable Outcome = "undeliverable" // ErrUndeliverable: it can never go as it is
	OutcomeTransient     Outcome = "transient"     // any other error: retried later
)

// Outcomes are all the outcomes, in the order above.
var Outcomes = []Outcome{OutcomeSent, OutcomeBlocked, OutcomeRetryAfter, OutcomeUndeliverable, OutcomeTransient}

// OutcomeOf classifies a send's error.
func OutcomeOf(err error) Outcome {
	var after *RetryAfterError
	switch {
	case err == nil:
		return OutcomeSent
	case errors.Is(err, ErrBlocked):
		return OutcomeBlocked
	case errors.As(err, &after):
		return OutcomeRetryAfter
	case errors.Is(err, ErrUndeliverable):
		return OutcomeUndeliverable
	}
	return OutcomeTransient
}

// Observer hears what the deliveries of this process do, for metrics. Its
// methods are called from the workers concurrently and must return quickly.
type Observer interface {
	// Sent is called after each send on channel with its outcome.
	Sent(channel string, o Outcome)
	// Retried is called when a delivery job runs again after an attempt
	// that failed (a transient error, a time-out, a process killed in the
	// middle); a job snoozed for quiet hours or a 429 is not retried.
	Retried()
}

// nopObserver is the Observer of a Service given none.
type nopObserver struct{}

// Sent does nothing.
func (nopObserver) Sent(string, Outcome) {}

// Retried does nothing.
func (nopObserver) Retried() {}
