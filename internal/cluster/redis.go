package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/bsm/redislock"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/schooldiary/diary/internal/redact"
)

// redisStore is the Redis implementation. Every key is prefix + kind + ":" +
// the caller's key; the limiter's buckets are "rate:" + that (redis_rate
// prepends its own "rate:").
type redisStore struct {
	rdb    redis.UniversalClient
	prefix string
	rate   *redis_rate.Limiter
	locks  *redislock.Client
}

// Key kinds under the prefix.
const (
	kindLimit   = "limit"
	kindPause   = "pause"
	kindLock    = "lock"
	kindSeen    = "seen"
	kindSession = "session"
	kindFail    = "fail"
)

// OpenRedis connects to the Redis at url ("redis://[user:pass@]host:port/db"
// or "rediss://…"), pings it and returns a Set on it with every key under
// prefix. Close closes the connection.
func OpenRedis(ctx context.Context, url, prefix string) (*Set, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("cluster: parse redis url %q: %w", redact.URL(url), redact.Error(err))
	}
	rdb := redis.NewClient(opt)
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		return nil, fmt.Errorf("cluster: redis at %s does not answer: %w", opt.Addr, err)
	}
	return NewRedis(rdb, prefix), nil
}

// NewRedis returns a Set on rdb with every key under prefix (the limiter's
// under "rate:" + prefix). Its TTLs, windows and rates run on the Redis
// server's clock: the limiter is redis_rate's GCRA, which reads TIME on the
// server. Close closes rdb.
func NewRedis(rdb redis.UniversalClient, prefix string) *Set {
	r := &redisStore{rdb: rdb, prefix: prefix, rate: redis_rate.NewLimiter(rdb), locks: redislock.New(rdb)}
	return &Set{
		Limiter:  redisLimiter{r},
		Locker:   redisLocker{r},
		Dedup:    redisDedup{r},
		Sessions: redisSessions{r},
		Lockout:  redisLockout{r},
		ping:     func(ctx context.Context) error { return rdb.Ping(ctx).Err() },
		close:    rdb.Close,
	}
}

// key returns the Redis key of the caller's key of a kind.
func (r *redisStore) key(kind, key string) string { return r.prefix + kind + ":" + key }

// errRedis wraps a Redis error with what was being done.
func errRedis(op string, err error) error { return fmt.Errorf("cluster: redis %s: %w", op, err) }

// ms returns d in whole milliseconds, at least 1.
func ms(d time.Duration) int64 { return max(d.Milliseconds(), 1) }
