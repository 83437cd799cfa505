package telegram

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

// take returns when one message to chatID may leave now: the bot's turn
// first (Wait), then the chat's (Allow), so that both are taken at the
// moment of sending. When the chat's turn has not come, the bot's turn is
// given up and both are tried again when it has. A limiter that does not
// answer (Redis down) is tried again with a growing pause, never skipped:
// nothing leaves unpaced.
func (p *Pacer) take(ctx context.Context, chatID int64) error {
	for try := 0; ; try++ {
		retry, err := p.turn(ctx, chatID)
		switch {
		case err == nil && retry == 0:
			return nil
		case err == nil:
			try = -1
		case ctx.Err() != nil || errors.Is(err, cluster.ErrInvalid):
			return fmt.Errorf("telegram: wait for the limits: %w", err)
		default:
			retry = p.backoff(try)
			p.log.Warn("telegram: the limiter does not answer; sending waits", "next_try", retry, "err", err)
		}
		if err := p.sleep(ctx, retry); err != nil {
			return fmt.Errorf("telegram: wait for the limits: %w", err)
		}
	}
}

// turn takes the bot's turn and then, if it has come, chatID's; it returns
// how long until the chat's turn when it has not.
func (p *Pacer) turn(ctx context.Context, chatID int64) (time.Duration, error) {
	if err := p.limiter.Wait(ctx, BotKey, p.limits.Bot); err != nil {
		return 0, err
	}
	ok, retry, err := p.limiter.Allow(ctx, ChatKey(chatID), p.limits.of(chatID))
	if err != nil || ok {
		return 0, err
	}
	return max(retry, time.Millisecond), nil
}

// backoff is the pause before the try-th retry of an unreachable limiter:
// 100 ms doubling to 5 s.
func backoff(try int) time.Duration {
	return min(100*time.Millisecond<<min(try, 6), 5*time.Second)
}
