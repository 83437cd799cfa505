package cluster

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisDedup is the Dedup on SET NX PX.
type redisDedup struct{ r *redisStore }

// Seen implements Dedup.
func (d redisDedup) Seen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if err := positive("ttl", ttl); err != nil {
		return false, err
	}
	first, err := d.r.rdb.SetNX(ctx, d.r.key(kindSeen, key), 1, ttl).Result()
	if err != nil {
		return false, errRedis("seen", err)
	}
	return first, nil
}

// redisSessions is the Sessions on GET, SET PX and DEL.
type redisSessions struct{ r *redisStore }

// Get implements Sessions.
func (s redisSessions) Get(ctx context.Context, key string) ([]byte, error) {
	b, err := s.r.rdb.Get(ctx, s.r.key(kindSession, key)).Bytes()
	switch {
	case errors.Is(err, redis.Nil):
		return nil, ErrNotFound
	case err != nil:
		return nil, errRedis("get session", err)
	}
	return b, nil
}

// Set implements Sessions.
func (s redisSessions) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if err := positive("ttl", ttl); err != nil {
		return err
	}
	if err := s.r.rdb.Set(ctx, s.r.key(kindSession, key), value, ttl).Err(); err != nil {
		return errRedis("set session", err)
	}
	return nil
}

// Delete implements Sessions.
func (s redisSessions) Delete(ctx context.Context, key string) error {
	if err := s.r.rdb.Del(ctx, s.r.key(kindSession, key)).Err(); err != nil {
		return errRedis("delete session", err)
	}
	return nil
}

// redisLockout is the Lockout on INCR and PEXPIRE NX in one transaction.
type redisLockout struct{ r *redisStore }

// Fail implements Lockout.
func (l redisLockout) Fail(ctx context.Context, key string, window time.Duration) (int, error) {
	if err := positive("window", window); err != nil {
		return 0, err
	}
	k := l.r.key(kindFail, key)
	var incr *redis.IntCmd
	_, err := l.r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		incr = p.Incr(ctx, k)
		p.Do(ctx, "pexpire", k, ms(window), "nx")
		return nil
	})
	if err != nil {
		return 0, errRedis("fail", err)
	}
	return int(incr.Val()), nil
}

// Failures implements Lockout.
func (l redisLockout) Failures(ctx context.Context, key string) (int, time.Duration, error) {
	k := l.r.key(kindFail, key)
	var get *redis.StringCmd
	var ttl *redis.DurationCmd
	_, err := l.r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		get = p.Get(ctx, k)
		ttl = p.PTTL(ctx, k)
		return nil
	})
	if errors.Is(err, redis.Nil) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, errRedis("failures", err)
	}
	n, err := get.Int()
	if err != nil {
		return 0, 0, errRedis("failures", err)
	}
	return n, max(ttl.Val(), 0), nil
}

// Reset implements Lockout.
func (l redisLockout) Reset(ctx context.Context, key string) error {
	if err := l.r.rdb.Del(ctx, l.r.key(kindFail, key)).Err(); err != nil {
		return errRedis("reset failures", err)
	}
	return nil
}
