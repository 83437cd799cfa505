package bot

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestDiaryViewsThroughTheBot shows the real views (internal/views): the
// grades of the linked child, a subject in detail from its button, and the
// visits of both.
func TestDiaryViewsThroughTheBot(t *testing.T) {
	forEachStore(t, options{realViews: true}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuGrades))
		grades := h.expect(u.ID, "Алгебра")
		for len(grades.InlineKeyboard) == 0 { // a long view: buttons under its last page
			grades = h.next(u.ID)
		}
		first := grades.InlineKeyboard[0][0]
		h.press(u.ID, grades, first.Text)
		h.expect(u.ID, first.Text)
		h.press(u.ID, menu, label(i18n.MenuHomework))
		h.next(u.ID)

		visits, err := h.db.Visits(h.ctx, h.school.ID, startTime.Add(-time.Hour), startTime.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range visits {
			got = append(got, v.View)
			if v.StudentID != f.student.ID || v.TelegramUserID != u.ID {
				t.Errorf("visit %+v", v)
			}
		}
		if len(got) != 3 || got[0] != "grades" || got[2] != "homework" {
			t.Errorf("visits %v", got)
		}
	})
}
