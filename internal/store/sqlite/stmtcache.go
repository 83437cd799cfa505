package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// stmtCache keeps one prepared statement per query text on a pool. The
// driver would otherwise prepare every statement anew, which costs more than
// most of the store's queries take to run. database/sql prepares a cached
// statement once per connection and reuses it inside transactions.
//
// A transaction holds its connection, and the writer pool has only one, so a
// statement is never prepared through the pool while a transaction runs:
// inside one, an unknown query is prepared on the transaction alone and
// noted; flush, called once the connection is released, caches the noted
// queries for the transactions that follow.
type stmtCache struct {
	pool    *sql.DB
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool
}

// newStmtCache returns an empty cache on pool.
func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, m: map[string]*sql.Stmt{}, pending: map[string]bool{}}
}

// lookup returns the cached statement for query, or nil after noting the
// query for the next flush.
func (c *stmtCache) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.m[query]
	if s == nil {
		c.pending[query] = true
	}
	return s
}

// get returns the statement for query, preparing it through the pool when
// needed. Never call it while holding a connection of the pool. Only single
// statements may be cached: a prepared statement runs the first one only.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	s := c.m[query]
	c.mu.Unlock()
	if s != nil {
		return s, nil
	}
	s, err := c.pool.PrepareContext(ctx, query) // without the lock: it may wait for a connection
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev := c.m[query]; prev != nil {
		s.Close()
		return prev, nil
	}
	c.m[query] = s
	return s, nil
}

// flush prepares the queries noted inside transactions. Call it with no
// connection of the pool held. A failure only leaves a query uncached.
func (c *stmtCache) flush(ctx context.Context) {
	c.mu.Lock()
	if len(c.pending) == 0 {
		c.mu.Unlock()
		return
	}
	queries := c.pending
	c.pending = map[string]bool{}
	c.mu.Unlock()
	for q := range queries {
		c.get(ctx, q)
	}
}

// close closes every cached statement.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for q, s := range c.m {
		errs = append(errs, s.Close())
		delete(c.m, q)
	}
	return errors.Join(errs...)
}

// cached runs queries through a statement cache, on its pool or, when tx is
// set, inside tx. It implements querier.
type cached struct {
	c  *stmtCache
	tx *sql.Tx
}

// stmt returns the statement for query, bound to the transaction if any.
func (q cached) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if q.tx == nil {
		return q.c.get(ctx, query)
	}
	if s := q.c.lookup(query); s != nil {
		return q.tx.StmtContext(ctx, s), nil
	}
	return q.tx.PrepareContext(ctx, query)
}

// QueryContext runs a query.
func (q cached) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// QueryRowContext runs a query expected to return at most one row.
func (q cached) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := q.stmt(ctx, query)
	if err != nil { // let database/sql carry the same error in a *sql.Row
		if q.tx != nil {
			return q.tx.QueryRowContext(ctx, query, args...)
		}
		return q.c.pool.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// ExecContext runs a statement.
func (q cached) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}
