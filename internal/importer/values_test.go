package importer

import (
	"reflect"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// TestParseDateSaysNoSuchDate wants an impossible day named as such, not as
// a format problem.
func TestParseDateSaysNoSuchDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"31.02.2026", "31.02.2026 — такой даты нет"},
		{"29.02.2027", "29.02.2027 — такой даты нет"},
		{"2026-04-31", "2026-04-31 — такой даты нет"},
		{"32.13.2015", "32.13.2015 — такой даты нет"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := parseDate(tc.in, false, false)
			if err == nil || err.Error() != tc.want {
				t.Errorf("parseDate(%q) = %v, want %q", tc.in, err, tc.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		xlsx    bool
		want    string
		wantErr bool
	}{
		{"iso", "2026-09-01", false, "2026-09-01", false},
		{"russian", "01.09.2026", false, "2026-09-01", false},
		{"russian short day and month", "1.9.2026", false, "2026-09-01", false},
		{"with midnight time", "2026-09-01 00:00:00", false, "2026-09-01", false},
		{"excel serial in a sheet", "45658", true, "2025-01-01", false},
		{"excel serial in a CSV is no date", "45658", false, "", true},
		{"no such day", "31.02.2026", false, "", true},
		{"no such day, iso", "2026-02-30", false, "", true},
		{"no such month", "01.13.2026", false, "", true},
		{"american order", "09/01/2026", false, "", true},
		{"words", "первое сентября", false, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseDate(tc.in, tc.xlsx, false)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseDate(%q) error = %v, wantErr %v", tc.in, err, tc.wantErr)
			}
			if got.String() != tc.want {
				t.Errorf("parseDate(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseRoles(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []diary.StaffRoleIn
		wantErr bool
	}{
		{"brief example", "учитель; классный руководитель 5А; зам. директора основное", []diary.StaffRoleIn{
			{Role: diary.RoleTeacher}, {Role: diary.RoleClassTeacher, ClassRef: "5А"}, {Role: diary.RoleDeputy, Level: diary.LevelBasic},
		}, false},
		{"short forms and commas", "кл. рук. 10 Б, завуч по УВР среднее", []diary.StaffRoleIn{
			{Role: diary.RoleClassTeacher, ClassRef: "10Б"}, {Role: diary.RoleDeputy, Level: diary.LevelSecondary},
		}, false},
		{"director is not a deputy", "Директор", []diary.StaffRoleIn{{Role: diary.RoleDirector}}, false},
		{"admins", "администратор журнала; системный администратор", []diary.StaffRoleIn{
			{Role: diary.RoleJournalAdmin}, {Role: diary.RoleSysAdmin},
		}, false},
		{"english", "teacher; class_teacher 5A; deputy primary", []diary.StaffRoleIn{
			{Role: diary.RoleTeacher}, {Role: diary.RoleClassTeacher, ClassRef: "5A"}, {Role: diary.RoleDeputy, Level: diary.LevelPrimary},
		}, false},
		{"blank", "", nil, false},
		{"class teacher without class", "классный руководитель", nil, true},
		{"deputy without level", "зам. директора", nil, true},
		{"unknown", "повар", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRoles(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseRoles(%q) error = %v, wantErr %v", tc.in, err, tc.wantErr)
			}
			if !tc.wantErr && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseRoles(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseLevels(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lo, hi  int
		wantErr bool
	}{
		{"hyphen", "1-9", 1, 9, false},
		{"en dash", "10–11", 10, 11, false},
		{"single", "1", 1, 1, false},
		{"reversed", "9-1", 0, 0, true},
		{"too high", "1-12", 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, err := parseLevels(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseLevels(%q) error = %v, wantErr %v", tc.in, err, tc.wantErr)
			}
			if !tc.wantErr && (lo != tc.lo || hi != tc.hi) {
				t.Errorf("parseLevels(%q) = %d, %d, want %d, %d", tc.in, lo, hi, tc.lo, tc.hi)
			}
		})
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    diary.Name
		wantErr bool
	}{
		{"three parts", "Иванова  Ольга Петровна", diary.Name{Last: "Иванова", First: "Ольга", Middle: "Петровна"}, false},
		{"no patronymic", "Кузьмин Артём", diary.Name{Last: "Кузьмин", First: "Артём"}, false},
		{"long patronymic", "Мамедов Али Гусейн оглы", diary.Name{Last: "Мамедов", First: "Али", Middle: "Гусейн оглы"}, false},
		{"one word", "Иванов", diary.Name{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := splitName(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("splitName(%q) = %+v, %v; want %+v, error %v", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Код ученика", "кодученика"},
		{"код_ученика", "кодученика"},
		{" КОД  УЧЕНИКА ", "кодученика"},
		{"\ufeffstudent_id", "studentid"},
		{"Отчёт", "отчет"},
		{"№ урока", "номерурока"},
	}
	for _, tc := range tests {
		if got := norm(tc.in); got != tc.want {
			t.Errorf("norm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
