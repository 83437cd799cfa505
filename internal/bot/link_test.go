package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestLinkByDeepLinkConsentAndView links a parent by the deep link of a
// letter, asks consent before any data, shows a view and records the visit.
func TestLinkByDeepLinkConsentAndView(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{FirstName: "Анна"})
		h.startWith(u.ID, h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID}))
		consent := h.expect(u.ID, "Я согласен на обработку данных <ПДн> & хранение.")
		if got := len(h.views.Calls()); got != 0 {
			t.Fatalf("views rendered before consent: %d", got)
		}
		h.press(u.ID, consent, label(i18n.BtnConsentAccept))
		h.expectConsentClosed(u.ID, consent)
		h.expect(u.ID, "Дневник подключён: "+f.student.Name.Full())
		menu := h.expect(u.ID, "Выбран ученик: "+f.student.Name.Full())
		h.press(u.ID, menu, label(i18n.MenuGrades))
		page := h.expect(u.ID, f.student.Name.Full()+" · grades")
		h.press(u.ID, page, "Подробнее")
		h.expect(u.ID, f.student.Name.Full()+" · grades:detail")

		visits, err := h.db.Visits(h.ctx, h.school.ID, startTime.Add(-time.Hour), startTime.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(visits), 2; got != want {
			t.Fatalf("visits: got %d, want %d", got, want)
		}
		v := visits[0]
		if v.TelegramUserID != u.ID || v.GuardianID != f.guardian.ID || v.StudentID != f.student.ID || v.View != "grades" {
			t.Errorf("visit = %+v", v)
		}
		history, err := h.db.ConsentHistory(h.ctx, f.student.ID)
		if err != nil || len(history) != 1 || history[0].Version != testConsent.Version || history[0].GuardianID != f.guardian.ID {
			t.Errorf("consent history = %+v, %v", history, err)
		}
		if got := h.tg.CommandsFor(u.ID, u.ID); !hasCommand(got, "grades") {
			t.Errorf("commands after linking: %+v", got)
		}
	})
}

// hasCommand reports whether cmds has name.
func hasCommand(cmds []telegramtest.Command, name string) bool {
	for _, c := range cmds {
		if c.Command == name {
			return true
		}
	}
	return false
}

// TestTypedCodeForgivesLookAlikes links by codes typed with lower case,
// spaces, Cyrillic letters and O/I/L for 0/1.
func TestTypedCodeForgivesLookAlikes(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		tests := []struct {
			name, code, typed string
		}{
			{"lower case", "AB0C1-DE2F3", "ab0c1-de2f3"},
			{"spaces instead of hyphen", "GH0J1-KM2N3", " gh0j1 km2n3 "},
			{"O and I for 0 and 1", "PQ0R1-ST2V3", "PQOR1-ST2V3"},
			{"Cyrillic letters", "AB0C1-XE2M3", "АВОС1–ХЕ2М3"},
			{"L for 1, no separator", "WX0Y1-Z12A3", "wx0yLzl2a3"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				h.storeCode(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID}, tt.code)
				u := h.user(telegramtest.User{})
				h.send(u.ID, tt.typed)
				h.expect(u.ID, "согласия на обработку персональных данных")
			})
		}
	})
}

// TestBruteForceLockout locks a chat out after five wrong codes, refuses
// even a right code while locked, and lets it in after the hour.
func TestBruteForceLockout(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		right := h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID})
		u := h.user(telegramtest.User{})
		for i := 1; i < MaxWrongCodes; i++ {
			h.send(u.ID, wrongCode(right, i))
			h.expectKey(u.ID, i18n.RefusedUnknown, "left", MaxWrongCodes-i)
		}
		h.clock.Advance(10 * time.Minute)
		h.send(u.ID, wrongCode(right, MaxWrongCodes))
		h.expectKey(u.ID, i18n.RefusedLocked, "minutes", 50)
		h.send(u.ID, right)
		h.expectKey(u.ID, i18n.RefusedLocked, "minutes", 50)
		if links, _ := h.db.ActiveLinks(h.ctx, u.ID); len(links) != 0 {
			t.Fatalf("linked while locked out: %+v", links)
		}
		other := h.user(telegramtest.User{})
		h.send(other.ID, wrongCode(right, 9))
		h.expectKey(other.ID, i18n.RefusedUnknown, "left", MaxWrongCodes-1)

		h.clock.Advance(51 * time.Minute)
		h.startWith(u.ID, right)
		h.expect(u.ID, "согласия на обработку персональных данных")
	})
}

// wrongCode returns a well-formed code that differs from right.
func wrongCode(right string, i int) string {
	b := []byte(right)
	for j := range 4 {
		b[j] = diary.CodeAlphabet[(strings.IndexByte(diary.CodeAlphabet, b[j])+i+j)%32]
	}
	return string(b)
}

// TestRefusals shows each refusal of clause 2.7 as its own message.
func TestRefusals(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		used := h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID})
		first := h.user(telegramtest.User{})
		h.startWith(first.ID, used)
		h.expect(first.ID, "согласия")

		expired := "EXP1R-ED000"
		h.storeCode(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: f.student.ID,
			CreatedAt: startTime.Add(-40 * 24 * time.Hour), ExpiresAt: startTime.Add(-10 * 24 * time.Hour)}, "EXP1R-ED000")
		tests := []struct {
			name string
			code string
			want i18n.Key
		}{
			{"used by someone else", used, i18n.RefusedUsed},
			{"expired", expired, i18n.RefusedExpired},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				u := h.user(telegramtest.User{})
				h.startWith(u.ID, tt.code)
				h.expectKey(u.ID, tt.want)
			})
		}
		t.Run("own used code again", func(t *testing.T) {
			h.startWith(first.ID, used)
			h.expect(first.ID, "согласия")
		})
	})
}
