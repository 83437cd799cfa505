package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func tokenTests() []contractTest {
	return []contractTest{
		{"Tokens/CreateLookUpRevoke", testTokens},
		{"Tokens/DuplicateHashConflict", testTokenConflict},
	}
}

// hashOf returns the hex SHA-256 of a secret, as tokens are stored.
func hashOf(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// createToken stores a token for the school and checks what comes back.
func (f *fixture) createToken(t *testing.T, schoolID int64, name, secret string) diary.APIToken {
	t.Helper()
	in := diary.APIToken{SchoolID: schoolID, Name: name, Hash: hashOf(secret)}
	got, err := f.s.CreateToken(t.Context(), in)
	must(t, err, "create token")
	if got.ID == 0 {
		t.Errorf("token without an id: %+v", got)
	}
	sameInstant(t, "token CreatedAt", got.CreatedAt, f.clock.Now())
	in.ID, in.CreatedAt = got.ID, got.CreatedAt
	equal(t, "created token", got, in)
	return got
}

func testTokens(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	journal := f.createToken(t, r.School.ID, "Журнал ГИС ЭО", "secret-1")
	f.clock.Advance(time.Minute)
	other := f.createToken(t, r.School.ID, "Расписание", "secret-2")
	got, err := f.s.TokenByHash(ctx, hashOf("secret-1"))
	must(t, err, "token by hash")
	equal(t, "token by hash", got, journal)
	must(t, f.s.RevokeToken(ctx, journal.ID), "revoke token")
	_, err = f.s.TokenByHash(ctx, hashOf("secret-1"))
	wantNotFound(t, err, "revoked token")
	got, err = f.s.TokenByHash(ctx, hashOf("secret-2"))
	must(t, err, "token by hash")
	equal(t, "the other token", got, other)
}

func testTokenConflict(t *testing.T, f *fixture) {
	r, second := f.small2(t)
	f.createToken(t, r.School.ID, "Журнал", "secret")
	for _, schoolID := range []int64{r.School.ID, second.School.ID} {
		_, err := f.s.CreateToken(t.Context(), diary.APIToken{SchoolID: schoolID, Name: "Копия", Hash: hashOf("secret")})
		if !errors.Is(err, diary.ErrConflict) || diary.ErrorCode(err) != diary.EConflict {
			t.Errorf("school %d: err = %v, want ErrConflict", schoolID, err)
		}
	}
	got, err := f.s.TokenByHash(t.Context(), hashOf("secret"))
	must(t, err, "token by hash")
	equal(t, "token name", got.Name, "Журнал")
}
