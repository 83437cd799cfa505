package cluster

import (
	"context"
	"fmt"
	"sync"
)

// queue lets one caller at a time of each key poll the limiter in Wait:
// n waiters of one process then make one poll a turn instead of n, a herd
// whose own noise makes the winner late on a busy machine (and a late turn
// is lost for good at Burst 1). Callers of other processes poll on their
// own; the limiter still decides.
type queue struct {
	mu   sync.Mutex
	keys map[string]*turn
}

// turn is one key's place in the queue: a semaphore of one and how many
// callers hold or wait for it.
type turn struct {
	sem   chan struct{}
	users int
}

// enter waits for key's turn; leave gives it up. Errors: ctx's when it ends
// first.
func (q *queue) enter(ctx context.Context, key string) (leave func(), err error) {
	t := q.join(key)
	select {
	case t.sem <- struct{}{}:
		return func() { <-t.sem; q.quit(key, t) }, nil
	case <-ctx.Done():
		q.quit(key, t)
		return nil, fmt.Errorf("cluster: wait: %w", ctx.Err())
	}
}

// join counts one more caller of key.
func (q *queue) join(key string) *turn {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.keys == nil {
		q.keys = map[string]*turn{}
	}
	t := q.keys[key]
	if t == nil {
		t = &turn{sem: make(chan struct{}, 1)}
		q.keys[key] = t
	}
	t.users++
	return t
}

// quit counts one caller of key less and forgets the key when none is left.
func (q *queue) quit(key string, t *turn) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if t.users--; t.users == 0 {
		delete(q.keys, key)
	}
}
