package postgres

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// CreateToken stores a token; ErrConflict when the hash exists, ErrNotFound
// when the school does not. CreatedAt defaults to now.
func (db *DB) CreateToken(ctx context.Context, t diary.APIToken) (diary.APIToken, error) {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = db.clock()
	}
	return one(ctx, db, "create token", scanToken, `INSERT INTO api_tokens (school_id, name, hash, created_at, revoked_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING `+tokenCols, t.SchoolID, t.Name, t.Hash, timeArg(t.CreatedAt), timeArg(t.RevokedAt))
}

// TokenByHash returns the live token with hash; ErrNotFound.
func (db *DB) TokenByHash(ctx context.Context, hash string) (diary.APIToken, error) {
	return one(ctx, db, "token by hash", scanToken,
		`SELECT `+tokenCols+` FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL`, hash)
}

// RevokeToken revokes a token by id; ErrNotFound. Revoking a revoked token
// keeps its first revocation time.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	var n int64
	err := db.withConnExec(ctx, &n, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1`, id, db.clock())
	if err != nil {
		return wrap("revoke token", err)
	}
	if n == 0 {
		return fmt.Errorf("revoke token: %w", diary.ErrNotFound)
	}
	return nil
}
