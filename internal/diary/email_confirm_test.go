package diary

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// TestNewEmailCode draws six digits, skipping the values that would bias
// them, and fails with its source.
func TestNewEmailCode(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"zero", []byte{0, 0, 0, 0}, "000000"},
		{"small", []byte{0, 0, 0x30, 0x39}, "012345"},
		{"biased value skipped", []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 7}, "000007"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewEmailCode(bytes.NewReader(tc.src))
			if err != nil || got != tc.want {
				t.Errorf("NewEmailCode = %q, %v, want %q", got, err, tc.want)
			}
		})
	}
	if _, err := NewEmailCode(bytes.NewReader(nil)); err == nil {
		t.Error("an empty source gave a code")
	}
}

// TestNormalizeEmailCode takes six digits with spaces or dashes.
func TestNormalizeEmailCode(t *testing.T) {
	for in, want := range map[string]string{"123456": "123456", " 123 456 ": "123456", "123-456": "123456",
		"12345": "", "1234567": "", "12345a": "", "+12345": "", "１２３４５６": ""} {
		got, ok := NormalizeEmailCode(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeEmailCode(%q) = %q, %v, want %q", in, got, ok, want)
		}
	}
}

// TestEmailPendingCheck: the right code in time confirms; a wrong one
// counts and says how many tries remain; the last wrong try, the expiry
// and a spent request end it.
func TestEmailPendingCheck(t *testing.T) {
	now := time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
	p, err := NewEmailPending(42, " ivanova@mail.ru ", "123456", now)
	if err != nil {
		t.Fatal(err)
	}
	if p.Email != "ivanova@mail.ru" || p.Hash == "" || p.Hash == "123456" || !p.ExpiresAt.Equal(now.Add(EmailCodeTTL)) {
		t.Fatalf("pending = %+v", p)
	}
	if _, res, err := p.Check("123 456", now.Add(EmailCodeTTL-time.Second)); err != nil || res.Email != p.Email {
		t.Errorf("right code in time: %+v, %v", res, err)
	}
	if _, _, err := p.Check("123456", now.Add(EmailCodeTTL)); !errors.Is(err, ErrCodeExpired) {
		t.Errorf("right code at the expiry: %v, want ErrCodeExpired", err)
	}
	for i := 1; i < EmailCodeTries; i++ {
		var res EmailCheck
		p, res, err = p.Check("654321", now)
		if !errors.Is(err, ErrEmailCodeWrong) || res.Left != EmailCodeTries-i || p.Tries != i {
			t.Fatalf("wrong try %d: left %d, tries %d, %v", i, res.Left, p.Tries, err)
		}
	}
	last, _, err := p.Check("654321", now)
	if !errors.Is(err, ErrCodeExpired) || last.Tries != EmailCodeTries {
		t.Errorf("last wrong try: tries %d, %v, want ErrCodeExpired", last.Tries, err)
	}
	if _, _, err := last.Check("123456", now); !errors.Is(err, ErrCodeExpired) {
		t.Errorf("right code after the tries ran out: %v, want ErrCodeExpired", err)
	}
	if _, _, err := p.Check("123456", now); err != nil {
		t.Errorf("right code at the last try: %v", err)
	}
}

// TestNewEmailPendingRefuses bad addresses and codes, and a hash is of its
// chat and address.
func TestNewEmailPendingRefuses(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct{ email, code string }{
		{"ivanova at mail.ru", "123456"}, {"", "123456"}, {"ivanova@mail.ru", "12345"}, {"ivanova@mail.ru", "12 3456"},
	} {
		if _, err := NewEmailPending(1, tc.email, tc.code, now); ErrorCode(err) != EInvalid {
			t.Errorf("%q %q: %v, want EInvalid", tc.email, tc.code, err)
		}
	}
	h := EmailCodeHash(1, "a@b.ru", "123456")
	if h == EmailCodeHash(2, "a@b.ru", "123456") || h == EmailCodeHash(1, "c@b.ru", "123456") || h != EmailCodeHash(1, "A@b.ru", "123456") {
		t.Error("the hash must depend on the chat and the address, not its case")
	}
}

// TestMaskEmail hides the middle of the mailbox.
func TestMaskEmail(t *testing.T) {
	for in, want := range map[string]string{"ivanova@mail.ru": "iv***@mail.ru", "ab@x.ru": "a***@x.ru",
		"a@x.ru": "a***@x.ru", "юлия@почта.рф": "юл***@почта.рф", "nonsense": "***"} {
		if got := MaskEmail(in); got != want {
			t.Errorf("MaskEmail(%q) = %q, want %q", in, got, want)
		}
	}
}
