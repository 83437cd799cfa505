package telegramtest

import (
	"slices"
	"time"
)

// Rate allows at most N events in any sliding window of Per, as Telegram
// counts: not per-second buckets, and no burst beyond N. A Rate with N <= 0
// does not limit.
type Rate struct {
	N   int
	Per time.Duration
}

// Limits are the sending limits the emulator enforces with 429.
type Limits struct {
	// Bot bounds all messages the bot sends.
	Bot Rate
	// Private bounds the messages to one private chat.
	Private Rate
	// Group bounds the messages to one group chat.
	Group Rate
}

// DefaultLimits are Telegram's published limits: 30 messages a second per
// bot, 1 a second per private chat, 20 a minute per group, each in any
// sliding window.
func DefaultLimits() Limits {
	return Limits{
		Bot:     Rate{N: 30, Per: time.Second},
		Private: Rate{N: 1, Per: time.Second},
		Group:   Rate{N: 20, Per: time.Minute},
	}
}

// on reports whether r limits at all.
func (r Rate) on() bool { return r.N > 0 && r.Per > 0 }

// wait is how long from now until one more event fits in the window, given
// the log of the last events accepted (oldest first).
func (r Rate) wait(log []time.Time, now time.Time) time.Duration {
	if !r.on() || len(log) < r.N {
		return 0
	}
	return max(log[len(log)-r.N].Add(r.Per).Sub(now), 0)
}

// take logs one event at now and keeps the last N, all wait looks at.
func (r Rate) take(log []time.Time, now time.Time) []time.Time {
	if !r.on() {
		return log
	}
	log = append(log, now)
	if extra := len(log) - r.N; extra > 0 {
		log = slices.Delete(log, 0, extra)
	}
	return log
}

// limiter applies Limits to the bot's messages with a sliding-window log per
// bot and per chat. Guarded by state.mu.
type limiter struct {
	bot, private, group Rate
	botLog              []time.Time
	chatLog             map[int64][]time.Time
}

func newLimiter(l Limits, off bool) *limiter {
	if off {
		return &limiter{chatLog: map[int64][]time.Time{}}
	}
	return &limiter{bot: l.Bot, private: l.Private, group: l.Group, chatLog: map[int64][]time.Time{}}
}

// allow counts a message to chatID at now, or, when a limit is exceeded,
// counts nothing and returns how long to wait.
func (l *limiter) allow(chatID int64, group bool, now time.Time) time.Duration {
	per := l.private
	if group {
		per = l.group
	}
	wait := max(l.bot.wait(l.botLog, now), per.wait(l.chatLog[chatID], now))
	if wait > 0 {
		return wait
	}
	l.botLog = l.bot.take(l.botLog, now)
	if per.on() {
		l.chatLog[chatID] = per.take(l.chatLog[chatID], now)
	}
	return 0
}

// retryAfter is wait in whole seconds, rounded up, at least 1, as Telegram reports it.
func retryAfter(wait time.Duration) int {
	return max(1, int((wait+time.Second-1)/time.Second))
}
