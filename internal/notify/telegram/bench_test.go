package telegram_test

import (
	"slices"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/cluster/clustertest"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// BenchmarkBroadcast sends one message to each of 1,000 chats at
// TELEGRAM_RATE 25 through the emulator with Telegram's limits on: one
// process on the memory limiter, and three senders sharing Redis. It reports
// the rate achieved over the configured one (target ≥ 0.97), the most
// messages in one sliding second by the emulator's clock and as they left
// the senders (at most 25), the shortest span of 26
// messages (over 1000 ms) and the refusals (0). A run
// takes about 41 s: use -benchtime=1x.
func BenchmarkBroadcast(b *testing.B) {
	const rate, n = 25, 1000
	b.Run("memory/1-sender", func(b *testing.B) {
		benchBroadcast(b, rate, n, func(s *telegramtest.Server, left *clustertest.Instants) []*telegram.Channel {
			p := telegram.NewPacer(cluster.NewMemory(nil).Limiter, telegram.DefaultLimits(rate))
			return []*telegram.Channel{telegram.NewChannel(newClient(b, s, tgbot.WithHTTPClient(time.Minute, leaving{left})), p)}
		})
	})
	b.Run("redis/3-senders", func(b *testing.B) {
		benchBroadcast(b, rate, n, func(s *telegramtest.Server, left *clustertest.Instants) []*telegram.Channel {
			return redisReplicas(b, s, 3, rate, left)
		})
	})
}

// tightest returns the shortest time from the first to the last of k
// consecutive instants of sorted ts: over a second, the sliding rule holds
// with that much to spare.
func tightest(ts []time.Time, k int) time.Duration {
	least := time.Duration(1<<63 - 1)
	for i := 0; i+k-1 < len(ts); i++ {
		least = min(least, ts[i+k-1].Sub(ts[i]))
	}
	return least
}

// benchBroadcast runs one broadcast of n chats per iteration on the
// channels open returns, 16 workers each, and reports its figures.
func benchBroadcast(b *testing.B, rate, n int, open func(*telegramtest.Server, *clustertest.Instants) []*telegram.Channel) {
	for b.Loop() {
		b.StopTimer()
		s := newEmulator(b, telegramtest.Options{})
		chats := startedUsers(b, s, n)
		var left clustertest.Instants
		chans := open(s, &left)
		b.StartTimer()
		errs := broadcast(ctxFor(b, 10*time.Minute), chans, 16, chats)
		b.StopTimer()
		ts := sentAt(s, chats)
		slices.SortFunc(ts, func(x, y time.Time) int { return x.Compare(y) })
		if len(ts) > 1 {
			achieved := float64(len(ts)-1) / ts[len(ts)-1].Sub(ts[0]).Seconds()
			b.ReportMetric(achieved/float64(rate), "achieved/configured")
			b.ReportMetric(achieved, "msgs/s")
		}
		b.ReportMetric(float64(clustertest.MaxInWindow(ts, time.Second)), "max-in-1s")
		b.ReportMetric(float64(clustertest.MaxInWindow(left.Times(), time.Second)), "max-in-1s-leaving")
		b.ReportMetric(tightest(ts, rate+1).Seconds()*1000, "ms-tightest-26")
		b.ReportMetric(float64(len(errs)), "refused")
		b.ReportMetric(float64(n-len(ts)), "lost")
		b.StartTimer()
	}
}
