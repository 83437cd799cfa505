package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// HashToken returns the hex SHA-256 of a token's secret, the form the store keeps.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// errUnauthorized is any failure to present a live token.
var errUnauthorized = errors.New("unauthorized")

// bearer returns the secret of an "Authorization: Bearer <secret>" header.
func bearer(r *http.Request) (string, bool) {
	scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	secret = strings.TrimSpace(secret)
	if !ok || !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return "", false
	}
	return secret, true
}

// authenticate returns the school of the request's token: errUnauthorized
// without a live token, another error when the store fails.
func (s *server) authenticate(ctx context.Context, r *http.Request) (diary.School, error) {
	secret, ok := bearer(r)
	if !ok {
		return diary.School{}, errUnauthorized
	}
	tok, err := s.cfg.Store.TokenByHash(ctx, HashToken(secret))
	if errors.Is(err, diary.ErrNotFound) {
		return diary.School{}, errUnauthorized
	}
	if err != nil {
		return diary.School{}, err
	}
	return s.cfg.Store.School(ctx, tok.SchoolID)
}

// unauthorized answers 401 with the header that names the scheme.
func unauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="diary"`)
	writeError(w, http.StatusUnauthorized,
		"нужен действующий токен школы: заголовок Authorization: Bearer <токен> (diaryctl token create)")
}
