package bot

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestNavigationInPlace: a view button edits the pressed message, the view
// leads back to the menu in the same message, and the buttons the message
// showed before are stale (answered so, nothing rendered or sent).
func TestNavigationInPlace(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		sent := len(h.tg.BotMessages(u.ID))

		h.expectAnswer(h.press(u.ID, menu, label(i18n.MenuGrades)), "")
		grades := h.expect(u.ID, f.student.Name.Full()+" · grades")
		if grades.ID != menu.ID || grades.Edits != 1 {
			t.Fatalf("grades in message %d with %d edits, want the menu %d edited once", grades.ID, grades.Edits, menu.ID)
		}
		h.press(u.ID, grades, "Подробнее")
		detail := h.expect(u.ID, "· grades:detail")
		h.press(u.ID, detail, label(i18n.MenuMain))
		again := h.expect(u.ID, "Выбран ученик")
		if again.ID != menu.ID || again.Edits != 3 {
			t.Errorf("menu back in message %d with %d edits, want %d with 3", again.ID, again.Edits, menu.ID)
		}
		if n := len(h.tg.BotMessages(u.ID)); n != sent {
			t.Errorf("%d bot messages after navigating, want %d: nothing new", n, sent)
		}

		calls := len(h.views.Calls())
		for i, old := range [][][]telegramtest.InlineButton{menu.InlineKeyboard, grades.InlineKeyboard} {
			if err := h.b.Receive(h.ctx, callbackUpdate(int64(50_000_000+i), u.ID, old[0][0].CallbackData)); err != nil {
				t.Fatal(err)
			}
		}
		h.expectQuiet(u.ID)
		if got := len(h.views.Calls()); got != calls {
			t.Errorf("replaced buttons rendered %d views", got-calls)
		}
	})
}

// TestEditRefusedSendsAnew: when Telegram refuses the edit (here a 400 on
// editMessageText), the view comes as a new message and the menu stays.
func TestEditRefusedSendsAnew(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.tg.Fail("editMessageText", telegramtest.Fault{Status: 400, Times: 1})
		h.press(u.ID, menu, label(i18n.MenuHomework))
		view := h.expect(u.ID, "· homework")
		if view.ID == menu.ID || view.Edits != 0 {
			t.Errorf("view in message %d (%d edits), want a new message after the menu %d", view.ID, view.Edits, menu.ID)
		}
		h.press(u.ID, menu, label(i18n.MenuTimetable)) // the menu still works
		h.expect(u.ID, "· timetable")
	})
}

// TestOldConsentButtonsStale: once consent is given, the consent request's
// buttons — «Не даю согласие» included — are stale: answered so, nothing
// said about refusing, consent kept and the views still shown.
func TestOldConsentButtonsStale(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.startWith(u.ID, h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID}))
		first := h.expect(u.ID, "согласия")
		h.send(u.ID, "/grades")
		h.expectKey(u.ID, i18n.RefusedNoConsent)
		second := h.expect(u.ID, "согласия")
		h.press(u.ID, second, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(u.ID, second)
		h.expect(u.ID, "Согласие записано")
		menu := h.expect(u.ID, "Выбран ученик")

		h.expectStale(h.press(u.ID, first, label(i18n.BtnConsentDecline)))
		h.expectStale(h.press(u.ID, first, label(i18n.BtnConsentAccept)))
		h.expectQuiet(u.ID)
		if _, err := h.db.ActiveConsent(h.ctx, u.ID, f.student.ID); err != nil {
			t.Errorf("consent after the stale presses: %v", err)
		}
		history, _ := h.db.ConsentHistory(h.ctx, f.student.ID)
		if len(history) != 1 {
			t.Errorf("consent recorded %d times, want once", len(history))
		}
		h.press(u.ID, menu, label(i18n.MenuGrades))
		h.expect(u.ID, f.student.Name.Full()+" · grades")
	})
}

// TestOldMenuAnswersAnew: a menu of three days ago still works, but Telegram
// no longer lets it be edited: the view comes as a new message below and
// the old menu stays as it was.
func TestOldMenuAnswersAnew(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.clock.Advance(72 * time.Hour)
		h.press(u.ID, menu, label(i18n.MenuGrades))
		view := h.expect(u.ID, "· grades")
		if view.ID == menu.ID || view.Edits != 0 {
			t.Errorf("view in message %d (%d edits), want a new message after the menu %d", view.ID, view.Edits, menu.ID)
		}
		if m := h.tg.Messages(u.ID)[menu.ID-1]; m.Edits != 0 || m.Text != menu.Text {
			t.Errorf("the old menu changed: %q, %d edits", m.Text, m.Edits)
		}
	})
}

// TestStaffTypingAViewGetsTheirMenu: a staff member without a child who
// types /grades or «оценки» gets the staff menu, not a family's code request.
func TestStaffTypingAViewGetsTheirMenu(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		for _, typed := range []string{"/grades", "оценки"} {
			h.send(u.ID, typed)
			h.expectKey(u.ID, i18n.StaffMenu, "name", teacher.Name.Full())
		}
	})
}
