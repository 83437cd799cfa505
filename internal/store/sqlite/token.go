package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// CreateToken stores a token and returns it with its id and creation time;
// diary.ErrConflict when the hash exists, diary.ErrNotFound when the school does not.
func (db *DB) CreateToken(ctx context.Context, t diary.APIToken) (diary.APIToken, error) {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = db.clock()
	}
	t.CreatedAt = t.CreatedAt.UTC()
	var n int
	err := db.reader().QueryRowContext(ctx, `SELECT count(*) FROM schools WHERE id = ?`, t.SchoolID).Scan(&n)
	if err != nil {
		return t, wrap(err, "create token")
	}
	if n == 0 {
		return t, notFound("create token: school %d", t.SchoolID)
	}
	err = db.writer().QueryRowContext(ctx, `INSERT INTO api_tokens (school_id, name, hash, created_at, revoked_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, t.SchoolID, t.Name, t.Hash, instantText(t.CreatedAt),
		nullInstant(t.RevokedAt)).Scan(&t.ID)
	return t, wrap(err, "create token")
}

// TokenByHash returns the live (not revoked) token with hash; diary.ErrNotFound.
func (db *DB) TokenByHash(ctx context.Context, hash string) (diary.APIToken, error) {
	var t diary.APIToken
	err := db.reader().QueryRowContext(ctx, `SELECT id, school_id, name, hash, created_at, revoked_at
		FROM api_tokens WHERE hash = ? AND revoked_at IS NULL`, hash).
		Scan(&t.ID, &t.SchoolID, &t.Name, &t.Hash, instantCol{&t.CreatedAt}, instantCol{&t.RevokedAt})
	return t, wrap(err, "token by hash")
}

// RevokeToken revokes a token by id, keeping the first revocation time;
// diary.ErrNotFound.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	res, err := db.writer().ExecContext(ctx, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?)
		WHERE id = ?`, instantText(db.clock()), id)
	if err != nil {
		return wrap(err, "revoke token %d", id)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return wrap(err, "revoke token %d", id)
	}
	if n == 0 {
		return notFound("revoke token %d", id)
	}
	return nil
}
