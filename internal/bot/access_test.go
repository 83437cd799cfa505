package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// answerRequest answers the access request's questions after its first
// (the name) was asked, sharing the user's contact at the phone step.
func (h *harness) answerRequest(userID int64, name, relation, child, class string) {
	h.t.Helper()
	h.send(userID, name)
	h.expectKey(userID, i18n.AccessAskRelation)
	h.send(userID, relation)
	h.expectKey(userID, i18n.AccessAskChild)
	h.send(userID, child)
	h.expectKey(userID, i18n.AccessAskClass)
	h.send(userID, class)
	h.expectKey(userID, i18n.AccessAskPhone)
	if _, err := h.tg.PressKeyboard(userID, label(i18n.BtnShareContact)); err != nil {
		h.t.Fatal(err)
	}
}

// requestAccess asks for access as a parent without a code and returns
// after the request was recorded.
func (h *harness) requestAccess(userID int64, name, relation, child, class string) {
	h.t.Helper()
	h.send(userID, label(i18n.BtnNoCode))
	h.expectKey(userID, i18n.AccessAskName)
	h.answerRequest(userID, name, relation, child, class)
	h.expectKey(userID, i18n.AccessRecorded, "date", diary.DateIn(h.clock.Now(), h.school.Location()), "days", accessDays)
}

// mother is a Telegram user with the demo mother's phone.
func (h *harness) mother() telegramtest.User {
	h.t.Helper()
	return h.user(telegramtest.User{FirstName: "Мама", Phone: demo.ParentPhone})
}

// classTeacher links the demo class teacher of 7А and returns them with
// their user.
func (h *harness) classTeacher() (diary.Staff, telegramtest.User) {
	h.t.Helper()
	teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
	tu := h.user(telegramtest.User{})
	h.linkStaff(tu.ID, teacher)
	h.send(tu.ID, "/requests") // and wait until the linking's handler is done
	h.expectKey(tu.ID, i18n.AccessNoneWaiting)
	return teacher, tu
}

// TestAccessRequestApproved: the class teacher sees the request matched
// against the roster and approves it; the parent is linked at once, asked
// for consent, and then sees the diary; the request keeps its dates.
func TestAccessRequestApproved(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		_, tu := h.classTeacher()
		u := h.mother()
		h.requestAccess(u.ID, "Мамина Анна", "мама", strings.ToUpper(f.student.Name.First)+" "+f.student.Name.Last, "7a")
		card := h.expect(tu.ID, "Заявитель: Мамина Анна (мама), телефон "+demo.ParentPhone)
		if !strings.Contains(card.Text, "номер телефона совпадает с номером родителя — "+f.guardian.Name.Full()) {
			t.Fatalf("card = %q", card.Text)
		}
		h.clock.Advance(26 * time.Hour) // the next day /requests shows it again
		h.send(tu.ID, "/requests")
		h.expectKey(tu.ID, i18n.StaffRequestsHead, "n", 1)
		card = h.expect(tu.ID, "Решить — до 30 октября")
		h.press(tu.ID, card, label(i18n.BtnApprove))
		h.expectKey(tu.ID, i18n.AccessApproved, "name", "Мамина Анна", "child", f.student.Name.Full())
		h.expect(u.ID, "Школа одобрила Вашу заявку")
		consent := h.expect(u.ID, "согласия на обработку персональных данных")
		h.press(u.ID, consent, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(u.ID, consent)
		h.expect(u.ID, "Согласие записано")
		menu := h.expect(u.ID, "Выбран ученик: "+f.student.Name.Full())
		h.press(u.ID, menu, label(i18n.MenuGrades))
		h.expect(u.ID, f.student.Name.Full()+" · grades")

		rs, err := h.db.UserAccessRequests(h.ctx, u.ID)
		if err != nil || len(rs) != 1 {
			t.Fatalf("requests = %+v, %v", rs, err)
		}
		ar := rs[0]
		if ar.Resolution != diary.RequestApproved || !ar.CreatedAt.Equal(startTime) || !ar.ResolvedAt.Equal(startTime.Add(26*time.Hour)) ||
			ar.StudentID != f.student.ID || ar.GuardianID != f.guardian.ID || ar.Relation != "мама" {
			t.Errorf("approved request = %+v", ar)
		}
		h.press(tu.ID, card, label(i18n.BtnApprove))
		h.expectKey(tu.ID, i18n.AccessDecided)
		if strings.Contains(h.logs.String(), demo.ParentPhone) || strings.Contains(h.logs.String(), "Мамина") {
			t.Errorf("a phone or a name in the log:\n%s", h.logs.String())
		}
	})
}

