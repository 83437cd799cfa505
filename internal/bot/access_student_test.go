package bot

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// linkStudent links the user by a student code of st.
func (h *harness) linkStudent(userID int64, st diary.Student) {
	h.t.Helper()
	h.startWith(userID, h.code(diary.LinkCode{Kind: diary.LinkStudent, StudentID: st.ID}))
}

// studentViews counts the views rendered for a student viewer.
func (h *harness) studentViews() int {
	n := 0
	for _, c := range h.views.Calls() {
		if c.viewer.Kind == diary.ViewerStudent {
			n++
		}
	}
	return n
}

// TestStudentAccessByParentsConsent: a student is never asked to consent;
// without the family's consent they are told to ask a parent and the
// linked parent is asked; the parent's consent opens the student's diary;
// the parent's withdrawal closes it again.
func TestStudentAccessByParentsConsent(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		parent := h.user(telegramtest.User{})
		h.startWith(parent.ID, h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID}))
		h.expect(parent.ID, "согласия на обработку персональных данных")

		student := h.user(telegramtest.User{FirstName: "Антон"})
		h.linkStudent(student.ID, f.student)
		h.expectKey(student.ID, i18n.ConsentStudentAsk)
		h.expectKey(parent.ID, i18n.ConsentParentPrompt, "child", f.student.Name.Full())
		prompt := h.expect(parent.ID, "согласия на обработку персональных данных")
		h.send(student.ID, "/grades")
		h.expectKey(student.ID, i18n.ConsentStudentAsk)
		h.send(student.ID, "/start")
		h.expect(student.ID, "Здравствуйте")
		h.expectKey(student.ID, i18n.ConsentStudentAsk)
		if n := h.studentViews(); n != 0 {
			t.Fatalf("%d views for a student without the family's consent", n)
		}
		for _, m := range h.tg.BotMessages(student.ID) {
			if len(m.InlineKeyboard) > 0 && m.InlineKeyboard[0][0].Text == label(i18n.BtnConsentAccept) {
				t.Fatalf("the student was asked to consent: %q", m.Text)
			}
		}

		h.press(parent.ID, prompt, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(parent.ID, prompt)
		h.expect(parent.ID, "Согласие записано")
		h.expectKey(student.ID, i18n.ConsentStudentOpen)
		h.send(student.ID, "/grades")
		h.expect(student.ID, f.student.Name.Full()+" · grades")
		if n := h.studentViews(); n != 1 {
			t.Fatalf("student views after consent: %d", n)
		}
		history, err := h.db.ConsentHistory(h.ctx, f.student.ID)
		if err != nil || len(history) != 1 || history[0].GuardianID != f.guardian.ID {
			t.Fatalf("consents = %+v, %v: want the guardian's only", history, err)
		}

		menu := h.expect(parent.ID, "Выбран ученик")
		h.press(parent.ID, menu, label(i18n.MenuSettings))
		settings := h.expectKey(parent.ID, i18n.SettingsTitle)
		h.press(parent.ID, settings, label(i18n.BtnSettingsConsent))
		status := h.expect(parent.ID, "дано 20 октября")
		h.press(parent.ID, status, label(i18n.BtnConsentWithdraw))
		ask := h.expect(parent.ID, "Отозвать согласие")
		h.press(parent.ID, ask, label(i18n.BtnConsentWithdraw))
		h.expectKey(parent.ID, i18n.ConsentWithdrawn, "child", f.student.Name.Full())
		h.send(student.ID, "/grades")
		h.expectKey(student.ID, i18n.ConsentStudentAsk)
		if n := h.studentViews(); n != 1 {
			t.Errorf("student views after the withdrawal: %d, want still 1", n)
		}
	})
}

// TestStudentWithConsentedFamily: a student whose parent consented before
// gets the diary at once, and their settings say who consented.
func TestStudentWithConsentedFamily(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		parent := h.user(telegramtest.User{})
		h.linkParent(parent.ID, f, f.student)
		student := h.user(telegramtest.User{})
		h.linkStudent(student.ID, f.student)
		h.expectKey(student.ID, i18n.LinkDone, "child", f.student.Name.Full(), "class", "7А")
		menu := h.expect(student.ID, "Выбран ученик: "+f.student.Name.Full())
		h.press(student.ID, menu, label(i18n.MenuHomework))
		h.expect(student.ID, f.student.Name.Full()+" · homework")
		h.send(student.ID, "/settings") // the menu became the homework view in place
		settings := h.expectKey(student.ID, i18n.SettingsTitle)
		h.press(student.ID, settings, label(i18n.BtnSettingsConsent))
		h.expectKey(student.ID, i18n.ConsentStudentGiven, "date", diary.DateOf(startTime))
		if n := h.studentViews(); n != 1 {
			t.Errorf("student views: %d", n)
		}
	})
}
