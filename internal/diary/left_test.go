package diary

import (
	"errors"
	"fmt"
	"testing"
)

// TestLeftErrorIsStudentLeft: a departure with its reason is still the
// refusal ErrStudentLeft, with its code, and gives its reason and date back.
func TestLeftErrorIsStudentLeft(t *testing.T) {
	s := Student{ID: 1, Status: Left, LeftOn: MustDate("2026-10-20"), LeftReason: LeftTransferred}
	err := fmt.Errorf("redeem: %w", CheckRedeem(LinkStudent, RedeemFacts{Student: s}))
	if !errors.Is(err, ErrStudentLeft) || ErrorCode(err) != EStudentLeft || !IsAccessDenied(err) {
		t.Fatalf("err = %v: not ErrStudentLeft (code %q)", err, ErrorCode(err))
	}
	if reason, on := DepartureOf(err); reason != LeftTransferred || on != s.LeftOn {
		t.Errorf("DepartureOf = %q, %s", reason, on)
	}
	if reason, on := DepartureOf(ErrStudentLeft); reason != "" || !on.IsZero() {
		t.Errorf("DepartureOf(ErrStudentLeft) = %q, %s", reason, on)
	}
}
