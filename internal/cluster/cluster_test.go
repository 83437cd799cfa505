package cluster_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/cluster/clustertest"
	"github.com/schooldiary/diary/internal/testenv"
)

func TestMemory(t *testing.T) {
	clustertest.Run(t, func(t *testing.T) clustertest.Env {
		clock := clustertest.NewClock(time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC))
		s := cluster.NewMemory(clock.Now, cluster.WithSleep(clock.Sleep))
		return clustertest.Env{Set: s, Replica: func(*testing.T) *cluster.Set { return s }, Clock: clock}
	})
}

func TestRedis(t *testing.T) {
	clustertest.Run(t, func(t *testing.T) clustertest.Env {
		prefix := testPrefix(t)
		rdb := redisClient(t, prefix)
		return clustertest.Env{
			Set:     cluster.NewRedis(rdb, prefix),
			Replica: func(t *testing.T) *cluster.Set { return cluster.NewRedis(redisClient(t, prefix), prefix) },
			Pass:    redisTime{rdb: rdb, prefix: prefix}.pass,
		}
	})
}

// testPrefix returns a key prefix no other test or run uses.
func testPrefix(t testing.TB) string {
	t.Helper()
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "test:cluster:" + hex.EncodeToString(b[:]) + ":"
}

// redisClient connects to the test Redis, and when the test ends deletes the
// prefix's keys and closes the connection.
func redisClient(t testing.TB, prefix string) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(testenv.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	if err := rdb.Ping(t.Context()).Err(); err != nil {
		t.Fatalf("Redis at %s does not answer: %v (set TEST_REDIS_URL)", opt.Addr, err)
	}
	t.Cleanup(func() {
		deleteKeys(t, rdb, prefix)
		_ = rdb.Close()
	})
	return rdb
}

// testKeys lists every key under prefix, the limiter's included.
func testKeys(ctx context.Context, rdb *redis.Client, prefix string) ([]string, error) {
	var keys []string
	for _, match := range []string{prefix + "*", "rate:" + prefix + "*"} {
		iter := rdb.Scan(ctx, 0, match, 1000).Iterator()
		for iter.Next(ctx) {
			keys = append(keys, iter.Val())
		}
		if err := iter.Err(); err != nil {
			return nil, fmt.Errorf("scan %s: %w", match, err)
		}
	}
	return keys, nil
}

// deleteKeys deletes every key under prefix, the limiter's included.
func deleteKeys(t testing.TB, rdb *redis.Client, prefix string) {
	t.Helper()
	ctx := context.Background()
	keys, err := testKeys(ctx, rdb, prefix)
	if err == nil && len(keys) > 0 {
		err = rdb.Del(ctx, keys...).Err()
	}
	if err != nil {
		t.Errorf("delete test keys: %v", err)
	}
}

// countKeys returns how many keys are under prefix, the limiter's included.
func countKeys(t *testing.T, rdb *redis.Client, prefix string) int {
	t.Helper()
	keys, err := testKeys(t.Context(), rdb, prefix)
	must(t, err)
	return len(keys)
}

// redisTime makes time pass at once for the keys of one test's prefix, as
// clustertest.Env.Pass wants, so that the suite never waits for the
// server's clock to end a TTL.
type redisTime struct {
	rdb    *redis.Client
	prefix string
}

// passScript makes ARGV[1] milliseconds pass for KEYS, as if the server's
// clock had moved on: a key whose TTL ends by then is deleted (an expired
// key is no more than that to every command), every other TTL is shortened,
// and a limiter bucket (a key starting with ARGV[2]) also has its value,
// redis_rate's theoretical arrival time in seconds, moved back as much. A
// key without a TTL is an error: every key the Set writes must expire.
var passScript = redis.NewScript(`
local d = tonumber(ARGV[1])
for _, k in ipairs(KEYS) do
	local ttl = redis.call("PTTL", k)
	if ttl == -1 then
		return redis.error_reply("key without a TTL: " .. k)
	elseif ttl >= 0 and ttl <= d then
		redis.call("DEL", k)
	elseif ttl > d and string.sub(k, 1, #ARGV[2]) == ARGV[2] then
		redis.call("SET", k, tonumber(redis.call("GET", k)) - d / 1000, "PX", ttl - d)
	elseif ttl > d then
		redis.call("PEXPIRE", k, ttl - d)
	end
end
return #KEYS
`)

// pass makes d pass for every key under the prefix.
func (r redisTime) pass(ctx context.Context, d time.Duration) error {
	keys, err := testKeys(ctx, r.rdb, r.prefix)
	if err != nil || len(keys) == 0 {
		return err
	}
	if err := passScript.Run(ctx, r.rdb, keys, d.Milliseconds(), "rate:"+r.prefix).Err(); err != nil {
		return fmt.Errorf("pass %v: %w", d, err)
	}
	return nil
}

