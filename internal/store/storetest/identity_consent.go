package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// consent records c and checks the returned consent.
func (f *fixture) consent(t *testing.T, c diary.Consent) diary.Consent {
	t.Helper()
	got, err := f.s.RecordConsent(t.Context(), c)
	must(t, err, "record consent")
	if got.ID == 0 {
		t.Fatalf("consent without an id: %+v", got)
	}
	return got
}

// normConsents truncates the instants of consents for comparison.
func normConsents(cs ...diary.Consent) []diary.Consent {
	out := make([]diary.Consent, len(cs))
	for i, c := range cs {
		c.AcceptedAt, c.WithdrawnAt = us(c.AcceptedAt), us(c.WithdrawnAt)
		out[i] = c
	}
	return out
}

// Consents are recorded with their version and time; the same version again
// is the same record; the latest active one counts.
func testConsentRecord(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	in := diary.Consent{TelegramUserID: userBelova, GuardianID: id(t, r.Guardians, GuardianBelova), StudentID: belov, Version: "2026-09"}
	c1 := f.consent(t, in)
	in.ID, in.AcceptedAt = c1.ID, f.clock.Now()
	equal(t, "consent", normConsents(c1), normConsents(in))
	f.clock.Advance(time.Hour)
	equal(t, "same version again", normConsents(f.consent(t, in)), normConsents(c1))
	in.ID, in.Version, in.AcceptedAt = 0, "2027-01", time.Time{}
	c2 := f.consent(t, in)
	sameInstant(t, "second consent accepted", c2.AcceptedAt, f.clock.Now())
	got, err := f.s.ActiveConsent(ctx, userBelova, belov)
	must(t, err, "active consent")
	equal(t, "active consent", normConsents(got), normConsents(c2))
	own := f.consent(t, diary.Consent{TelegramUserID: userVolkov, StudentID: id(t, r.Students, StudentVolkov),
		Version: "2026-09", AcceptedAt: Start.Add(-24 * time.Hour)})
	sameInstant(t, "given acceptance time", own.AcceptedAt, Start.Add(-24*time.Hour))
	_, err = f.s.ActiveConsent(ctx, userSmirnova, belov)
	wantNotFound(t, err, "consent of another user")
	_, err = f.s.ActiveConsent(ctx, userBelova, id(t, r.Students, StudentVolkov))
	wantNotFound(t, err, "consent for another child")
	history, err := f.s.ConsentHistory(ctx, belov)
	must(t, err, "consent history")
	equal(t, "history", normConsents(history...), normConsents(c1, c2))
}

// Withdrawal ends the user's links to that child at once, keeps every
// record with its withdrawal time, and leaves other children alone.
func testConsentWithdraw(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	links, err := f.s.LinkByPhone(ctx, r.School.ID, PhoneBelova, userBelova, chatOf(userBelova))
	must(t, err, "link by phone")
	guardian := id(t, r.Guardians, GuardianBelova)
	belov, belova := id(t, r.Students, StudentBelov), id(t, r.Students, StudentBelova)
	c1 := f.consent(t, diary.Consent{TelegramUserID: userBelova, GuardianID: guardian, StudentID: belov, Version: "1"})
	c2 := f.consent(t, diary.Consent{TelegramUserID: userBelova, GuardianID: guardian, StudentID: belova, Version: "1"})
	code, _ := f.issue(t, guardianCode(t, r, GuardianSmirnova, StudentBelov))
	_, smirnova := f.redeem(t, code, userSmirnova)
	f.clock.Advance(time.Hour)
	must(t, f.s.WithdrawConsent(ctx, userBelova, belov), "withdraw consent")
	equal(t, "links after withdrawal", linkIDs(f.activeLinks(t, userBelova)), []int64{links[1].ID})
	equal(t, "another user's link", linkIDs(f.activeLinks(t, userSmirnova)), []int64{smirnova.ID})
	_, err = f.s.ActiveConsent(ctx, userBelova, belov)
	wantNotFound(t, err, "withdrawn consent")
	got, err := f.s.ActiveConsent(ctx, userBelova, belova)
	must(t, err, "consent for the other child")
	equal(t, "consent for the other child", normConsents(got), normConsents(c2))
	history, err := f.s.ConsentHistory(ctx, belov)
	must(t, err, "consent history")
	c1.WithdrawnAt = f.clock.Now()
	equal(t, "history keeps the withdrawn consent", normConsents(history...), normConsents(c1))
	wantNotFound(t, f.s.WithdrawConsent(ctx, userBelova, belov), "withdraw again")
	must(t, f.s.WithdrawConsent(ctx, userSmirnova, belov), "withdraw with a link and no consent")
	equal(t, "links of the representative", len(f.activeLinks(t, userSmirnova)), 0)
	renewed := f.consent(t, diary.Consent{TelegramUserID: userBelova, GuardianID: guardian, StudentID: belov, Version: "1"})
	if renewed.ID == c1.ID || !renewed.Active() {
		t.Errorf("consent after withdrawal = %+v, want a new active record", renewed)
	}
}

// A consent without user, student or version is EInvalid; one about an
// unknown student or guardian ErrNotFound.
func testConsentRefused(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	for name, c := range map[string]diary.Consent{
		"no version": {TelegramUserID: userBelova, StudentID: belov},
		"no user":    {StudentID: belov, Version: "1"},
		"no student": {TelegramUserID: userBelova, Version: "1"},
	} {
		if _, err := f.s.RecordConsent(ctx, c); !isInvalid(err) {
			t.Errorf("%s: err = %v, want EInvalid", name, err)
		}
	}
	_, err := f.s.RecordConsent(ctx, diary.Consent{TelegramUserID: userBelova, StudentID: 1 << 40, Version: "1"})
	wantNotFound(t, err, "unknown student")
	_, err = f.s.RecordConsent(ctx, diary.Consent{TelegramUserID: userBelova, GuardianID: 1 << 40, StudentID: belov, Version: "1"})
	wantNotFound(t, err, "unknown guardian")
	history, err := f.s.ConsentHistory(ctx, belov)
	must(t, err, "consent history")
	equal(t, "history", len(history), 0)
}
