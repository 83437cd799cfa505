package bot

import (
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// applyStudent writes a changed student record through the journal import path.
func (h *harness) applyStudent(st diary.Student) {
	h.t.Helper()
	cl, err := h.db.Class(h.ctx, st.ClassID)
	if err != nil {
		h.t.Fatal(err)
	}
	b := &diary.Batch{School: diary.School{Code: h.school.Code}, AsOf: diary.DateOf(startTime),
		Students: []diary.StudentIn{{Student: st, ClassRef: cl.ExtID}}}
	if _, err := h.db.Apply(h.ctx, b, diary.ApplyOptions{}); err != nil {
		h.t.Fatalf("Apply: %v", err)
	}
}

// TestLeftStudentsFamilyRefused refuses the code of an expelled student's
// family and stops a linked family's buttons at once.
func TestLeftStudentsFamilyRefused(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		linked := h.user(telegramtest.User{})
		menu := h.linkParent(linked.ID, f, f.student)
		code := h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID})

		left := f.student
		left.Status, left.LeftOn, left.LeftReason = diary.Left, diary.MustDate("2025-10-19"), diary.LeftExpelled
		h.applyStudent(left)

		u := h.user(telegramtest.User{})
		h.startWith(u.ID, code)
		h.expectKey(u.ID, i18n.RefusedLeftExpelled, "date", left.LeftOn)

		h.expectStale(h.press(linked.ID, menu, label(i18n.MenuGrades)))
		if got := len(h.views.Calls()); got != 0 {
			t.Errorf("views rendered for a left student: %d", got)
		}
	})
}

// TestConsentDeclineAndWithdraw: a declined consent shows nothing and asks
// again; a withdrawal ends the link at once and keeps the records.
func TestConsentDeclineAndWithdraw(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.startWith(u.ID, h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID}))
		consent := h.expect(u.ID, "согласия")
		h.press(u.ID, consent, label(i18n.BtnConsentDecline))
		h.expectKey(u.ID, i18n.ConsentDeclined)
		h.send(u.ID, "/grades")
		h.expectKey(u.ID, i18n.RefusedNoConsent)
		again := h.expect(u.ID, "согласия")
		if got := len(h.views.Calls()); got != 0 {
			t.Fatalf("views rendered without consent: %d", got)
		}
		h.press(u.ID, again, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(u.ID, again)
		h.expect(u.ID, "Согласие записано")
		menu := h.expect(u.ID, "Выбран ученик")
		h.send(u.ID, "/menu") // a second menu: settings replace it in place
		second := h.expect(u.ID, "Выбран ученик")

		h.press(u.ID, second, label(i18n.MenuSettings))
		settings := h.expectKey(u.ID, i18n.SettingsTitle)
		h.press(u.ID, settings, label(i18n.BtnSettingsConsent))
		status := h.expect(u.ID, "дано 20 октября, редакция 2025-09")
		h.press(u.ID, status, label(i18n.BtnConsentWithdraw))
		ask := h.expect(u.ID, "Отозвать согласие")
		h.press(u.ID, ask, label(i18n.BtnConsentWithdraw))
		h.expectKey(u.ID, i18n.ConsentWithdrawn, "child", f.student.Name.Full())

		if links, _ := h.db.ActiveLinks(h.ctx, u.ID); len(links) != 0 {
			t.Errorf("links after withdrawal: %+v", links)
		}
		history, err := h.db.ConsentHistory(h.ctx, f.student.ID)
		if err != nil || len(history) != 1 || history[0].Active() {
			t.Errorf("consent history = %+v, %v", history, err)
		}
		h.expectStale(h.press(u.ID, menu, label(i18n.MenuGrades)))
		if got := len(h.views.Calls()); got != 0 {
			t.Errorf("views rendered after withdrawal: %d", got)
		}
	})
}

