package diary

import (
	"errors"
	"testing"
	"time"
)

func TestLinkCodeValidate(t *testing.T) {
	created := time.Date(2026, 10, 5, 6, 0, 0, 0, time.UTC)
	ok := LinkCode{SchoolID: 1, Kind: LinkGuardian, GuardianID: 2, StudentID: 3, Hash: "h", CreatedAt: created}
	tests := []struct {
		name  string
		edit  func(c *LinkCode)
		valid bool
	}{
		{"guardian", func(c *LinkCode) {}, true},
		{"student", func(c *LinkCode) { c.Kind, c.GuardianID = LinkStudent, 0 }, true},
		{"staff", func(c *LinkCode) { c.Kind, c.GuardianID, c.StudentID, c.StaffID = LinkStaff, 0, 0, 4 }, true},
		{"expiry after creation", func(c *LinkCode) { c.ExpiresAt = created.Add(time.Second) }, true},
		{"guardian without student", func(c *LinkCode) { c.StudentID = 0 }, false},
		{"student with guardian", func(c *LinkCode) { c.Kind = LinkStudent }, false},
		{"staff with student", func(c *LinkCode) { c.Kind, c.GuardianID, c.StaffID = LinkStaff, 0, 4 }, false},
		{"unknown kind", func(c *LinkCode) { c.Kind = "teacher" }, false},
		{"no school", func(c *LinkCode) { c.SchoolID = 0 }, false},
		{"no hash", func(c *LinkCode) { c.Hash = "" }, false},
		{"expires at creation", func(c *LinkCode) { c.ExpiresAt = created }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			err := c.Validate()
			if got := err == nil; got != tc.valid {
				t.Fatalf("Validate() = %v, want valid %v", err, tc.valid)
			}
			if err != nil && ErrorCode(err) != EInvalid {
				t.Errorf("code = %q, want %q", ErrorCode(err), EInvalid)
			}
		})
	}
}

