package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"eight with brackets", "8 (912) 000-11-22", "+79120001122", false},
		{"plus seven spaced", "+7 912 0001122", "+79120001122", false},
		{"ten digits", "9120001122", "+79120001122", false},
		{"seven prefix", "79120001122", "+79120001122", false},
		{"eight prefix compact", "89120001122", "+79120001122", false},
		{"already E.164", "+79120001122", "+79120001122", false},
		{"dots and nbsp", "8.912.000\u00a011.22", "+79120001122", false},
		{"surrounding spaces", "  +7-912-000-11-22 ", "+79120001122", false},
		{"Komi landline", "8 (8212) 12-34-56", "+78212123456", false},
		{"toll free", "8-800-555-35-35", "+78005553535", false},
		{"Kazakhstan ten digits", "7012345678", "+77012345678", false},
		{"Belarus", "+375 29 123-45-67", "+375291234567", false},
		{"Vietnam +84", "+84 912 345 678", "+84912345678", false},
		{"empty", "", "", true},
		{"spaces only", "   ", "", true},
		{"letters", "тел. 89120001122", "", true},
		{"extension", "8 912 000 11 22 доб. 5", "", true},
		{"too short", "912000112", "", true},
		{"too long", "891200011223", "", true},
		{"plus seven too short", "+7 912 000 11 2", "", true},
		{"plus eight mistake", "+8 912 000 11 22", "", true},
		{"plus zero", "+0 123 456 789", "", true},
		{"international too short", "+4412345", "", true},
		{"international too long", "+4412345678901234", "", true},
		{"ten digits starting with 1", "1234567890", "", true},
		{"eleven digits starting with 9", "91200011223", "", true},
		{"plus in the middle", "8+9120001122", "", true},
		{"two pluses", "++79120001122", "", true},
		{"huge", "12345678901234567890123", "", true},
		{"invalid utf-8", "8912\xff0001122", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := diary.NormalizePhone(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("NormalizePhone(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && diary.ErrorCode(err) != diary.EInvalid {
				t.Errorf("error code = %q, want %q", diary.ErrorCode(err), diary.EInvalid)
			}
			if err == nil && !diary.IsE164(got) {
				t.Errorf("IsE164(%q) = false", got)
			}
		})
	}
}

func TestIsE164(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"+79120001122", true},
		{"89120001122", false},
		{"+7 912 0001122", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := diary.IsE164(tt.in); got != tt.want {
				t.Errorf("IsE164(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBatchNormalizePhones(t *testing.T) {
	b := &diary.Batch{
		Staff:    []diary.StaffIn{{Src: diary.Source{File: "staff.csv", Line: 2}, Staff: diary.Staff{Phone: "8 (912) 000-11-22"}}},
		Students: []diary.StudentIn{{Student: diary.Student{Phone: ""}}},
		Guardians: []diary.GuardianIn{
			{Src: diary.Source{File: "g.csv", Line: 2}, Guardian: diary.Guardian{Phone: "9120001133"}},
			{Src: diary.Source{File: "g.csv", Line: 3}, Guardian: diary.Guardian{Phone: "звоните"}},
		},
	}
	errs := b.NormalizePhones()
	if got, want := b.Staff[0].Staff.Phone, "+79120001122"; got != want {
		t.Errorf("staff phone = %q, want %q", got, want)
	}
	if got, want := b.Guardians[0].Guardian.Phone, "+79120001133"; got != want {
		t.Errorf("guardian phone = %q, want %q", got, want)
	}
	if got, want := b.Guardians[1].Guardian.Phone, "звоните"; got != want {
		t.Errorf("bad phone rewritten to %q, want it kept as %q", got, want)
	}
	if b.Students[0].Student.Phone != "" {
		t.Errorf("empty phone became %q", b.Students[0].Student.Phone)
	}
	if len(errs) != 1 || errs[0].Src.Line != 3 || errs[0].Field != "phone" {
		t.Errorf("errors = %+v, want one phone error at line 3", errs)
	}
}
