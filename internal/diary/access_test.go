package diary_test

import (
	"errors"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestCanView(t *testing.T) {
	today := d("2026-10-20")
	kid := diary.Student{ID: 7, SchoolID: 1, ClassID: 50, Status: diary.Enrolled}
	expelled := diary.Student{ID: 7, SchoolID: 1, ClassID: 50, Status: diary.Left, LeftOn: d("2026-10-01"), LeftReason: diary.LeftExpelled}
	leavingSoon := diary.Student{ID: 7, SchoolID: 1, ClassID: 50, Status: diary.Left, LeftOn: d("2026-10-21"), LeftReason: diary.LeftTransferred}
	facts := func(s diary.Student) diary.AccessFacts {
		return diary.AccessFacts{Student: s, ClassLevel: 6, Linked: true, Consent: true}
	}
	guardian := diary.Viewer{Kind: diary.ViewerGuardian, ID: 30, SchoolID: 1}
	student := diary.Viewer{Kind: diary.ViewerStudent, ID: 7, SchoolID: 1}
	staff := func(school int64, roles ...diary.StaffRole) diary.Viewer {
		return diary.Viewer{Kind: diary.ViewerStaff, ID: 90, SchoolID: school, Roles: roles}
	}
	role := func(r diary.Role) diary.StaffRole { return diary.StaffRole{Role: r} }
	tests := []struct {
		name string
		v    diary.Viewer
		f    diary.AccessFacts
		want error
	}{
		{"guardian of enrolled child with consent", guardian, facts(kid), nil},
		{"guardian not linked", guardian, diary.AccessFacts{Student: kid, Consent: true}, diary.ErrNotGuardian},
		{"guardian not linked, left child: no leak", guardian, diary.AccessFacts{Student: expelled, Consent: true}, diary.ErrNotGuardian},
		{"guardian of another school", diary.Viewer{Kind: diary.ViewerGuardian, ID: 30, SchoolID: 2}, facts(kid), diary.ErrNotGuardian},
		{"guardian without id", diary.Viewer{Kind: diary.ViewerGuardian, SchoolID: 1}, facts(kid), diary.ErrNotGuardian},
		{"guardian of expelled child", guardian, facts(expelled), diary.ErrStudentLeft},
		{"guardian before the leaving day", guardian, facts(leavingSoon), nil},
		{"guardian without consent", guardian, diary.AccessFacts{Student: kid, Linked: true}, diary.ErrNoConsent},
		{"left comes before consent", guardian, diary.AccessFacts{Student: expelled, Linked: true}, diary.ErrStudentLeft},
		{"student themself", student, facts(kid), nil},
		{"student other", diary.Viewer{Kind: diary.ViewerStudent, ID: 8, SchoolID: 1}, facts(kid), diary.ErrNotStudent},
		{"student zero ids", diary.Viewer{Kind: diary.ViewerStudent}, diary.AccessFacts{}, diary.ErrNotStudent},
		{"student left", student, facts(expelled), diary.ErrStudentLeft},
		{"student without consent", student, diary.AccessFacts{Student: kid}, diary.ErrNoConsent},
		{"director", staff(1, role(diary.RoleDirector)), facts(kid), nil},
		{"journal admin", staff(1, role(diary.RoleJournalAdmin)), facts(kid), nil},
		{"director sees a left student", staff(1, role(diary.RoleDirector)), facts(expelled), nil},
		{"director of another school", staff(2, role(diary.RoleDirector)), facts(kid), diary.ErrOtherSchool},
		{"staff without school", staff(0, role(diary.RoleDirector)), diary.AccessFacts{ClassLevel: 6}, diary.ErrOtherSchool},
		{"sysadmin sees no records", staff(1, role(diary.RoleSysAdmin)), facts(kid), diary.ErrNoRole},
		{"deputy of the level", staff(1, diary.StaffRole{Role: diary.RoleDeputy, Level: diary.LevelBasic}), facts(kid), nil},
		{"deputy of another level", staff(1, diary.StaffRole{Role: diary.RoleDeputy, Level: diary.LevelPrimary}), facts(kid), diary.ErrNoRole},
		{"deputy with unknown class level", staff(1, diary.StaffRole{Role: diary.RoleDeputy, Level: diary.LevelPrimary}), diary.AccessFacts{Student: kid}, diary.ErrNoRole},
		{"class teacher of the class", staff(1, diary.StaffRole{Role: diary.RoleClassTeacher, ClassID: 50}), facts(kid), nil},
		{"class teacher of another class", staff(1, diary.StaffRole{Role: diary.RoleClassTeacher, ClassID: 51}), facts(kid), diary.ErrNoRole},
		{"teacher of the class", staff(1, role(diary.RoleTeacher)), diary.AccessFacts{Student: kid, ClassLevel: 6, TeachesClass: true}, nil},
		{"teacher not of the class", staff(1, role(diary.RoleTeacher)), facts(kid), diary.ErrNoRole},
		{"one of several roles", staff(1, role(diary.RoleTeacher), diary.StaffRole{Role: diary.RoleClassTeacher, ClassID: 50}), facts(kid), nil},
		{"staff without roles", staff(1), facts(kid), diary.ErrNoRole},
		{"unknown kind", diary.Viewer{ID: 7, SchoolID: 1}, facts(kid), diary.ErrNoRole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diary.CanView(tt.v, tt.f, today)
			if got != tt.want {
				t.Errorf("CanView() = %v, want %v", got, tt.want)
			}
			if tt.want != nil && !diary.IsAccessDenied(got) {
				t.Errorf("IsAccessDenied(%v) = false", got)
			}
		})
	}
}

func TestRefusalsAreDistinct(t *testing.T) {
	refusals := []error{diary.ErrStudentLeft, diary.ErrNotGuardian, diary.ErrNotStudent, diary.ErrNoConsent, diary.ErrOtherSchool, diary.ErrNoRole}
	for i, a := range refusals {
		for j, b := range refusals {
			if got, want := errors.Is(a, b), i == j; got != want {
				t.Errorf("errors.Is(%v, %v) = %v, want %v", a, b, got, want)
			}
		}
	}
	if diary.IsAccessDenied(diary.ErrNotFound) || diary.IsAccessDenied(nil) {
		t.Error("IsAccessDenied matches a non-refusal")
	}
}

func TestStaffViewer(t *testing.T) {
	s := diary.Staff{ID: 3, SchoolID: 1, ActiveFrom: d("2026-09-01"), ActiveTo: d("2026-12-31"),
		Roles: []diary.StaffRole{{Role: diary.RoleDirector}}}
	kid := diary.AccessFacts{Student: diary.Student{ID: 7, SchoolID: 1, Status: diary.Enrolled}}
	tests := []struct {
		name  string
		today string
		want  error
	}{
		{"before start", "2026-08-31", diary.ErrNoRole},
		{"first day", "2026-09-01", nil},
		{"last day", "2026-12-31", nil},
		{"after leaving", "2027-01-01", diary.ErrNoRole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := diary.StaffViewer(s, d(tt.today))
			if got := diary.CanView(v, kid, d(tt.today)); got != tt.want {
				t.Errorf("CanView() = %v, want %v", got, tt.want)
			}
		})
	}
}
