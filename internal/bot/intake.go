package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/cluster"
)

// dedupTTL is how long an update_id is remembered: Telegram keeps an
// unconfirmed update for a day.
const dedupTTL = 24 * time.Hour

// ErrClosing is returned by Receive once Shutdown has begun.
var ErrClosing = errors.New("bot: shutting down")

// chatQueue is the updates of one chat waiting to be handled in order.
type chatQueue struct {
	items []*models.Update
}

// onUpdate is the client's handler: it queues the update.
func (b *B) onUpdate(ctx context.Context, _ *tgbot.Bot, u *models.Update) {
	if err := b.Receive(ctx, u); err != nil && !errors.Is(err, ErrClosing) {
		b.log.Warn("receive update", "update_id", u.ID, "err", err)
	}
}

// Receive takes one update: unless another replica or an earlier delivery
// already took its update_id, it is queued behind the earlier updates of its
// chat and handled in the background. Errors: ErrClosing after Shutdown began.
// A de-duplication backend that fails does not lose the update: it is
// handled (at least once rather than never).
func (b *B) Receive(ctx context.Context, u *models.Update) error {
	if b.isClosing() {
		return ErrClosing
	}
	first, err := b.d.Cluster.Dedup.Seen(ctx, "update:"+strconv.FormatInt(u.ID, 10), dedupTTL)
	if err != nil {
		b.log.Warn("dedup update", "update_id", u.ID, "err", err)
		first = true
	}
	if !first {
		b.log.Debug("duplicate update dropped", "update_id", u.ID)
		return nil
	}
	return b.enqueue(u)
}

// isClosing reports whether Shutdown has begun.
func (b *B) isClosing() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closing
}

// enqueue adds u to its chat's queue and starts the chat's worker when idle.
func (b *B) enqueue(u *models.Update) error {
	chatID := chatOf(u)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return ErrClosing
	}
	b.inflight.Add(1)
	q, running := b.queues[chatID]
	if !running {
		q = &chatQueue{}
		b.queues[chatID] = q
		go b.drain(chatID, q)
	}
	q.items = append(q.items, u)
	return nil
}

// drain handles chatID's updates one by one until its queue is empty.
func (b *B) drain(chatID int64, q *chatQueue) {
	for {
		b.mu.Lock()
		if len(q.items) == 0 {
			delete(b.queues, chatID)
			b.mu.Unlock()
			return
		}
		u := q.items[0]
		q.items = q.items[1:]
		b.mu.Unlock()
		b.handle(u)
		b.inflight.Done()
	}
}

// handle runs one update under the chat's cluster lock and the handler
// timeout, recovering a panic.
func (b *B) handle(u *models.Update) {
	ctx, cancel := context.WithTimeout(b.life, b.d.HandlerTimeout)
	defer cancel()
	defer b.recoverPanic(u)
	chatID := chatOf(u)
	lock, err := b.d.Cluster.Locker.Lock(ctx, "chat:"+strconv.FormatInt(chatID, 10), b.d.HandlerTimeout+5*time.Second)
	if err != nil {
		// The in-process queue still keeps the chat's order here.
		b.log.Warn("chat lock", "update_id", u.ID, "err", err)
	} else {
		defer b.unlock(ctx, lock, u.ID)
	}
	if err := b.route(ctx, u); err != nil {
		b.log.Error("handle update", "update_id", u.ID, "kind", kindOf(u), "err", err)
	}
}

// unlock releases a chat's lock.
func (b *B) unlock(ctx context.Context, lock cluster.Lock, updateID int64) {
	if err := lock.Release(context.WithoutCancel(ctx)); err != nil {
		b.log.Debug("chat unlock", "update_id", updateID, "err", err)
	}
}

// recoverPanic logs a handler's panic without its value (it may hold a
// child's data): the value's type, a runtime error's text, the stack.
func (b *B) recoverPanic(u *models.Update) {
	v := recover()
	if v == nil {
		return
	}
	attrs := []any{"update_id", u.ID, "kind", kindOf(u), "panic_type", fmt.Sprintf("%T", v)}
	if re, ok := v.(runtime.Error); ok {
		attrs = append(attrs, "runtime_error", re.Error())
	}
	b.log.Error("panic in update handler", append(attrs, "stack", string(debug.Stack()))...)
}
