package bot

import (
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// forEachStore runs a scenario on the embedded store and on PostgreSQL.
func forEachStore(t *testing.T, opt options, scenario func(t *testing.T, h *harness)) {
	t.Helper()
	for _, pg := range []bool{false, true} {
		name := "sqlite"
		if pg {
			name = "postgres"
		}
		t.Run(name, func(t *testing.T) {
			opt.postgres = pg
			scenario(t, newHarness(t, opt))
		})
	}
}

// TestScenarioOnRedisAndPostgres runs the scaled setup: PostgreSQL and the
// Redis cluster (sessions, buttons, dedup, locks, lockout).
func TestScenarioOnRedisAndPostgres(t *testing.T) {
	h := newHarness(t, options{postgres: true, redis: true})
	f := h.parent()
	u := h.user(telegramtest.User{})
	menu := h.linkParent(u.ID, f, f.student)
	h.press(u.ID, menu, label(i18n.MenuHomework))
	h.expect(u.ID, f.student.Name.Full()+" · homework")
	if err := h.b.Receive(h.ctx, callbackUpdate(40_000_001, u.ID, "AAAAAAAAAAAA")); err != nil {
		t.Fatal(err)
	}
	h.expectQuiet(u.ID)   // a stale button changes nothing
	h.send(u.ID, "/menu") // the homework replaced the first menu in place
	menu = h.expect(u.ID, "Выбран ученик")
	for range 2 { // the same update twice: handled once
		if err := h.b.Receive(h.ctx, callbackUpdate(40_000_002, u.ID, menu.InlineKeyboard[0][0].CallbackData)); err != nil {
			t.Fatal(err)
		}
	}
	h.expect(u.ID, f.student.Name.Full()+" · grades")
	h.send(u.ID, "12345-67890")
	h.expectKey(u.ID, i18n.RefusedUnknown, "left", MaxWrongCodes-1)
	grades := 0
	for _, m := range h.tg.BotMessages(u.ID) {
		if strings.Contains(m.Text, " · grades") {
			grades++
		}
	}
	if grades != 1 {
		t.Errorf("a repeated update rendered %d times", grades)
	}
}