func TestLinkCodeUsable(t *testing.T) {
	now := time.Date(2026, 10, 5, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		code LinkCode
		want error
	}{
		{"fresh", LinkCode{ExpiresAt: now.Add(time.Nanosecond)}, nil},
		{"expires now", LinkCode{ExpiresAt: now}, ErrCodeExpired},
		{"expired", LinkCode{ExpiresAt: now.Add(-time.Hour)}, ErrCodeExpired},
		{"used", LinkCode{ExpiresAt: now.Add(time.Hour), UsedAt: now.Add(-time.Hour)}, ErrCodeUsed},
		{"used and expired", LinkCode{ExpiresAt: now.Add(-time.Hour), UsedAt: now.Add(-2 * time.Hour)}, ErrCodeUsed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.code.Usable(now); got != tc.want {
				t.Errorf("Usable = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCodeErrorsAreDistinct(t *testing.T) {
	errs := []error{ErrCodeUsed, ErrCodeExpired, ErrStudentLeft, ErrNotGuardian, ErrNotStudent, ErrNoConsent}
	for i, a := range errs {
		for j, b := range errs {
			if got := errors.Is(a, b); got != (i == j) {
				t.Errorf("errors.Is(%v, %v) = %v", a, b, got)
			}
		}
	}
	if !errors.Is(ErrStaffInactive, ErrNotFound) {
		t.Error("ErrStaffInactive does not match ErrNotFound")
	}
}

func TestCheckRedeem(t *testing.T) {
	today := MustDate("2026-10-05")
	enrolled := Student{ID: 1, Status: Enrolled}
	left := Student{ID: 1, Status: Left, LeftOn: MustDate("2026-10-20"), LeftReason: LeftExpelled}
	working := Staff{ID: 2, ActiveFrom: MustDate("2020-09-01")}
	tests := []struct {
		name string
		kind LinkKind
		f    RedeemFacts
		want error
	}{
		{"guardian", LinkGuardian, RedeemFacts{Student: enrolled, IsGuardian: true}, nil},
		{"guardian no longer", LinkGuardian, RedeemFacts{Student: enrolled}, ErrNotGuardian},
		{"guardian of a left student", LinkGuardian, RedeemFacts{Student: left, IsGuardian: true}, ErrStudentLeft},
		{"student", LinkStudent, RedeemFacts{Student: enrolled}, nil},
		{"student left (leaving date ahead)", LinkStudent, RedeemFacts{Student: left, Today: today}, ErrStudentLeft},
		{"student unknown", LinkStudent, RedeemFacts{}, ErrStudentLeft},
		{"staff", LinkStaff, RedeemFacts{Staff: working, Today: today}, nil},
		{"staff not started", LinkStaff, RedeemFacts{Staff: Staff{ID: 2, ActiveFrom: MustDate("2026-11-01")}, Today: today}, ErrStaffInactive},
		{"staff left", LinkStaff, RedeemFacts{Staff: Staff{ID: 2, ActiveTo: MustDate("2026-10-04")}, Today: today}, ErrStaffInactive},
		{"staff last day", LinkStaff, RedeemFacts{Staff: Staff{ID: 2, ActiveTo: today}, Today: today}, nil},
		{"staff unknown", LinkStaff, RedeemFacts{Today: today}, ErrStaffInactive},
		{"unknown kind", "x", RedeemFacts{Student: enrolled}, ErrNoRole},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckRedeem(tc.kind, tc.f)
			if (got == nil) != (tc.want == nil) || !errors.Is(got, tc.want) {
				t.Errorf("CheckRedeem = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNewLinkAndSamePerson(t *testing.T) {
	now := time.Date(2026, 10, 5, 6, 0, 0, 0, time.UTC)
	c := LinkCode{ID: 9, SchoolID: 1, Kind: LinkGuardian, GuardianID: 2, StudentID: 3}
	got := NewLink(c, 100, 200, now)
	want := Link{SchoolID: 1, Kind: LinkGuardian, TelegramUserID: 100, ChatID: 200, GuardianID: 2, StudentID: 3, CreatedAt: now}
	if got != want {
		t.Fatalf("NewLink = %+v, want %+v", got, want)
	}
	if !got.Active() {
		t.Error("a new link is not active")
	}
	tests := []struct {
		name string
		edit func(l *Link)
		same bool
	}{
		{"other chat and time", func(l *Link) { l.ChatID, l.ID, l.CreatedAt = 5, 7, now.Add(time.Hour) }, true},
		{"other user", func(l *Link) { l.TelegramUserID = 101 }, false},
		{"other child", func(l *Link) { l.StudentID = 4 }, false},
		{"other guardian", func(l *Link) { l.GuardianID = 5 }, false},
		{"student kind", func(l *Link) { l.Kind, l.GuardianID = LinkStudent, 0 }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := got
			tc.edit(&o)
			if s := got.SamePerson(o); s != tc.same {
				t.Errorf("SamePerson = %v, want %v", s, tc.same)
			}
		})
	}
}

func TestIdentityValidate(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		valid bool
	}{
		{"consent", Consent{TelegramUserID: 1, StudentID: 2, Version: "2026-09"}.Validate(), true},
		{"consent without version", Consent{TelegramUserID: 1, StudentID: 2}.Validate(), false},
		{"consent without user", Consent{StudentID: 2, Version: "1"}.Validate(), false},
		{"request", AccessRequest{SchoolID: 1, TelegramUserID: 2, Name: "Белова Ирина", ChildName: "Белов Антон"}.Validate(), true},
		{"request without child", AccessRequest{SchoolID: 1, TelegramUserID: 2, Name: "Белова Ирина"}.Validate(), false},
		{"visit", Visit{SchoolID: 1, TelegramUserID: 2, View: "grades"}.Validate(), true},
		{"visit without view", Visit{SchoolID: 1, TelegramUserID: 2}.Validate(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err == nil; got != tc.valid {
				t.Fatalf("Validate() = %v, want valid %v", tc.err, tc.valid)
			}
			if tc.err != nil && ErrorCode(tc.err) != EInvalid {
				t.Errorf("code = %q, want %q", ErrorCode(tc.err), EInvalid)
			}
		})
	}
}
