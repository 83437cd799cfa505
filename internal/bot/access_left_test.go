package bot

import (
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestDepartureReasonNamed: a code or a shared phone of a student who left
// is refused with the departure the journal recorded and its date.
func TestDepartureReasonNamed(t *testing.T) {
	forEachStore(t, options{phone: []string{demo.DemoSchoolCode}}, func(t *testing.T, h *harness) {
		f := h.parent()
		tests := []struct {
			reason string
			want   i18n.Key
		}{
			{diary.LeftExpelled, i18n.RefusedLeftExpelled},
			{diary.LeftTransferred, i18n.RefusedLeftTransferred},
			{diary.LeftGraduated, i18n.RefusedLeftGraduated},
		}
		for _, tt := range tests {
			t.Run(tt.reason, func(t *testing.T) {
				code := h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID})
				left := f.student
				left.Status, left.LeftOn, left.LeftReason = diary.Left, diary.MustDate("2025-10-17"), tt.reason
				h.applyStudent(left)
				u := h.user(telegramtest.User{})
				h.startWith(u.ID, code)
				h.expectKey(u.ID, tt.want, "date", left.LeftOn)
			})
		}
		sibling := f.sibling
		sibling.Status, sibling.LeftOn, sibling.LeftReason = diary.Left, diary.MustDate("2025-10-18"), diary.LeftTransferred
		h.applyStudent(sibling)
		mother := h.user(telegramtest.User{Phone: demo.ParentPhone})
		if _, err := h.tg.ShareContact(mother.ID); err != nil {
			t.Fatal(err)
		}
		m := h.next(mother.ID)
		if m.Text != i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, i18n.RefusedLeftGraduated, "date", diary.MustDate("2025-10-17")))) &&
			m.Text != i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, i18n.RefusedLeftTransferred, "date", sibling.LeftOn))) {
			t.Errorf("phone of a family whose children left: %q", m.Text)
		}
	})
}
