package bot

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestDiaryViewsThroughTheBot shows the real views (internal/views) in
// place: the menu becomes the grades of the linked child, the grades a
// subject in detail, the subject the menu again; each visit is recorded.
func TestDiaryViewsThroughTheBot(t *testing.T) {
	forEachStore(t, options{realViews: true}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuGrades))
		grades := h.expect(u.ID, "Алгебра")
		if grades.ID != menu.ID || grades.Edits != 1 {
			t.Fatalf("grades in message %d (%d edits), want the menu's %d edited", grades.ID, grades.Edits, menu.ID)
		}
		first := grades.InlineKeyboard[0][0]
		h.press(u.ID, grades, first.Text)
		subject := h.expect(u.ID, first.Text)
		if subject.ID != menu.ID {
			t.Errorf("subject in message %d, want %d", subject.ID, menu.ID)
		}
		h.press(u.ID, subject, label(i18n.MenuMain))
		back := h.expect(u.ID, "Выбран ученик")
		h.press(u.ID, back, label(i18n.MenuHomework))
		h.next(u.ID)
		if n := len(h.tg.BotMessages(u.ID)); n != 3 { // consent, «записано», the menu
			t.Errorf("%d bot messages, want 3: views replace the menu", n)
		}

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
		if len(got) != 3 || got[0] != "grades" || got[1] != "subject" || got[2] != "homework" {
			t.Errorf("visits %v", got)
		}
	})
}