// TestRedisTTLs checks on the server that every key the Redis Set writes
// carries the TTL it was given: nothing stays forever.
func TestRedisTTLs(t *testing.T) {
	prefix := testPrefix(t)
	rdb := redisClient(t, prefix)
	s, ctx := cluster.NewRedis(rdb, prefix), t.Context()
	must(t, s.Sessions.Set(ctx, "chat:1", []byte("v"), 30*time.Minute))
	_, err := s.Dedup.Seen(ctx, "update:1", 24*time.Hour)
	must(t, err)
	_, err = s.Lockout.Fail(ctx, "chat:1", time.Hour)
	must(t, err)
	must(t, s.Limiter.Pause(ctx, "bot", 7*time.Second))
	_, _, err = s.Limiter.Allow(ctx, "bot:2", cluster.Limit{Rate: 1, Period: time.Hour, Burst: 1})
	must(t, err)
	l, err := s.Locker.TryLock(ctx, "tick", time.Minute)
	must(t, err)
	must(t, l.Refresh(ctx, 10*time.Minute))
	tests := []struct {
		key  string
		want time.Duration
	}{
		{prefix + "session:chat:1", 30 * time.Minute},
		{prefix + "seen:update:1", 24 * time.Hour},
		{prefix + "fail:chat:1", time.Hour},
		{prefix + "pause:bot", 7 * time.Second},
		{"rate:" + prefix + "limit:bot:2", time.Hour},
		{prefix + "lock:tick", 10 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			got, err := rdb.PTTL(ctx, tc.key).Result()
			must(t, err)
			if got <= tc.want-5*time.Second || got > tc.want {
				t.Errorf("PTTL = %v, want about %v", got, tc.want)
			}
		})
	}
	if got, want := countKeys(t, rdb, prefix), len(tests); got != want {
		t.Errorf("%d keys under the prefix, want %d", got, want)
	}
}

// TestMemoryDoesNotLeak fills every map, lets everything expire and checks
// that one later call sweeps it all away.
func TestMemoryDoesNotLeak(t *testing.T) {
	clock := clustertest.NewClock(time.Date(2025, 9, 1, 7, 0, 0, 0, time.UTC))
	s, ctx := cluster.NewMemory(clock.Now), t.Context()
	for i := range 2000 {
		k := fmt.Sprint("k", i)
		must(t, s.Sessions.Set(ctx, k, []byte("v"), time.Hour))
		_, _ = s.Dedup.Seen(ctx, k, time.Hour)
		_, _ = s.Lockout.Fail(ctx, k, time.Hour)
		must(t, s.Limiter.Pause(ctx, k, time.Minute))
		_, _, _ = s.Limiter.Allow(ctx, "l"+k, cluster.PerSecond(30))
		_, _ = s.Locker.TryLock(ctx, k, time.Hour)
	}
	if got, want := cluster.MemorySize(s), 6*2000; got != want {
		t.Fatalf("%d entries after filling, want %d", got, want)
	}
	clock.Advance(time.Hour)
	_, err := s.Dedup.Seen(ctx, "one", time.Hour)
	must(t, err)
	if got := cluster.MemorySize(s); got != 1 {
		t.Errorf("%d entries after everything expired, want 1", got)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		url     string
		wantErr bool
	}{
		{"empty is memory", "", false},
		{"redis", testenv.RedisURL(t), false},
		{"other scheme", "memcached://127.0.0.1:11211", true},
		{"redis not answering", "redis://127.0.0.1:1/0", true},
		{"bad redis url", "redis://127.0.0.1:6379/notadb", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			prefix := testPrefix(t)
			s, err := cluster.Open(ctx, tc.url, nil, prefix)
			if tc.wantErr {
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded, want an error")
				}
				return
			}
			must(t, err)
			defer s.Close()
			if tc.url != "" {
				t.Cleanup(func() { deleteOpened(t, tc.url, prefix) })
			}
			must(t, s.Ping(ctx))
			first, err := s.Dedup.Seen(ctx, "x", time.Second)
			if err != nil || !first {
				t.Errorf("Seen on a fresh Set = %v, %v; want true", first, err)
			}
		})
	}
}

// TestOpenHidesPassword checks that a refused REDIS_URL is shown without
// its password.
func TestOpenHidesPassword(t *testing.T) {
	for _, u := range []string{"memcached://u:hunter2@h:11211", "redis://:hunter2@[bad"} {
		_, err := cluster.Open(t.Context(), u, nil, testPrefix(t))
		if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "***") {
			t.Errorf("Open(%q) = %v, want an error with the password shown as ***", u, err)
		}
	}
}

// deleteOpened deletes the keys an opened Redis Set wrote under prefix.
func deleteOpened(t *testing.T, url, prefix string) {
	t.Helper()
	opt, err := redis.ParseURL(url)
	must(t, err)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	deleteKeys(t, rdb, prefix)
}

func TestSetCloseAndPingAfterClose(t *testing.T) {
	prefix := testPrefix(t)
	s, err := cluster.Open(t.Context(), testenv.RedisURL(t), nil, prefix)
	must(t, err)
	must(t, s.Close())
	if err := s.Ping(t.Context()); err == nil || !errors.Is(err, redis.ErrClosed) {
		t.Errorf("Ping after Close = %v, want redis.ErrClosed", err)
	}
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
