package telegram

import (
	"net/http"
	"time"

	tgbot "github.com/go-telegram/bot"
)

// pollTimeout is go-telegram/bot's own: its long poll and its client's
// time-out.
const pollTimeout = time.Minute

// idleConnsPerHost keeps enough connections to the Bot API open for a
// broadcast at Telegram's rate: with Go's default of 2, most sends would
// open a new connection and leave in bunches that break the window.
const idleConnsPerHost = 64

// WithPooledClient is the go-telegram/bot option of every client that sends
// notices (the bot's and the scheduler's): its default HTTP client with
// idleConnsPerHost connections kept open to the Bot API.
func WithPooledClient() tgbot.Option {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = idleConnsPerHost * 2
	t.MaxIdleConnsPerHost = idleConnsPerHost
	return tgbot.WithHTTPClient(pollTimeout, &http.Client{Timeout: pollTimeout, Transport: t})
}