// TestAccessRequestRefused: the class teacher refuses with a reason the
// parent receives; the status view shows it; nobody is linked.
func TestAccessRequestRefused(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		_, tu := h.classTeacher()
		u := h.user(telegramtest.User{Phone: "+79990001122"})
		h.requestAccess(u.ID, "Незнакомцева Ольга", "бабушка", "Неизвестный Ученик", "7А")
		card := h.expect(tu.ID, "Заявитель: Незнакомцева Ольга (бабушка)")
		if !strings.Contains(card.Text, "Ученика с таким именем в 7А классе нет") || len(card.InlineKeyboard[0]) != 1 {
			t.Fatalf("card without a match = %q, %+v", card.Text, card.InlineKeyboard)
		}
		h.press(tu.ID, card, label(i18n.BtnRefuse))
		h.expectKey(tu.ID, i18n.AccessAskReason)
		h.send(tu.ID, "Такого ученика в классе нет, <проверьте> фамилию")
		h.expectKey(tu.ID, i18n.AccessRefusedSent)
		h.expectKey(u.ID, i18n.AccessRefusedTo, "child", "Неизвестный Ученик", "reason", "Такого ученика в классе нет, <проверьте> фамилию")
		h.send(u.ID, label(i18n.BtnMyRequest))
		h.expectKey(u.ID, i18n.AccessStatusRefused, "date", diary.DateOf(startTime), "child", "Неизвестный Ученик",
			"class", "7А", "decided", diary.DateOf(startTime), "reason", "Такого ученика в классе нет, <проверьте> фамилию")
		if links, _ := h.db.ActiveLinks(h.ctx, u.ID); len(links) != 0 {
			t.Errorf("refused requester linked: %+v", links)
		}
		h.press(tu.ID, card, label(i18n.BtnRefuse))
		h.expectKey(tu.ID, i18n.AccessDecided)
	})
}

// TestAccessRequestBeforeClassTeacherLinked: requests made while the class
// teacher had not linked wait for them: told at linking, listed by
// /requests, and decided from there; the parent's status follows.
func TestAccessRequestBeforeClassTeacherLinked(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.mother()
		h.requestAccess(u.ID, "Мамина Анна", "мама", f.student.Name.Last+" "+f.student.Name.First, "7 А")
		h.send(u.ID, "/myrequest")
		h.expectKey(u.ID, i18n.AccessStatusOpen, "date", diary.DateOf(startTime), "child",
			f.student.Name.Last+" "+f.student.Name.First, "class", "7А", "due", diary.DateOf(startTime).AddDays(accessDays))
		h.clock.Advance(48 * time.Hour)

		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		tu := h.user(telegramtest.User{})
		h.linkStaff(tu.ID, teacher)
		waiting := h.expectKey(tu.ID, i18n.AccessWaiting, "n", 1)
		h.press(tu.ID, waiting, label(i18n.BtnRequests))
		h.expectKey(tu.ID, i18n.StaffRequestsHead, "n", 1)
		card := h.expect(tu.ID, "Заявитель: Мамина Анна (мама)")
		h.send(tu.ID, "/requests")
		h.expectKey(tu.ID, i18n.StaffRequestsHead, "n", 1)
		h.expect(tu.ID, "Заявитель: Мамина Анна (мама)")
		h.press(tu.ID, card, label(i18n.BtnApprove))
		h.expectKey(tu.ID, i18n.AccessApproved, "name", "Мамина Анна", "child", f.student.Name.Full())
		h.expect(u.ID, "Школа одобрила Вашу заявку")
		h.expect(u.ID, "согласия")
		h.send(u.ID, "/myrequest")
		h.expectKey(u.ID, i18n.AccessStatusDone, "date", diary.DateOf(startTime), "child",
			f.student.Name.Last+" "+f.student.Name.First, "class", "7А", "decided", diary.DateOf(startTime).AddDays(2))
		h.send(tu.ID, "/requests")
		h.expectKey(tu.ID, i18n.AccessNoneWaiting)
	})
}

// TestAccessRequestOnlyItsClassTeacher: another staff member's buttons and
// commands decide nothing; a typed phone is not taken for the verified one.
func TestAccessRequestOnlyItsClassTeacher(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		_, tu := h.classTeacher()
		u := h.mother()
		h.send(u.ID, label(i18n.BtnNoCode))
		h.expectKey(u.ID, i18n.AccessAskName)
		h.send(u.ID, "Мамина Анна")
		h.expectKey(u.ID, i18n.AccessAskRelation)
		h.send(u.ID, "мама")
		h.expectKey(u.ID, i18n.AccessAskChild)
		h.send(u.ID, f.student.Name.Full())
		h.expectKey(u.ID, i18n.AccessAskClass)
		h.send(u.ID, "7А")
		h.expectKey(u.ID, i18n.AccessAskPhone)
		h.send(u.ID, demo.ParentPhone)
		h.expectKey(u.ID, i18n.AccessPhoneButton)
		if _, err := h.tg.SendContact(u.ID, telegramtest.Contact{PhoneNumber: "+79990000000", FirstName: "X"}); err != nil {
			t.Fatal(err)
		}
		h.expectKey(u.ID, i18n.LinkContactNotOwn)
		if _, err := h.tg.ShareContact(u.ID); err != nil {
			t.Fatal(err)
		}
		h.expectKey(u.ID, i18n.AccessRecorded, "date", diary.DateOf(startTime), "days", accessDays)
		h.expect(tu.ID, "Заявитель: Мамина Анна")

		other := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		ou := h.user(telegramtest.User{})
		h.linkStaff(ou.ID, other)
		h.send(ou.ID, "/requests")
		h.expectKey(ou.ID, i18n.AccessNoneWaiting)
		if open, _ := h.db.PendingAccessRequests(h.ctx, f.student.ClassID); len(open) != 1 {
			t.Errorf("pending: %+v", open)
		}
	})
}
