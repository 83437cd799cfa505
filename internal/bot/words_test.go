package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestPlainWords opens the views by the words families type, and hints at
// a code of the wrong length.
func TestPlainWords(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		stranger := h.user(telegramtest.User{})
		h.send(stranger.ID, "оценки")
		h.expectKey(stranger.ID, i18n.ErrNotLinked)
		h.send(stranger.ID, "12345-6789")
		h.expectKey(stranger.ID, i18n.HintCodeLength, "got", 9, "want", diary.CodeSymbols)

		u := h.user(telegramtest.User{})
		h.linkParent(u.ID, f, f.student)
		for _, tt := range []struct{ typed, action string }{
			{"оценки", ActionGrades}, {"дз", ActionHomework}, {"Домашка", ActionHomework}, {"задание", ActionHomework},
			{"расписание", ActionTimetable}, {"Пропуски!", ActionAttendance}, {"завтра", ActionTomorrow},
			{"Что нового?", ActionNews}, {"Итоговые оценки", ActionFinal},
		} {
			h.send(u.ID, tt.typed)
			h.expect(u.ID, f.student.Name.Full()+" · "+tt.action)
		}
		h.send(u.ID, "AB3X9-K7M2P-Q")
		h.expectKey(u.ID, i18n.HintCodeLength, "got", 11, "want", diary.CodeSymbols)
		h.send(u.ID, "спасибо")
		h.expectKey(u.ID, i18n.ErrUnknownInput)
	})
}

// TestNewsSinceLastVisit: «Что нового» counts from the family's last visit
// before the sitting in progress, a week back without one.
func TestNewsSinceLastVisit(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuNews))
		h.expect(u.ID, f.student.Name.Full()+" · news") // no visit before: the default week
		h.clock.Advance(3 * time.Hour)
		h.send(u.ID, "/grades") // this sitting: does not count
		h.next(u.ID)
		h.send(u.ID, "что нового")
		m := h.next(u.ID)
		if want := fmt.Sprintf(" · news:t%d", startTime.Unix()); !strings.HasSuffix(m.Text, want) {
			t.Errorf("news rendered as %q, want it since the first visit (%s)", m.Text, want)
		}
	})
}

// TestNewViewsThroughTheBot shows «Завтра» and «Что нового» of the demo
// school from the menu, in place, on both stores.
func TestNewViewsThroughTheBot(t *testing.T) {
	forEachStore(t, options{realViews: true}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuTomorrow))
		tomorrow := h.expect(u.ID, "Завтра\n")
		if tomorrow.ID != menu.ID || !strings.Contains(tomorrow.Text, "Вт, 21 октября\n1. ") {
			t.Errorf("tomorrow in message %d: %q", tomorrow.ID, tomorrow.Text)
		}
		h.press(u.ID, tomorrow, label(i18n.MenuMain))
		menu = h.expect(u.ID, "Выбран ученик")
		h.press(u.ID, menu, label(i18n.MenuNews))
		news := h.expect(u.ID, "Что нового с 13 окт")
		if !strings.Contains(news.Text, "Оценки\n") || !strings.Contains(news.Text, "Задания\n") {
			t.Errorf("news: %q", news.Text)
		}
		h.press(u.ID, news, label(i18n.MenuMain))
		menu = h.expect(u.ID, "Выбран ученик")
		h.press(u.ID, menu, label(i18n.MenuAttendance))
		att := h.expect(u.ID, "Посещаемость")
		h.press(u.ID, att, label(i18n.BtnAttendanceByDate))
		h.expect(u.ID, "По датам")
	})
}
