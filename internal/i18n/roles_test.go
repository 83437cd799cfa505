package i18n

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// TestRoleName names every staff role in both languages.
func TestRoleName(t *testing.T) {
	tests := []struct {
		role  diary.StaffRole
		class string
		ru    string
	}{
		{diary.StaffRole{Role: diary.RoleTeacher}, "", "учитель"},
		{diary.StaffRole{Role: diary.RoleClassTeacher, ClassID: 7}, "7А", "классный руководитель 7А"},
		{diary.StaffRole{Role: diary.RoleDeputy, Level: diary.LevelBasic}, "", "заместитель директора, 5–9 классы"},
		{diary.StaffRole{Role: diary.RoleDeputy, Level: "other"}, "", "deputy"},
		{diary.StaffRole{Role: diary.RoleJournalAdmin}, "", "администратор журнала"},
	}
	for _, tt := range tests {
		if got := RoleName(RU, tt.role, tt.class); got != tt.ru {
			t.Errorf("RoleName(%+v) = %q, want %q", tt.role, got, tt.ru)
		}
		if got := RoleName(EN, tt.role, tt.class); got == "" || got == tt.ru && tt.role.Level != "other" {
			t.Errorf("RoleName(en, %+v) = %q", tt.role, got)
		}
	}
}
