package diary

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// An email address becomes a chat's address for its notices (clauses
// 3.3.6–3.3.7: email is the family's other channel) only once the family
// typed back a six-digit code the bot sent to it.
const (
	EmailCodeDigits = 6                // digits of a confirmation code
	EmailCodeTTL    = 15 * time.Minute // how long a code works
	EmailCodeTries  = 5                // wrong codes before it stops working
)

// EEmailCodeWrong is the code of ErrEmailCodeWrong.
const EEmailCodeWrong = "email_code_wrong"

// ErrEmailCodeWrong: the code typed is not the one sent; the try counts.
var ErrEmailCodeWrong = &Error{Code: EEmailCodeWrong, Message: "the email confirmation code is wrong"}

// EmailConfirmations keeps the pending confirmation of each chat's email
// address. Only a code's hash is stored.
type EmailConfirmations interface {
	// StartEmailConfirm records that code was sent to email to confirm it
	// as the chat's address, replacing the chat's earlier request; it works
	// EmailCodeTTL from now for EmailCodeTries wrong tries. EInvalid for an
	// implausible address or a code that is not EmailCodeDigits digits;
	// ErrNotFound for a chat the store does not know.
	StartEmailConfirm(ctx context.Context, chatID int64, email, code string) error
	// ConfirmEmail checks code against the chat's request. When it matches,
	// the address becomes the chat's email (its channel kept), the request
	// ends and EmailCheck.Email says which address. ErrEmailCodeWrong for
	// another code, the try counted and EmailCheck.Left saying how many
	// remain; ErrCodeExpired past the expiry or after the last wrong try;
	// ErrNotFound when the chat requested nothing.
	ConfirmEmail(ctx context.Context, chatID int64, code string) (EmailCheck, error)
}

// EmailCheck is the outcome of ConfirmEmail.
type EmailCheck struct {
	Email string // the address the request is about
	Left  int    // wrong tries left after this one
}

// EmailPending is a chat's request to confirm an address, as stored.
type EmailPending struct {
	ChatID    int64
	Email     string
	Hash      string // EmailCodeHash of the code sent
	ExpiresAt time.Time
	Tries     int // wrong codes typed so far
}

// NewEmailCode returns a uniformly random code of EmailCodeDigits digits
// read from r (crypto/rand in production).
func NewEmailCode(r io.Reader) (string, error) {
	const limit = 4_294_000_000 // the largest multiple of 10^6 below 2^32
	var buf [4]byte
	for {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return "", fmt.Errorf("new email code: %w", err)
		}
		if n := binary.BigEndian.Uint32(buf[:]); n < limit {
			return fmt.Sprintf("%06d", n%1_000_000), nil
		}
	}
}

// NormalizeEmailCode returns the code typed with spaces and dashes removed;
// ok is false when what remains is not EmailCodeDigits digits.
func NormalizeEmailCode(s string) (code string, ok bool) {
	code = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if len(code) != EmailCodeDigits || strings.Trim(code, "0123456789") != "" {
		return "", false
	}
	return code, true
}

// EmailCodeHash is what the store keeps of a code: a SHA-256 of the chat,
// the address and the code, so that a hash tells nothing about another
// chat's or another address's code.
func EmailCodeHash(chatID int64, email, code string) string {
	h := sha256.Sum256([]byte(strconv.FormatInt(chatID, 10) + "\x00" + strings.ToLower(email) + "\x00" + code))
	return hex.EncodeToString(h[:])
}

// NewEmailPending checks a StartEmailConfirm request and returns what to
// store at now; the error has code EInvalid.
func NewEmailPending(chatID int64, email, code string, now time.Time) (EmailPending, error) {
	email = strings.TrimSpace(email)
	if !PlausibleEmail(email) {
		return EmailPending{}, Errorf(EInvalid, "email confirm: %q is not an email address", email)
	}
	if c, ok := NormalizeEmailCode(code); !ok || c != code {
		return EmailPending{}, Errorf(EInvalid, "email confirm: the code is not %d digits", EmailCodeDigits)
	}
	return EmailPending{ChatID: chatID, Email: email, Hash: EmailCodeHash(chatID, email, code),
		ExpiresAt: now.Add(EmailCodeTTL)}, nil
}

// Check decides a code typed at now against p and returns p with the try
// counted: nil when the code matches while p still works; ErrCodeExpired
// past the expiry, out of tries, or at the last wrong try; ErrEmailCodeWrong
// otherwise, with the tries left.
func (p EmailPending) Check(code string, now time.Time) (EmailPending, EmailCheck, error) {
	res := EmailCheck{Email: p.Email, Left: max(EmailCodeTries-p.Tries, 0)}
	if !now.Before(p.ExpiresAt) || p.Tries >= EmailCodeTries {
		return p, res, ErrCodeExpired
	}
	code, _ = NormalizeEmailCode(code)
	got := EmailCodeHash(p.ChatID, p.Email, code)
	if subtle.ConstantTimeCompare([]byte(got), []byte(p.Hash)) == 1 {
		return p, res, nil
	}
	p.Tries++
	res.Left--
	if res.Left == 0 {
		return p, res, ErrCodeExpired
	}
	return p, res, ErrEmailCodeWrong
}

// MaskEmail shows an address partly, for a chat's screen: the first two
// characters of the mailbox, then «***», then the domain («iv***@mail.ru»);
// a mailbox of two characters or fewer keeps only its first.
func MaskEmail(email string) string {
	local, domain, ok := strings.Cut(email, "@")
	if !ok {
		return "***"
	}
	r := []rune(local)
	keep := min(2, len(r))
	if len(r) <= 2 {
		keep = min(1, len(r))
	}
	return string(r[:keep]) + "***@" + domain
}
