package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const requestCols = `id, school_id, telegram_user_id, chat_id, name, phone, child_name, class_name,
	created_at, resolved_at, resolution`

func scanRequest(r pgx.Row) (diary.AccessRequest, error) {
	var a diary.AccessRequest
	var created, resolved pgtype.Timestamptz
	err := r.Scan(&a.ID, &a.SchoolID, &a.TelegramUserID, &a.ChatID, &a.Name, &a.Phone, &a.ChildName,
		&a.ClassName, &created, &resolved, &a.Resolution)
	a.CreatedAt, a.ResolvedAt = timeOf(created), timeOf(resolved)
	return a, err
}

// CreateAccessRequest records a request; see diary.Identity.
func (db *DB) CreateAccessRequest(ctx context.Context, r diary.AccessRequest) (diary.AccessRequest, error) {
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("create access request: %w", err)
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = db.clock()
	}
	r.CreatedAt = r.CreatedAt.UTC().Truncate(time.Microsecond)
	r.ResolvedAt = r.ResolvedAt.UTC().Truncate(time.Microsecond)
	err := db.withConn(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `INSERT INTO access_requests (school_id, telegram_user_id, chat_id, name,
			phone, child_name, class_name, created_at, resolved_at, resolution)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, r.SchoolID, r.TelegramUserID,
			r.ChatID, r.Name, r.Phone, r.ChildName, r.ClassName, timeArg(r.CreatedAt), timeArg(r.ResolvedAt),
			r.Resolution).Scan(&r.ID)
	})
	return r, wrap("create access request", err)
}

// AccessRequests lists a school's requests by creation, only open ones
// when openOnly.
func (db *DB) AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]diary.AccessRequest, error) {
	where := ``
	if openOnly {
		where = ` AND resolved_at IS NULL`
	}
	return list(ctx, db, "access requests", scanRequest, `SELECT `+requestCols+` FROM access_requests
		WHERE school_id = $1`+where+` ORDER BY created_at, id`, schoolID)
}

// ResolveAccessRequest resolves an open request now; see diary.Identity.
func (db *DB) ResolveAccessRequest(ctx context.Context, id int64, resolution string) error {
	if resolution == "" {
		return fmt.Errorf("resolve access request: %w", diary.Errorf(diary.EInvalid, "a resolution is required"))
	}
	var resolved bool
	err := db.withConn(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `WITH r AS (UPDATE access_requests SET resolved_at = $2, resolution = $3
			WHERE id = $1 AND resolved_at IS NULL RETURNING id)
			SELECT EXISTS (SELECT 1 FROM r) FROM access_requests WHERE id = $1`,
			id, db.clock(), resolution).Scan(&resolved)
	})
	if err == nil && !resolved {
		return fmt.Errorf("resolve access request %d: already resolved: %w", id, diary.ErrConflict)
	}
	return wrap(fmt.Sprintf("resolve access request %d", id), err)
}
