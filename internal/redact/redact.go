// Package redact hides the secrets of connection strings wherever they are
// shown: logs, settings and error messages. Every such place uses URL; an
// error that may quote a token goes through Secret.
package redact

import (
	"errors"
	"net/url"
	"strings"
)

// Mask replaces a secret wherever one is shown.
const Mask = "***"

// secretParams are the query parameters that carry a password.
var secretParams = []string{"password", "sslpassword"}

// URL returns u with its password, and any password in its query, shown as
// Mask. An empty string and a SQLite DSN (sqlite:path) are returned as they
// are: they hold no secret. A string that does not parse as a URL with a
// scheme is cut after the scheme ("scheme://***", "scheme:***", or Mask when
// it has none), as all of it may be a secret.
func URL(u string) string {
	if u == "" || strings.HasPrefix(u, "sqlite:") {
		return u
	}
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || p.Opaque != "" {
		return cutAfterScheme(u)
	}
	if _, has := p.User.Password(); has {
		p.User = url.UserPassword(p.User.Username(), Mask)
	}
	q := p.Query()
	for _, k := range secretParams {
		if q.Has(k) {
			q.Set(k, Mask)
		}
	}
	p.RawQuery = q.Encode()
	return strings.ReplaceAll(p.String(), url.QueryEscape(Mask), Mask)
}

// cutAfterScheme keeps only the scheme of u, Mask for the rest.
func cutAfterScheme(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		return u[:i+3] + Mask
	}
	if i := strings.IndexByte(u, ':'); i >= 0 {
		return u[:i+1] + Mask
	}
	return Mask
}

// Error returns err with the URL a *url.Error in its chain quotes (a parse
// error does: `parse "redis://:secret@[bad": …`) shown as URL shows it; err
// stays in the chain for errors.Is and errors.As. Other errors, and nil, are
// returned as they are.
func Error(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) || ue.URL == URL(ue.URL) {
		return err
	}
	return &redacted{msg: strings.ReplaceAll(err.Error(), ue.URL, URL(ue.URL)), err: err}
}

// Secret returns err with every occurrence of secret in its message (a bot
// token in a request URL, say) shown as Mask; err stays in the chain for
// errors.Is and errors.As. nil, an empty secret and a message without it
// are returned as they are.
func Secret(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redacted{msg: strings.ReplaceAll(err.Error(), secret, Mask), err: err}
}

// redacted is an error whose message hides a URL's secrets.
type redacted struct {
	msg string
	err error
}

// Error implements error.
func (e *redacted) Error() string { return e.msg }

// Unwrap returns the error with the URL in its message.
func (e *redacted) Unwrap() error { return e.err }
