package sqlite

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const requestCols = `id, school_id, telegram_user_id, chat_id, name, phone, child_name, class_name,
	created_at, resolved_at, resolution`

// scanRequest reads one row of requestCols.
func scanRequest(r scanner) (diary.AccessRequest, error) {
	var a diary.AccessRequest
	err := r.Scan(&a.ID, &a.SchoolID, &a.TelegramUserID, &a.ChatID, &a.Name, &a.Phone, &a.ChildName,
		&a.ClassName, instantCol{&a.CreatedAt}, instantCol{&a.ResolvedAt}, &a.Resolution)
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
	r.CreatedAt, r.ResolvedAt = r.CreatedAt.UTC(), r.ResolvedAt.UTC()
	err := db.writer().QueryRowContext(ctx, `INSERT INTO access_requests (school_id, telegram_user_id,
		chat_id, name, phone, child_name, class_name, created_at, resolved_at, resolution)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.SchoolID, r.TelegramUserID, r.ChatID,
		r.Name, r.Phone, r.ChildName, r.ClassName, instantText(r.CreatedAt), nullInstant(r.ResolvedAt),
		r.Resolution).Scan(&r.ID)
	return r, wrap(err, "create access request")
}

// AccessRequests lists a school's requests by creation, only open ones
// when openOnly.
func (db *DB) AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]diary.AccessRequest, error) {
	where := ``
	if openOnly {
		where = ` AND resolved_at IS NULL`
	}
	rows, err := db.reader().QueryContext(ctx, `SELECT `+requestCols+` FROM access_requests
		WHERE school_id = ?`+where+` ORDER BY created_at, id`, schoolID)
	return collect(rows, err, "access requests", scanRequest)
}

// ResolveAccessRequest resolves an open request now; see diary.Identity.
func (db *DB) ResolveAccessRequest(ctx context.Context, id int64, resolution string) error {
	if resolution == "" {
		return fmt.Errorf("resolve access request: %w", diary.Errorf(diary.EInvalid, "a resolution is required"))
	}
	now := instantText(db.clock())
	return db.inWrite(ctx, func(q querier) error {
		res, err := q.ExecContext(ctx, `UPDATE access_requests SET resolved_at = ?, resolution = ?
			WHERE id = ? AND resolved_at IS NULL`, now, resolution, id)
		n, err := affected(res, err)
		if err != nil || n == 1 {
			return wrap(err, "resolve access request %d", id)
		}
		var exists bool
		err = q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM access_requests WHERE id = ?)`, id).Scan(&exists)
		switch {
		case err != nil:
			return wrap(err, "resolve access request %d", id)
		case exists:
			return fmt.Errorf("resolve access request %d: already resolved: %w", id, diary.ErrConflict)
		}
		return notFound("resolve access request %d", id)
	})
}
