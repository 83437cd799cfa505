package telegram_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/redis/go-redis/v9"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// fast are limits that never hold a functional test back.
var fast = telegram.Limits{
	Bot: cluster.Sliding(1000, time.Second), Chat: cluster.Sliding(1000, time.Second), Group: cluster.Sliding(1000, time.Second),
}

// newEmulator starts an emulator on real time, closed with the test.
func newEmulator(t testing.TB, opt telegramtest.Options) *telegramtest.Server {
	t.Helper()
	s := telegramtest.New(opt)
	t.Cleanup(s.Close)
	return s
}

// newClient is a go-telegram/bot client of s.
func newClient(t testing.TB, s *telegramtest.Server, opts ...tgbot.Option) *tgbot.Bot {
	t.Helper()
	opts = append([]tgbot.Option{tgbot.WithServerURL(s.URL()), tgbot.WithSkipGetMe(), tgbot.WithErrorsHandler(func(error) {})}, opts...)
	c, err := tgbot.New(s.Token(), opts...)
	if err != nil {
		t.Fatalf("tgbot.New: %v", err)
	}
	return c
}

// startedUsers adds n users who have started the bot and returns their ids.
func startedUsers(t testing.TB, s *telegramtest.Server, n int) []int64 {
	t.Helper()
	ids := make([]int64, n)
	for i := range ids {
		u, err := s.AddUser(telegramtest.User{})
		if err == nil {
			_, err = s.Start(u.ID, "")
		}
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = u.ID
	}
	return ids
}

// testPrefix returns a Redis key prefix no other test or run uses.
func testPrefix(t testing.TB) string {
	t.Helper()
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "test:tg:" + hex.EncodeToString(b[:]) + ":"
}

// redisSet returns a cluster Set on a new client of url under prefix,
// closed with the test; the caller deletes the keys (cleanKeys).
func redisSet(t testing.TB, url, prefix string) *cluster.Set {
	t.Helper()
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { _ = rdb.Close() })
	return cluster.NewRedis(rdb, prefix)
}

// cleanKeys deletes the keys under prefix on the test Redis when the test ends.
func cleanKeys(t testing.TB, prefix string) {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() {
		ctx := context.Background()
		for _, match := range []string{prefix + "*", "rate:" + prefix + "*"} {
			keys, _ := rdb.Keys(ctx, match).Result()
			if len(keys) > 0 {
				rdb.Del(ctx, keys...)
			}
		}
		_ = rdb.Close()
	})
}

// ctxFor returns a context that ends with the test, bounded by d.
func ctxFor(t testing.TB, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
