package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

const tokenCols = `id, school_id, name, hash, created_at, revoked_at`

// scanToken reads one row of tokenCols.
func scanToken(r Scanner) (diary.APIToken, error) {
	var t diary.APIToken
	err := r.Scan(&t.ID, &t.SchoolID, &t.Name, &t.Hash, InstantCol{&t.CreatedAt}, InstantCol{&t.RevokedAt})
	return t, err
}

// CreateToken stores a token and returns it with its id; diary.ErrConflict
// when the hash exists, diary.ErrNotFound when the school does not.
// CreatedAt defaults to now.
func (s *Store) CreateToken(ctx context.Context, t diary.APIToken) (diary.APIToken, error) {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.clock()
	}
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		t, err = one(ctx, s, tx, "create token", scanToken, `INSERT INTO api_tokens
		(school_id, name, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5) RETURNING `+tokenCols,
			t.SchoolID, t.Name, t.Hash, s.instant(t.CreatedAt), s.instant(t.RevokedAt))
		return err
	})
	return t, err
}

// TokenByHash returns the live (not revoked) token with hash; diary.ErrNotFound.
func (s *Store) TokenByHash(ctx context.Context, hash string) (diary.APIToken, error) {
	return one(ctx, s, s.p, "token by hash", scanToken,
		`SELECT `+tokenCols+` FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL`, hash)
}

// RevokeToken revokes a token by id, keeping the first revocation time;
// diary.ErrNotFound.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	n, err := s.p.Exec(ctx, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1`,
		id, s.instant(s.clock()))
	if err != nil {
		return s.wrap(err, "revoke token %d", id)
	}
	if n == 0 {
		return notFound("revoke token %d", id)
	}
	return nil
}
