package importer

import (
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// roleWords lists the written forms of roles, by their folded prefix. The
// longer forms come first so «зам. директора» is not read as «директор».
var roleWords = []struct {
	prefix string
	role   diary.Role
}{
	{"классныйруководитель", diary.RoleClassTeacher},
	{"класснаяруководительница", diary.RoleClassTeacher},
	{"клрук", diary.RoleClassTeacher},
	{"классрук", diary.RoleClassTeacher},
	{"classteacher", diary.RoleClassTeacher},
	{"заместительдиректора", diary.RoleDeputy},
	{"замдиректора", diary.RoleDeputy},
	{"замдир", diary.RoleDeputy},
	{"завуч", diary.RoleDeputy},
	{"deputy", diary.RoleDeputy},
	{"директор", diary.RoleDirector},
	{"director", diary.RoleDirector},
	{"администраторжурнала", diary.RoleJournalAdmin},
	{"journaladmin", diary.RoleJournalAdmin},
	{"системныйадминистратор", diary.RoleSysAdmin},
	{"сисадмин", diary.RoleSysAdmin},
	{"sysadmin", diary.RoleSysAdmin},
	{"учитель", diary.RoleTeacher},
	{"педагог", diary.RoleTeacher},
	{"преподаватель", diary.RoleTeacher},
	{"teacher", diary.RoleTeacher},
}

// levelWords maps the written stages of education, by folded prefix.
// Long forms may stand anywhere («по УВР основное»), short ones only first.
var levelWords = []struct {
	word  string
	short bool
	level diary.Level
}{
	{"начальн", false, diary.LevelPrimary}, {"14", false, diary.LevelPrimary}, {"primary", false, diary.LevelPrimary},
	{"основн", false, diary.LevelBasic}, {"59", false, diary.LevelBasic}, {"basic", false, diary.LevelBasic},
	{"средн", false, diary.LevelSecondary}, {"1011", false, diary.LevelSecondary}, {"secondary", false, diary.LevelSecondary},
	{"нач", true, diary.LevelPrimary}, {"осн", true, diary.LevelBasic}, {"ср", true, diary.LevelSecondary},
}

// parseRoles reads a roles cell: roles separated by «;», «,» or new lines,
// e.g. «учитель; классный руководитель 5А; зам. директора основное».
func parseRoles(s string) ([]diary.StaffRoleIn, error) {
	var roles []diary.StaffRoleIn
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		r, err := parseRole(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		roles = append(roles, r)
	}
	return roles, nil
}

// parseRole reads one role with its class or level.
func parseRole(s string) (diary.StaffRoleIn, error) {
	folded := norm(s)
	for _, w := range roleWords {
		if !strings.HasPrefix(folded, w.prefix) {
			continue
		}
		r := diary.StaffRoleIn{Role: w.role}
		switch w.role {
		case diary.RoleClassTeacher:
			return classTeacher(s, r)
		case diary.RoleDeputy:
			return deputy(s, folded[len(w.prefix):], r)
		}
		return r, nil
	}
	return diary.StaffRoleIn{}, fmt.Errorf("неизвестная роль «%s»: ожидается учитель, классный руководитель 5А, "+
		"зам. директора начальное/основное/среднее, директор, администратор журнала или системный администратор", s)
}

// classTeacher takes the class from the last words, from the one with a digit
// on: «классный руководитель 5А», «кл. рук. 10 Б» (→ «10Б»).
func classTeacher(s string, r diary.StaffRoleIn) (diary.StaffRoleIn, error) {
	words := strings.Fields(s)
	for i := len(words) - 1; i > 0; i-- {
		if hasDigit(words[i]) {
			r.ClassRef = strings.Join(words[i:], "")
			return r, nil
		}
	}
	return r, fmt.Errorf("в роли «%s» не указан класс: ожидается, например, «классный руководитель 5А»", s)
}

// deputy takes the level from the rest of the folded text: «зам. директора основное».
func deputy(s, rest string, r diary.StaffRoleIn) (diary.StaffRoleIn, error) {
	for _, w := range levelWords {
		if !w.short && strings.Contains(rest, w.word) || w.short && strings.HasPrefix(rest, w.word) {
			r.Level = w.level
			return r, nil
		}
	}
	return r, fmt.Errorf("в роли «%s» не указан уровень: ожидается начальное, основное или среднее", s)
}

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