// TestTwoChildrenSwitch links both children of the demo mother and switches.
func TestTwoChildrenSwitch(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.linkParent(u.ID, f, f.student)
		menu := h.linkParent(u.ID, f, f.sibling)
		h.press(u.ID, menu, label(i18n.BtnChildSwitch))
		choose := h.expectKey(u.ID, i18n.ChildChoose)
		cl, _ := h.db.Class(h.ctx, f.student.ClassID)
		h.press(u.ID, choose, label(i18n.BtnChild, "child", f.student.Name.Full(), "class", cl.Name))
		menu = h.expect(u.ID, "Выбран ученик: "+f.student.Name.Full())
		h.send(u.ID, "/homework")
		h.expect(u.ID, f.student.Name.Full()+" · homework")
		h.press(u.ID, menu, label(i18n.MenuTimetable))
		h.expect(u.ID, f.student.Name.Full()+" · timetable")
		for _, c := range h.views.Calls() {
			if c.studentID != f.student.ID || c.viewer.Kind != diary.ViewerGuardian || c.viewer.ID != f.guardian.ID {
				t.Errorf("render call %+v", c)
			}
		}
	})
}

// TestStudentSeesOnlyThemself links a student by a student code: with a
// parent's consent they see their own diary as a student viewer.
func TestStudentSeesOnlyThemself(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		h.linkParent(h.user(telegramtest.User{}).ID, f, f.student)
		u := h.user(telegramtest.User{})
		h.startWith(u.ID, h.code(diary.LinkCode{Kind: diary.LinkStudent, StudentID: f.student.ID}))
		h.expect(u.ID, "Дневник подключён")
		h.expect(u.ID, "Выбран ученик")
		h.send(u.ID, "/grades")
		h.expect(u.ID, f.student.Name.Full()+" · grades")
		calls := h.views.Calls()
		if len(calls) != 1 || calls[0].viewer.Kind != diary.ViewerStudent || calls[0].viewer.ID != f.student.ID {
			t.Errorf("render calls %+v", calls)
		}
		history, _ := h.db.ConsentHistory(h.ctx, f.student.ID)
		if len(history) != 1 || history[0].GuardianID != f.guardian.ID {
			t.Errorf("consents %+v: want the guardian's only", history)
		}
	})
}

// TestContactLinking links a guardian by their own shared contact only.
func TestContactLinking(t *testing.T) {
	forEachStore(t, options{phone: []string{demo.DemoSchoolCode}}, func(t *testing.T, h *harness) {
		f := h.parent()
		mother := h.user(telegramtest.User{Phone: "79123456789"}) // Telegram drops the '+'
		h.send(mother.ID, "/start")
		h.expectKey(mother.ID, i18n.StartNew)
		h.expectKey(mother.ID, i18n.LinkAskCodeOrContact)
		if _, err := h.tg.PressKeyboard(mother.ID, label(i18n.BtnShareContact)); err != nil {
			t.Fatal(err)
		}
		first := h.expect(mother.ID, "согласия")
		second := h.expect(mother.ID, "согласия")
		links, err := h.db.ActiveLinks(h.ctx, mother.ID)
		if err != nil || len(links) != 2 || links[0].GuardianID != f.guardian.ID {
			t.Fatalf("links = %+v, %v", links, err)
		}
		h.press(mother.ID, first, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(mother.ID, first)
		h.expect(mother.ID, "Согласие записано")
		h.expect(mother.ID, "Выбран ученик")
		h.press(mother.ID, second, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(mother.ID, second)
		h.expect(mother.ID, "Согласие записано")

		stranger := h.user(telegramtest.User{Phone: "+79990000000"})
		if _, err := h.tg.SendContact(stranger.ID, telegramtest.Contact{PhoneNumber: demo.ParentPhone, FirstName: "Мама", UserID: mother.ID}); err != nil {
			t.Fatal(err)
		}
		h.expectKey(stranger.ID, i18n.LinkContactNotOwn)
		if _, err := h.tg.SendContact(stranger.ID, telegramtest.Contact{PhoneNumber: demo.ParentPhone, FirstName: "Мама"}); err != nil {
			t.Fatal(err)
		}
		h.expectKey(stranger.ID, i18n.LinkContactNotOwn)
		if _, err := h.tg.ShareContact(stranger.ID); err != nil {
			t.Fatal(err)
		}
		h.expectKey(stranger.ID, i18n.RefusedPhone, "phone", "+79990000000")
		if links, _ := h.db.ActiveLinks(h.ctx, stranger.ID); len(links) != 0 {
			t.Errorf("stranger linked: %+v", links)
		}
	})
}

// TestContactLinkingOff refuses contacts where no school allows them.
func TestContactLinkingOff(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{Phone: demo.ParentPhone})
		if _, err := h.tg.ShareContact(u.ID); err != nil {
			t.Fatal(err)
		}
		h.expectKey(u.ID, i18n.LinkContactOff)
	})
}
