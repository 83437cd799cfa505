package email

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/redact"
)

// Security is how a connection to the SMTP server is protected.
type Security int

const (
	// StartTLS (smtp://) connects in clear and upgrades with STARTTLS when
	// the server offers it; with a user and password it refuses to go on
	// without it, so a password never travels in clear.
	StartTLS Security = iota
	// ImplicitTLS (smtps://) speaks TLS from the first byte.
	ImplicitTLS
)

// DefaultTimeout bounds one send (dial, TLS, the SMTP dialogue) when the
// caller's context has no earlier deadline.
const DefaultTimeout = 30 * time.Second

// Config is where and as whom the email channel sends. Its String and
// GoString mask the password, so a Config may be logged as it is.
type Config struct {
	// Host and Port are the SMTP server's.
	Host string
	Port int
	// Security is StartTLS (smtp://) or ImplicitTLS (smtps://).
	Security Security
	// User and Password log in when User is not empty.
	User     string
	Password string
	// Insecure skips the verification of the server's certificate
	// (?insecure=1, for a local test server only).
	Insecure bool
	// RootCAs, when set, verifies the server's certificate against these
	// authorities instead of the system's (tests with their own CA).
	RootCAs *x509.CertPool
	// From is the sender: an address with an optional display name.
	From mail.Address
	// Timeout bounds one send; DefaultTimeout when zero.
	Timeout time.Duration
}

// ParseConfig reads SMTP_URL and SMTP_FROM:
//
//	smtp://user:pass@host:587    STARTTLS (port 587 when omitted)
//	smtps://user:pass@host:465   implicit TLS (port 465 when omitted)
//	smtp://host:25               no login
//	…?insecure=1                 skip the certificate check (local tests only)
//
// User and password are percent-decoded. The error says which setting is
// wrong and how, without the password.
func ParseConfig(smtpURL, from string) (Config, error) {
	c, err := parseURL(smtpURL)
	if err != nil {
		return Config{}, fmt.Errorf("SMTP_URL %s: %w", redact.URL(smtpURL), err)
	}
	if c.From, err = parseFrom(from); err != nil {
		return Config{}, fmt.Errorf("SMTP_FROM %q: %w", from, err)
	}
	return c, nil
}

// parseURL reads the server part of the config from SMTP_URL.
func parseURL(s string) (Config, error) {
	if strings.TrimSpace(s) == "" {
		return Config{}, errors.New("is empty; set it to smtp://user:password@host:587 or smtps://user:password@host:465")
	}
	u, err := url.Parse(s)
	if err != nil {
		return Config{}, errors.New(notURL) // the parser's words may quote the password
	}
	var c Config
	if c.Security, err = parseScheme(u.Scheme); err != nil {
		return Config{}, err
	}
	if c.Host, c.Port, err = parseHost(u, c.Security); err != nil {
		return Config{}, err
	}
	if err := checkPath(u); err != nil {
		return Config{}, err
	}
	c.User = u.User.Username()
	c.Password, _ = u.User.Password()
	return c, parseOptions(u.Query(), &c)
}

// notURL says what an unparsable SMTP_URL should look like.
const notURL = "is not a URL; write smtp://user:password@host:587 with @ / : ? # % in the user " +
	"or password percent-encoded (%40 %2F %3A %3F %23 %25)"

// parseScheme maps the URL's scheme to the connection's security.
func parseScheme(scheme string) (Security, error) {
	switch strings.ToLower(scheme) {
	case "smtp":
		return StartTLS, nil
	case "smtps":
		return ImplicitTLS, nil
	case "":
		return 0, errors.New("has no scheme; it must start with smtp:// (STARTTLS) or smtps:// (implicit TLS)")
	}
	return 0, fmt.Errorf("has the scheme %q; it must be smtp:// (STARTTLS) or smtps:// (implicit TLS)", scheme)
}

// parseHost reads the host and the port, defaulting the port by security.
func parseHost(u *url.URL, sec Security) (string, int, error) {
	host := u.Hostname()
	if host == "" {
		return "", 0, errors.New("has no host; write the server after the scheme, as in smtp://mail.example.ru:587")
	}
	p := u.Port()
	if p == "" {
		return host, defaultPort(sec), nil
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 1 || port > 65535 {
		return "", 0, fmt.Errorf("has the port %q; a port is a number from 1 to 65535", p)
	}
	return host, port, nil
}

// defaultPort is the submission port of each security.
func defaultPort(sec Security) int {
	if sec == ImplicitTLS {
		return 465
	}
	return 587
}

// checkPath refuses a path, which an SMTP URL cannot have: it is mostly a
// password with an unescaped slash.
func checkPath(u *url.URL) error {
	if u.Path == "" || u.Path == "/" {
		return nil
	}
	return errors.New("has a path after the host; an SMTP URL has none (percent-encode a / in the password as %2F)")
}

// parseOptions reads the query options; an unknown one is an error, so a
// misspelt option does not pass unnoticed.
func parseOptions(q url.Values, c *Config) error {
	for k, vs := range q {
		if k != "insecure" {
			return fmt.Errorf("has the unknown option %q; the only option is insecure=1", k)
		}
		v := vs[len(vs)-1]
		on, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("has insecure=%q; write insecure=1 or insecure=0", v)
		}
		c.Insecure = on
	}
	return nil
}

// parseFrom reads the sender: "noreply@school.ru" or
// "Школа № 5 <noreply@school.ru>".
func parseFrom(s string) (mail.Address, error) {
	if strings.TrimSpace(s) == "" {
		return mail.Address{}, errors.New("is empty; set the sender, as in Школа № 5 <noreply@school.ru>")
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		return mail.Address{}, fmt.Errorf("is not an email address (%v); write noreply@school.ru or \"Школа № 5\" <noreply@school.ru>", err)
	}
	return *a, nil
}

// Addr is the server's host:port.
func (c Config) Addr() string {
	return net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}

// Redacted is the config as an SMTP URL with the password masked, and the
// sender: what logs may show.
func (c Config) Redacted() string {
	u := url.URL{Scheme: "smtp", Host: c.Addr()}
	if c.Security == ImplicitTLS {
		u.Scheme = "smtps"
	}
	if c.User != "" {
		u.User = url.UserPassword(c.User, redact.Mask)
	}
	if c.Insecure {
		u.RawQuery = "insecure=1"
	}
	s := strings.Replace(u.String(), ":%2A%2A%2A@", ":"+redact.Mask+"@", 1)
	return s + " from " + fromString(c.From)
}

// fromString shows a sender as people write it, the name unencoded.
func fromString(a mail.Address) string {
	if a.Name == "" {
		return a.Address
	}
	return strconv.Quote(a.Name) + " <" + a.Address + ">"
}

// String is Redacted.
func (c Config) String() string { return c.Redacted() }

// GoString is Redacted, so %#v does not show the password either.
func (c Config) GoString() string { return "email.Config{" + c.Redacted() + "}" }
