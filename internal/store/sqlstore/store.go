package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Store is the persistence logic over a Port. The SQL stores embed it; its
// methods are the diary.Store methods written once.
type Store struct {
	p   Port
	d   Dialect
	now func() time.Time
}

// New returns the shared logic over p with the clock now (time.Now when nil).
func New(p Port, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{p: p, d: p.Dialect(), now: now}
}

// clock returns the store's now in UTC, at microsecond precision, which both
// databases keep.
func (s *Store) clock() time.Time { return kept(s.now()) }

// kept returns t as both databases keep an instant: in UTC, to the
// microsecond (the zero time stays zero), so that what a write returns equals
// what a read returns on either store.
func kept(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// date encodes a date parameter.
func (s *Store) date(d diary.Date) any { return s.d.Date(d) }

// instant encodes an instant parameter.
func (s *Store) instant(t time.Time) any { return s.d.Instant(t) }

// wrap translates a driver error and prefixes it with what was being done;
// nil stays nil.
func (s *Store) wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), s.p.Translate(err))
}

// noRows reports whether err is the driver's "no rows": the one error that
// Translate turns into the bare diary.ErrNotFound (a broken foreign key
// becomes another ENotFound error).
func (s *Store) noRows(err error) bool {
	return err != nil && s.p.Translate(err) == diary.ErrNotFound //nolint:errorlint // the sentinel itself
}

// notFound returns a wrapped diary.ErrNotFound for a missing record.
func notFound(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), diary.ErrNotFound)
}

// Scanner reads one row: a Row or the current row of Rows.
type Scanner interface{ Scan(dest ...any) error }

// collect scans every row of a query with scan and closes the rows; err is
// the query's error.
func collect[T any](s *Store, rows Rows, err error, what string, scan func(Scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, s.wrap(err, "%s", what)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, s.wrap(err, "%s", what)
		}
		out = append(out, v)
	}
	return out, s.wrap(rows.Err(), "%s", what)
}

// list runs a query on q and scans every row.
func list[T any](ctx context.Context, s *Store, q Querier, what string, scan func(Scanner) (T, error), sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	return collect(s, rows, err, what, scan)
}

// one runs a query on q and scans its single row; diary.ErrNotFound when
// there is none.
func one[T any](ctx context.Context, s *Store, q Querier, what string, scan func(Scanner) (T, error), sql string, args ...any) (T, error) {
	v, err := scan(q.QueryRow(ctx, sql, args...))
	return v, s.wrap(err, "%s", what)
}
