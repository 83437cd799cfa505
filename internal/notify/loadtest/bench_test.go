package loadtest_test

import (
	"cmp"
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/schooldiary/diary/internal/cluster/clustertest"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/testenv"
)

// benchRate is the TELEGRAM_RATE for the broadcast benchmark.
const benchRate = 29

// benchN is the broadcast's size: LOADTEST_N, 10,000 by default.
func benchN(b *testing.B) int {
	n, err := strconv.Atoi(cmp.Or(os.Getenv("LOADTEST_N"), "10000"))
	if err != nil || n < 2 {
		b.Fatalf("LOADTEST_N=%q: want a number of notices, at least 2", os.Getenv("LOADTEST_N"))
	}
	return n
}

// BenchmarkBroadcast delivers an urgent announcement to LOADTEST_N
// (10,000) guardians, each linked to a chat of the emulator with Telegram's
// limits on, at TELEGRAM_RATE 29, through River and the Telegram channel in
// sender processes: one sender on SQLite, one on PostgreSQL, three on
// PostgreSQL sharing the limiter in Redis. It reports the rate achieved at
// the emulator over the configured one (target ≥ 0.97; the limiter's
// ceiling is 0.975), the same for the instants messages left the senders,
// the most messages in one sliding second at the emulator and leaving the
// senders, the 429s, the chats with a message twice, the chats with none and
// the notices not sent in the store (targets 0). A full run takes about 6
// minutes a configuration: use -benchtime=1x.
func BenchmarkBroadcast(b *testing.B) {
	n := benchN(b)
	b.Run("sqlite/1-sender", func(b *testing.B) { benchBroadcast(b, "sqlite", n, 1, false) })
	b.Run("postgres/1-sender", func(b *testing.B) { benchBroadcast(b, "postgres", n, 1, false) })
	b.Run("postgres+redis/3-senders", func(b *testing.B) { benchBroadcast(b, "postgres", n, 3, true) })
}

// benchBroadcast runs one broadcast of n an iteration with senders
// processes and reports its figures.
func benchBroadcast(b *testing.B, kind string, n, senders int, shared bool) {
	for b.Loop() {
		b.StopTimer()
		f := newFront(b)
		bc := newBroadcast(b, kind, n, f.emu)
		ids := bc.enqueue(b)
		o := senderOpts{dsn: bc.dsn, api: f.url, token: f.emu.Token(), rate: benchRate}
		if shared {
			o.redis, o.prefix = testenv.RedisURL(b), "bench:"+strconv.FormatInt(time.Now().UnixNano(), 36)+":"
			cleanRedis(b, o.redis, o.prefix)
		}
		w := newWatch()
		b.StartTimer()
		for range senders {
			startSender(b, o, w)
		}
		w.waitDone(b, ctxFor(b, time.Duration(n)*time.Second/10+5*time.Minute), ids)
		b.StopTimer()
		reportBroadcast(b, f.tally(bc.chats), w.left.Times(), bc.statuses(b, ids)[diary.NoticeSent], len(ids))
		b.StartTimer()
	}
}

// reportBroadcast reports the figures of one broadcast.
func reportBroadcast(b *testing.B, t tally, left []time.Time, sent, n int) {
	b.ReportMetric(ratio(t.arrived)/benchRate, "achieved/configured")
	b.ReportMetric(ratio(left)/benchRate, "leaving/configured")
	b.ReportMetric(float64(clustertest.MaxInWindow(t.arrived, time.Second)), "max-in-1s")
	b.ReportMetric(float64(clustertest.MaxInWindow(left, time.Second)), "max-in-1s-leaving")
	b.ReportMetric(float64(t.refused), "429s")
	b.ReportMetric(float64(t.duplicates), "duplicates")
	b.ReportMetric(float64(t.lost), "lost")
	b.ReportMetric(float64(n-sent), "not-sent")
	b.Logf("%d notices, %d arrivals, answers by status %v", n, len(t.arrived), t.statuses)
}

// ratio is the rate of the instants, the first to the last: messages a second.
func ratio(ts []time.Time) float64 {
	if len(ts) < 2 {
		return 0
	}
	s := slices.SortedFunc(slices.Values(ts), func(a, b time.Time) int { return a.Compare(b) })
	return float64(len(s)-1) / s[len(s)-1].Sub(s[0]).Seconds()
}

// cleanRedis deletes the keys under prefix when the test ends.
func cleanRedis(t testing.TB, url, prefix string) {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() {
		ctx := context.Background()
		for _, match := range []string{prefix + "*", "rate:" + prefix + "*"} {
			if keys, _ := rdb.Keys(ctx, match).Result(); len(keys) > 0 {
				rdb.Del(ctx, keys...)
			}
		}
		_ = rdb.Close()
	})
}
