package cluster

import (
	"context"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// redisLimiter is the Limiter on redis_rate (GCRA on the server's clock).
type redisLimiter struct{ r *redisStore }

// Allow implements Limiter. It costs two round trips: the pause, then the
// bucket.
func (l redisLimiter) Allow(ctx context.Context, key string, limit Limit) (bool, time.Duration, error) {
	if err := limit.validate(); err != nil {
		return false, 0, err
	}
	if d, err := l.PausedFor(ctx, key); err != nil || d > 0 {
		return false, d, err
	}
	units, burst := limit.units()
	lim := redis_rate.Limit{Rate: units, Burst: burst, Period: limit.Period}
	res, err := l.r.rate.AllowN(ctx, l.r.key(kindLimit, key), lim, unitsPerEvent)
	if err != nil {
		return false, 0, errRedis("allow", err)
	}
	if res.Allowed == 0 {
		return false, max(res.RetryAfter, time.Microsecond), nil
	}
	return true, 0, nil
}

// Wait implements Limiter.
func (l redisLimiter) Wait(ctx context.Context, key string, limit Limit) error {
	allow := func(ctx context.Context) (bool, time.Duration, error) { return l.Allow(ctx, key, limit) }
	return wait(ctx, allow, Sleep)
}

// Pause implements Limiter: SET NX PX, then PEXPIRE GT, in one transaction,
// so that a pause only ever grows.
func (l redisLimiter) Pause(ctx context.Context, key string, d time.Duration) error {
	if err := positive("pause", d); err != nil {
		return err
	}
	k := l.r.key(kindPause, key)
	_, err := l.r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.SetNX(ctx, k, 1, time.Duration(ms(d))*time.Millisecond)
		p.Do(ctx, "pexpire", k, ms(d), "gt")
		return nil
	})
	if err != nil {
		return errRedis("pause", err)
	}
	return nil
}

// PausedFor implements Limiter.
func (l redisLimiter) PausedFor(ctx context.Context, key string) (time.Duration, error) {
	d, err := l.r.rdb.PTTL(ctx, l.r.key(kindPause, key)).Result()
	if err != nil {
		return 0, errRedis("pause ttl", err)
	}
	return max(d, 0), nil
}
