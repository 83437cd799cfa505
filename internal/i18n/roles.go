package i18n

import "github.com/schooldiary/diary/internal/diary"

// roleKeys and deputyKeys are the texts of the staff roles.
var (
	roleKeys = map[diary.Role]Key{
		diary.RoleTeacher: RoleTeacher, diary.RoleDirector: RoleDirector,
		diary.RoleJournalAdmin: RoleJournalAdmin, diary.RoleSysAdmin: RoleSysAdmin,
	}
	deputyKeys = map[diary.Level]Key{
		diary.LevelPrimary: RoleDeputyPrimary, diary.LevelBasic: RoleDeputyBasic,
		diary.LevelSecondary: RoleDeputySecondary,
	}
)

// RoleName says in lang what staff role r is, as plain text: «учитель»,
// «классный руководитель 7А» (className is the class r leads),
// «заместитель директора, 5–9 классы». An unknown role is its code.
func RoleName(lang Lang, r diary.StaffRole, className string) string {
	switch {
	case r.Role == diary.RoleClassTeacher:
		return Plain(lang, RoleClassTeacher, "class", className)
	case r.Role == diary.RoleDeputy && deputyKeys[r.Level] != "":
		return Plain(lang, deputyKeys[r.Level])
	case roleKeys[r.Role] != "":
		return Plain(lang, roleKeys[r.Role])
	}
	return string(r.Role)
}
