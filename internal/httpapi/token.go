package httpapi

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
)

// NewToken returns a new API token secret (32 random bytes, base64url without
// padding) and the hash the store keeps. The secret is shown once and never
// stored.
func NewToken() (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret), nil
}
