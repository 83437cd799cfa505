package bot

import (
	"slices"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestFamilyCommandsAndHelp: a family's command list has /tomorrow and
// /news, and /help names «Завтра», «Что нового» and the plain words.
func TestFamilyCommandsAndHelp(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.linkParent(u.ID, f, f.student)
		cmds := h.tg.CommandsFor(u.ID, u.ID)
		for _, c := range []string{"tomorrow", "news", "grades"} {
			if !hasCommand(cmds, c) {
				t.Errorf("the family's commands lack /%s: %+v", c, cmds)
			}
		}
		if hasCommand(cmds, "requests") || hasCommand(cmds, "codes") {
			t.Errorf("a family has the class teacher's commands: %+v", cmds)
		}
		h.send(u.ID, "/help")
		help := h.expect(u.ID, "Что умеет бот")
		for _, want := range []string{"Завтра", "Что нового", "«оценки», «дз», «расписание», «пропуски», «завтра»"} {
			if !strings.Contains(help.Text, want) {
				t.Errorf("the family's help lacks %q:\n%s", want, help.Text)
			}
		}
	})
}

// TestStaffCommandsAndHelpByRole: the class teacher's commands have
// /requests and /codes; each role's /help says what that role can do and
// nothing of the others'.
func TestStaffCommandsAndHelpByRole(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		tests := []struct {
			role     diary.Role
			ext      string
			has, not []i18n.Key
			commands []string
		}{
			{diary.RoleClassTeacher, demo.ClassTeacherExtID, []i18n.Key{i18n.HelpStaffClass},
				[]i18n.Key{i18n.HelpStaffAdmin, i18n.HelpStaffDeputy}, []string{"requests", "codes"}},
			{diary.RoleTeacher, demo.SubjectTeacherExtID, []i18n.Key{i18n.HelpStaffTeacher},
				[]i18n.Key{i18n.HelpStaffClass, i18n.HelpStaffAdmin, i18n.HelpStaffDeputy}, nil},
			{diary.RoleDirector, demo.DirectorExtID, []i18n.Key{i18n.HelpStaffAdmin},
				[]i18n.Key{i18n.HelpStaffClass, i18n.HelpStaffTeacher}, nil},
		}
		for _, tt := range tests {
			u := h.user(telegramtest.User{})
			h.linkStaff(u.ID, h.staffByExt(tt.role, tt.ext))
			cmds := h.tg.CommandsFor(u.ID, u.ID)
			for _, c := range tt.commands {
				if !hasCommand(cmds, c) {
					t.Errorf("%s: commands lack /%s: %+v", tt.ext, c, cmds)
				}
			}
			if len(tt.commands) == 0 && (hasCommand(cmds, "requests") || hasCommand(cmds, "codes")) {
				t.Errorf("%s: the class teacher's commands: %+v", tt.ext, cmds)
			}
			h.helpHas(u.ID, tt.has, tt.not)
		}
	})
}

// helpHas asks for /help and checks it has the texts of has, none of not.
func (h *harness) helpHas(userID int64, has, not []i18n.Key) {
	h.t.Helper()
	h.send(userID, "/help")
	help := h.next(userID)
	for _, k := range append(has, not...) {
		want := slices.Contains(has, k)
		if strings.Contains(help.Text, i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, k)))) != want {
			h.t.Errorf("help has %s: %v, want %v:\n%s", k, !want, want, help.Text)
		}
	}
}

// TestChoosersLeadBack: the child chooser has «Главное меню», the language
// chooser «Назад» to the settings; each replaces the chooser in place.
func TestChoosersLeadBack(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.linkParent(u.ID, f, f.student)
		menu := h.linkParent(u.ID, f, f.sibling)
		h.press(u.ID, menu, label(i18n.BtnChildSwitch))
		choose := h.expectKey(u.ID, i18n.ChildChoose)
		h.press(u.ID, choose, label(i18n.MenuMain))
		back := h.expect(u.ID, "Выбран ученик: "+f.sibling.Name.Full())
		if back.ID != choose.ID {
			t.Errorf("the menu came in message %d, want the chooser %d replaced", back.ID, choose.ID)
		}
		h.press(u.ID, back, label(i18n.MenuSettings))
		settings := h.expectKey(u.ID, i18n.SettingsTitle)
		h.press(u.ID, settings, label(i18n.BtnSettingsLang))
		langs := h.expectKey(u.ID, i18n.SettingsLangChoose)
		h.press(u.ID, langs, label(i18n.BtnBack))
		again := h.expectKey(u.ID, i18n.SettingsTitle)
		if again.ID != langs.ID {
			t.Errorf("the settings came in message %d, want the chooser %d replaced", again.ID, langs.ID)
		}
	})
}
