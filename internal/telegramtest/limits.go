package telegramtest

import "time"

// Rate allows N events per Per, in bursts of up to Burst (N when zero).
// A Rate with N <= 0 does not limit.
type Rate struct {
	N     int
	Per   time.Duration
	Burst int
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
// bot, 1 a second per private chat (with a small burst, as Telegram tolerates),
// 20 a minute per group.
func DefaultLimits() Limits {
	return Limits{
		Bot:     Rate{N: 30, Per: time.Second},
		Private: Rate{N: 1, Per: time.Second, Burst: 3},
		Group:   Rate{N: 20, Per: time.Minute},
	}
}

// gcra is a generic cell rate algorithm: an event conforms when the
// theoretical arrival time (tat) is at most tolerance ahead of now.
type gcra struct {
	on        bool
	interval  time.Duration
	tolerance time.Duration
}

func newGCRA(r Rate) gcra {
	if r.N <= 0 || r.Per <= 0 {
		return gcra{}
	}
	burst := r.Burst
	if burst <= 0 {
		burst = r.N
	}
	interval := r.Per / time.Duration(r.N)
	return gcra{on: true, interval: interval, tolerance: time.Duration(burst-1) * interval}
}

// wait is how long from now until one more event conforms.
func (g gcra) wait(tat, now time.Time) time.Duration {
	if !g.on {
		return 0
	}
	if allowAt := maxTime(tat, now).Add(-g.tolerance); now.Before(allowAt) {
		return allowAt.Sub(now)
	}
	return 0
}

// take counts one event at now and returns the new tat.
func (g gcra) take(tat, now time.Time) time.Time {
	return maxTime(tat, now).Add(g.interval)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// limiter applies Limits to the bot's messages. Guarded by state.mu.
type limiter struct {
	bot, private, group gcra
	botTAT              time.Time
	chatTAT             map[int64]time.Time
}

func newLimiter(l Limits, off bool) *limiter {
	if off {
		return &limiter{chatTAT: map[int64]time.Time{}}
	}
	return &limiter{bot: newGCRA(l.Bot), private: newGCRA(l.Private), group: newGCRA(l.Group), chatTAT: map[int64]time.Time{}}
}

// allow counts a message to chatID at now, or, when a limit is exceeded,
// counts nothing and returns how long to wait.
func (l *limiter) allow(chatID int64, group bool, now time.Time) time.Duration {
	per := l.private
	if group {
		per = l.group
	}
	wait := max(l.bot.wait(l.botTAT, now), per.wait(l.chatTAT[chatID], now))
	if wait > 0 {
		return wait
	}
	if l.bot.on {
		l.botTAT = l.bot.take(l.botTAT, now)
	}
	if per.on {
		l.chatTAT[chatID] = per.take(l.chatTAT[chatID], now)
	}
	return 0
}

// retryAfter is wait in whole seconds, rounded up, at least 1, as Telegram reports it.
func retryAfter(wait time.Duration) int {
	return max(1, int((wait+time.Second-1)/time.Second))
}
