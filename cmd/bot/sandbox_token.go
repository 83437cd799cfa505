package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
)

// The sandbox keeps its one API token in a file next to its store (mode 0600)
// and reuses it on every start, so restarts neither pile up live tokens nor
// break the printed commands. A token of the file that the store no longer
// knows, or that belongs to another school, is replaced (and revoked).

// sandboxTokenPath is the file that keeps the sandbox's token secret.
func sandboxTokenPath(dbPath string) string { return dbPath + ".token" }

// sandboxToken returns the live token kept in path for school, creating and
// keeping a new one when there is none.
func sandboxToken(ctx context.Context, db diary.Tokens, school diary.School, path string) (string, error) {
	secret, err := readTokenFile(path)
	if err != nil {
		return "", err
	}
	if secret != "" {
		ok, err := keepToken(ctx, db, school, secret)
		if err != nil || ok {
			return secret, err
		}
	}
	return newSandboxToken(ctx, db, school, path)
}

// keepToken reports whether secret is a live token of school; a live token of
// another school is revoked.
func keepToken(ctx context.Context, db diary.Tokens, school diary.School, secret string) (bool, error) {
	t, err := db.TokenByHash(ctx, httpapi.HashToken(secret))
	switch {
	case errors.Is(err, diary.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sandbox: token: %w", err)
	case t.SchoolID == school.ID:
		return true, nil
	}
	if err := db.RevokeToken(ctx, t.ID); err != nil {
		return false, fmt.Errorf("sandbox: revoke token: %w", err)
	}
	return false, nil
}

// newSandboxToken creates a token for school and keeps its secret in path; the
// token is revoked again when the file cannot be written.
func newSandboxToken(ctx context.Context, db diary.Tokens, school diary.School, path string) (string, error) {
	secret, hash, err := httpapi.NewToken()
	if err != nil {
		return "", err
	}
	t, err := db.CreateToken(ctx, diary.APIToken{SchoolID: school.ID, Name: sandboxTokenName, Hash: hash})
	if err != nil {
		return "", fmt.Errorf("sandbox: create token: %w", err)
	}
	if err := writeTokenFile(path, secret); err != nil {
		if rerr := db.RevokeToken(ctx, t.ID); rerr != nil {
			return "", errors.Join(err, fmt.Errorf("sandbox: revoke token: %w", rerr))
		}
		return "", err
	}
	return secret, nil
}

// readTokenFile returns the secret kept in path, "" when there is no file.
func readTokenFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sandbox: token file: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// writeTokenFile replaces path with secret, readable by the owner only.
func writeTokenFile(path, secret string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("sandbox: token file: %w", err)
	}
	_, werr := tmp.WriteString(secret + "\n")
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("sandbox: token file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("sandbox: token file: %w", err)
	}
	return nil
}
