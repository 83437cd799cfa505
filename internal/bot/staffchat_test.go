package bot

import (
	"log/slog"
	"strconv"
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// restarted returns a new bot over the harness's store with a fresh
// cluster: what a restart of the embedded setup, or another replica after
// the Sessions expired, sees.
func (h *harness) restarted() *B {
	h.t.Helper()
	b, err := New(Deps{Store: h.db, Cluster: openCluster(h.t, h.ctx, false, h.clock.Now), Now: h.clock.Now,
		Consent: testConsent, Views: &fakeViews{db: h.db}, Log: slog.New(slog.NewTextHandler(h.logs, nil))})
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// TestRestartKeepsNotifySwitchAndStaffChat turns a parent's notifications
// off and links a class teacher, then starts a new bot over the same store
// with nothing in its cluster: both are still known.
func TestRestartKeepsNotifySwitchAndStaffChat(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		parent := h.user(telegramtest.User{})
		menu := h.linkParent(parent.ID, f, f.student)
		h.press(parent.ID, menu, label(i18n.MenuSettings))
		settings := h.expectKey(parent.ID, i18n.SettingsTitle)
		h.press(parent.ID, settings, label(i18n.BtnSettingsNotify))
		view := h.expectKey(parent.ID, i18n.NotifyTitle)
		h.press(parent.ID, view, label(i18n.BtnNotifyAllOff))
		h.expectKey(parent.ID, i18n.NotifyMuted)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		staff := h.user(telegramtest.User{})
		h.linkStaff(staff.ID, teacher)

		b := h.restarted()
		if off, err := b.NotificationsOff(h.ctx, parent.ID); err != nil || !off {
			t.Errorf("after a restart NotificationsOff = %v, %v; want true", off, err)
		}
		if chat, ok := b.staffChat(h.ctx, teacher.ID); !ok || chat != staff.ID {
			t.Errorf("after a restart the staff chat = %d, %v; want %d", chat, ok, staff.ID)
		}
	})
}

// TestLegacyStateMovesToStore reads what an older bot kept in the Sessions
// (the notification switch in a chat's state, a staff member's chat) and
// moves it into the store.
func TestLegacyStateMovesToStore(t *testing.T) {
	h := newHarness(t, options{})
	teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
	u := h.user(telegramtest.User{})
	h.linkStaff(u.ID, teacher)
	other := h.otherStaff(teacher.ID)
	b := h.restarted()
	mustSet(t, h, b, stateKey(u.ID), `{"mute":true}`)
	mustSet(t, h, b, legacyStaffChatKey(other), strconv.FormatInt(u.ID, 10))
	if _, err := b.loadState(h.ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if off, err := h.b.NotificationsOff(h.ctx, u.ID); err != nil || !off {
		t.Errorf("the older switch: NotificationsOff = %v, %v; want true", off, err)
	}
	if chat, ok := b.recordedStaffChat(h.ctx, other); !ok || chat != u.ID {
		t.Errorf("the older staff chat = %d, %v; want %d", chat, ok, u.ID)
	}
	if sc, err := h.db.StaffChat(h.ctx, other); err != nil || sc.ChatID != u.ID {
		t.Errorf("stored staff chat = %+v, %v; want chat %d", sc, err, u.ID)
	}
}

// mustSet stores a Sessions value of b's cluster.
func mustSet(t *testing.T, h *harness, b *B, key, value string) {
	t.Helper()
	if err := b.d.Cluster.Sessions.Set(h.ctx, key, []byte(value), stateTTL); err != nil {
		t.Fatal(err)
	}
}

// otherStaff returns the id of a teacher of the demo school other than id,
// whose chat the store has not recorded.
func (h *harness) otherStaff(id int64) int64 {
	h.t.Helper()
	staff, err := h.db.StaffWithRole(h.ctx, h.school.ID, diary.RoleTeacher)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, s := range staff {
		if s.ID != id {
			return s.ID
		}
	}
	h.t.Fatal("the demo school has one teacher")
	return 0
}
