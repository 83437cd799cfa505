package redact

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"sqlite", "sqlite:./data/x.db", "sqlite:./data/x.db"},
		{"postgres password", "postgres://user:pass@host/db", "postgres://user:***@host/db"},
		{"postgres password, port and query", "postgres://diary:hunter2@db:5432/diary?sslmode=disable",
			"postgres://diary:***@db:5432/diary?sslmode=disable"},
		{"password in query", "postgres://db/diary?password=hunter2", "postgres://db/diary?password=***"},
		{"sslpassword in query", "postgresql://db/d?sslpassword=k3y&sslmode=verify-full",
			"postgresql://db/d?sslmode=verify-full&sslpassword=***"},
		{"redis password only", "redis://:pass@host", "redis://:***@host"},
		{"redis password and db", "redis://:hunter2@redis:6379/0", "redis://:***@redis:6379/0"},
		{"smtps", "smtps://u:p@h", "smtps://u:***@h"},
		{"no password", "postgres://diary@db/diary", "postgres://diary@db/diary"},
		{"https without userinfo", "https://api.telegram.org", "https://api.telegram.org"},
		{"unparsable after the scheme", "postgres://a:b@[bad/x", "postgres://***"},
		{"scheme and opaque", "redis:hunter2@host", "redis:***"},
		{"garbage", "not a url: user=diary password=hunter2", "not a url:***"},
		{"keywords without a scheme", "host=db password=hunter2", "***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := URL(tt.in)
			if got != tt.want {
				t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, secret := range []string{"pass@", ":p@", "hunter2", "k3y"} {
				if strings.Contains(got, secret) {
					t.Errorf("URL(%q) = %q shows the secret %q", tt.in, got, secret)
				}
			}
		})
	}
}

func TestError(t *testing.T) {
	_, parseErr := url.Parse("redis://:hunter2@[bad")
	wrapped := fmt.Errorf("open: %w", parseErr)
	got := Error(wrapped)
	if want := `open: parse "redis://***": missing ']' in host`; got.Error() != want {
		t.Errorf("Error(%v) = %q, want %q", wrapped, got, want)
	}
	if !errors.Is(got, parseErr) {
		t.Errorf("Error(%v) lost the parse error from its chain", wrapped)
	}
	plain := errors.New("no url here")
	if Error(plain) != plain || Error(nil) != nil {
		t.Error("Error changed an error without a URL, or nil")
	}
	var noSecret error = &url.Error{Op: "Get", URL: "https://example.org/x", Err: io.EOF}
	if Error(noSecret) != noSecret {
		t.Error("Error changed an error quoting a URL without a secret")
	}
}

func TestSecret(t *testing.T) {
	const token = "123:verysecret"
	base := errors.New(`Post "https://api.telegram.org/bot123:verysecret/getMe": EOF`)
	wrapped := fmt.Errorf("get me: %w", base)
	got := Secret(wrapped, token)
	if want := `get me: Post "https://api.telegram.org/bot***/getMe": EOF`; got.Error() != want {
		t.Errorf("Secret = %q, want %q", got, want)
	}
	if !errors.Is(got, base) {
		t.Error("Secret lost the error from its chain")
	}
	tests := []struct {
		name   string
		err    error
		secret string
	}{
		{"nil", nil, token},
		{"empty secret", base, ""},
		{"not quoted", errors.New("timeout"), token},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Secret(tt.err, tt.secret); got != tt.err {
				t.Errorf("Secret(%v, %q) = %v, want it unchanged", tt.err, tt.secret, got)
			}
		})
	}
}
