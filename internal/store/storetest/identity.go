package storetest

import (
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// identityTests is the contract of diary.Identity: link codes, links,
// consent, access requests, visits and chats, and the access workflow.
func identityTests() []contractTest {
	return append([]contractTest{
		{"Identity/Codes/RedeemEachKind", testRedeemEachKind},
		{"Identity/Codes/CreateRefused", testCreateCodesRefused},
		{"Identity/Codes/DuplicateHashConflict", testCreateCodesConflict},
		{"Identity/Codes/UnknownUsedAgain", testRedeemUnknownAndUsed},
		{"Identity/Codes/ExpiryByClock", testRedeemExpiry},
		{"Identity/Codes/ConcurrentRedeemOneWins", testRedeemConcurrent},
		{"Identity/Codes/RelinkIdempotent", testRelinkIdempotent},
		{"Identity/Codes/StaffInactive", testRedeemStaffInactive},
		{"Identity/Codes/StudentLeft", testRedeemStudentLeft},
		{"Identity/Links/RosterLeftEndsLinks", testRosterLeftEndsLinks},
		{"Identity/Links/StatusLeftEndsLinks", testStatusLeftEndsLinks},
		{"Identity/Links/ByPhoneOnlyThatSchool", testLinkByPhone},
		{"Identity/Links/ByPhoneRefused", testLinkByPhoneRefused},
		{"Identity/Links/End", testEndLinks},
		{"Identity/Consent/RecordAndActive", testConsentRecord},
		{"Identity/Consent/WithdrawEndsLinksKeepsHistory", testConsentWithdraw},
		{"Identity/Consent/Refused", testConsentRefused},
		{"Identity/AccessRequests", testAccessRequests},
		{"Identity/Visits", testVisits},
		{"Identity/LastFamilyVisit", testLastFamilyVisit},
		{"Identity/Chats", testChats},
		{"Identity/SyntheticChats", testSyntheticChats},
	}, append(workflowTests(), replaceTests()...)...)
}

// Telegram users and chats of the identity tests.
const (
	userBelova   int64 = 1001 // Белова Ирина, guardian
	userSmirnova int64 = 1002
	userVolkova  int64 = 1003
	userVolkov   int64 = 1004 // Волков Борис, student
	userIvanova  int64 = 1005 // Иванова Мария, class teacher
	userStranger int64 = 1999
	chatOffset   int64 = 500000 // a user's chat is user + chatOffset
)

// chatOf returns the chat of a test user.
func chatOf(user int64) int64 { return user + chatOffset }

// newCode returns a fresh canonical code.
func newCode(t *testing.T) string {
	t.Helper()
	code, err := diary.NewLinkCode(rand.Reader)
	must(t, err, "new code")
	return code
}

// guardianCode returns an unsaved code for a guardian about a student of r.
func guardianCode(t *testing.T, r *Refs, guardian, student string) diary.LinkCode {
	t.Helper()
	return diary.LinkCode{SchoolID: r.School.ID, Kind: diary.LinkGuardian,
		GuardianID: id(t, r.Guardians, guardian), StudentID: id(t, r.Students, student)}
}

// studentCode returns an unsaved code for a student of r.
func studentCode(t *testing.T, r *Refs, student string) diary.LinkCode {
	t.Helper()
	return diary.LinkCode{SchoolID: r.School.ID, Kind: diary.LinkStudent, StudentID: id(t, r.Students, student)}
}

// staffCode returns an unsaved code for a staff member of r.
func staffCode(t *testing.T, r *Refs, staff string) diary.LinkCode {
	t.Helper()
	return diary.LinkCode{SchoolID: r.School.ID, Kind: diary.LinkStaff, StaffID: id(t, r.Staff, staff)}
}

// issue stores c under a fresh code and returns the code and c as stored.
func (f *fixture) issue(t *testing.T, c diary.LinkCode) (string, diary.LinkCode) {
	t.Helper()
	code := newCode(t)
	c.Hash = diary.HashCode(code)
	codes := []diary.LinkCode{c}
	must(t, f.s.CreateLinkCodes(t.Context(), codes), "create link code")
	if codes[0].ID == 0 {
		t.Fatalf("created code has no id: %+v", codes[0])
	}
	return code, codes[0]
}

// redeem redeems code for user in the user's chat, failing on error.
func (f *fixture) redeem(t *testing.T, code string, user int64) (diary.LinkCode, diary.Link) {
	t.Helper()
	c, l, err := f.s.RedeemLinkCode(t.Context(), diary.HashCode(code), user, chatOf(user))
	must(t, err, "redeem %s for %d", code, user)
	return c, l
}

// redeemErr redeems code for user and returns the error.
func (f *fixture) redeemErr(t *testing.T, code string, user int64) error {
	t.Helper()
	_, _, err := f.s.RedeemLinkCode(t.Context(), diary.HashCode(code), user, chatOf(user))
	return err
}

// activeLinks returns the user's active links, failing on error.
func (f *fixture) activeLinks(t *testing.T, user int64) []diary.Link {
	t.Helper()
	ls, err := f.s.ActiveLinks(t.Context(), user)
	must(t, err, "active links of %d", user)
	return ls
}

// wantErr fails unless err matches want and carries its code.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) || diary.ErrorCode(err) != diary.ErrorCode(want) {
		t.Errorf("%s: err = %v, want %v", what, err, want)
	}
}

// us truncates an instant to the microsecond, as every store keeps it.
func us(t time.Time) time.Time { return t.Truncate(time.Microsecond) }

// normLinks truncates the instants of links for comparison.
func normLinks(ls ...diary.Link) []diary.Link {
	out := make([]diary.Link, len(ls))
	for i, l := range ls {
		l.CreatedAt, l.EndedAt = us(l.CreatedAt), us(l.EndedAt)
		out[i] = l
	}
	return out
}

// normCode truncates the instants of a code for comparison.
func normCode(c diary.LinkCode) diary.LinkCode {
	c.CreatedAt, c.ExpiresAt, c.UsedAt = us(c.CreatedAt), us(c.ExpiresAt), us(c.UsedAt)
	return c
}

// linkIDs returns the ids of links.
func linkIDs(ls []diary.Link) []int64 {
	out := make([]int64, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}
