package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const requestCols = `id, school_id, telegram_user_id, chat_id, name, phone, child_name, class_name,
	created_at, resolved_at, resolution`

// scanRequest reads one row of requestCols.
func scanRequest(r Scanner) (diary.AccessRequest, error) {
	var a diary.AccessRequest
	err := r.Scan(&a.ID, &a.SchoolID, &a.TelegramUserID, &a.ChatID, &a.Name, &a.Phone, &a.ChildName,
		&a.ClassName, InstantCol{&a.CreatedAt}, InstantCol{&a.ResolvedAt}, &a.Resolution)
	return a, err
}

// CreateAccessRequest records a request; see diary.Identity. Its instants
// are returned as stored.
func (s *Store) CreateAccessRequest(ctx context.Context, r diary.AccessRequest) (diary.AccessRequest, error) {
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("create access request: %w", err)
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = s.clock()
	}
	r.CreatedAt, r.ResolvedAt = kept(r.CreatedAt), kept(r.ResolvedAt)
	err := s.p.Write(ctx, false, func(tx Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO access_requests (school_id, telegram_user_id, chat_id, name,
			phone, child_name, class_name, created_at, resolved_at, resolution)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, r.SchoolID, r.TelegramUserID,
			r.ChatID, r.Name, r.Phone, r.ChildName, r.ClassName, s.instant(r.CreatedAt), s.instant(r.ResolvedAt),
			r.Resolution).Scan(&r.ID)
		return s.wrap(err, "create access request")
	})
	return r, err
}

// AccessRequests lists a school's requests by creation, only open ones
// when openOnly.
func (s *Store) AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]diary.AccessRequest, error) {
	where := ``
	if openOnly {
		where = ` AND resolved_at IS NULL`
	}
	return list(ctx, s, s.p, "access requests", scanRequest, `SELECT `+requestCols+` FROM access_requests
		WHERE school_id = $1`+where+` ORDER BY created_at, id`, schoolID)
}

// ResolveAccessRequest resolves an open request now; see diary.Identity.
func (s *Store) ResolveAccessRequest(ctx context.Context, id int64, resolution string) error {
	if resolution == "" {
		return fmt.Errorf("resolve access request: %w", diary.Errorf(diary.EInvalid, "a resolution is required"))
	}
	now := s.instant(s.clock())
	return s.p.Write(ctx, false, func(tx Tx) error {
		n, err := tx.Exec(ctx, `UPDATE access_requests SET resolved_at = $2, resolution = $3
			WHERE id = $1 AND resolved_at IS NULL`, id, now, resolution)
		if err != nil || n == 1 {
			return s.wrap(err, "resolve access request %d", id)
		}
		var exists bool
		err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM access_requests WHERE id = $1)`, id).Scan(&exists)
		switch {
		case err != nil:
			return s.wrap(err, "resolve access request %d", id)
		case exists:
			return fmt.Errorf("resolve access request %d: already resolved: %w", id, diary.ErrConflict)
		}
		return notFound("resolve access request %d", id)
	})
}
