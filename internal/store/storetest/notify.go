package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func notifyTests() []contractTest {
	return []contractTest{
		{"Notify/Switches", testNotifySwitches},
		{"Notify/Channel", testNotifyChannel},
		{"Notify/Required", testNotifyRequired},
		{"Notify/EmailConfirm", testEmailConfirm},
		{"Notify/EmailConfirmWrong", testEmailConfirmWrong},
		{"Notify/EmailConfirmExpiry", testEmailConfirmExpiry},
		{"Notify/EmailConfirmReplaced", testEmailConfirmReplaced},
		{"Notify/StaffChat", testStaffChat},
	}
}

// openChat stores the chat of a test user.
func (f *fixture) openChat(t *testing.T, user int64) int64 {
	t.Helper()
	chat := chatOf(user)
	must(t, f.s.UpsertChat(t.Context(), diary.Chat{ChatID: chat, TelegramUserID: user, Language: "ru"}), "upsert chat")
	return chat
}

// wantChoices checks the stored choices of want.ChatID.
func (f *fixture) wantChoices(t *testing.T, what string, want diary.NotifyChoices) {
	t.Helper()
	got, err := f.s.NotifyChoices(t.Context(), want.ChatID)
	must(t, err, "%s", what)
	got.UpdatedAt, want.UpdatedAt = us(got.UpdatedAt), us(want.UpdatedAt)
	equal(t, what, got, want)
}

// A chat starts with every kind on; each switch is kept apart, the one
// switch mutes all; unknown kinds and chats are refused.
func testNotifySwitches(t *testing.T, f *fixture) {
	ctx := t.Context()
	_, err := f.s.NotifyChoices(ctx, chatOf(userBelova))
	wantNotFound(t, err, "choices of an unknown chat")
	wantNotFound(t, f.s.SetNotifyChoice(ctx, chatOf(userBelova), diary.NotifyReply, false), "switch of an unknown chat")
	chat, other := f.openChat(t, userBelova), f.openChat(t, userVolkova)
	want := diary.NotifyChoices{ChatID: chat, Channel: diary.ChannelTelegram}
	f.wantChoices(t, "defaults", want)
	f.clock.Advance(time.Minute)
	must(t, f.s.SetNotifyChoice(ctx, chat, diary.NotifyReply, false), "reply off")
	f.clock.Advance(time.Minute)
	must(t, f.s.SetNotifyChoice(ctx, chat, diary.NotifyAll, false), "all off")
	want.Switches, want.UpdatedAt = map[diary.NotifyKind]bool{diary.NotifyReply: false, diary.NotifyAll: false}, f.clock.Now()
	f.wantChoices(t, "muted", want)
	f.clock.Advance(time.Minute)
	must(t, f.s.SetNotifyChoice(ctx, chat, diary.NotifyAll, true), "all on")
	want.Switches[diary.NotifyAll], want.UpdatedAt = true, f.clock.Now()
	f.wantChoices(t, "all on again", want)
	f.wantChoices(t, "the other chat", diary.NotifyChoices{ChatID: other, Channel: diary.ChannelTelegram})
	if err := f.s.SetNotifyChoice(ctx, chat, "grades", false); !isInvalid(err) {
		t.Errorf("unknown kind: err = %v, want EInvalid", err)
	}
}

// The channel and the address are kept together; a refused change keeps
// what was stored.
func testNotifyChannel(t *testing.T, f *fixture) {
	ctx := t.Context()
	wantNotFound(t, f.s.SetNotifyChannel(ctx, chatOf(userBelova), diary.ChannelTelegram, ""), "channel of an unknown chat")
	chat := f.openChat(t, userBelova)
	f.clock.Advance(time.Minute)
	must(t, f.s.SetNotifyChannel(ctx, chat, diary.ChannelEmail, " belova@mail.ru "), "email channel")
	want := diary.NotifyChoices{ChatID: chat, Channel: diary.ChannelEmail, Email: "belova@mail.ru", UpdatedAt: f.clock.Now()}
	f.wantChoices(t, "by email", want)
	for _, bad := range []struct {
		ch    diary.NotifyChannel
		email string
	}{{diary.ChannelEmail, ""}, {diary.ChannelTelegram, "belova at mail.ru"}, {"max", ""}} {
		if err := f.s.SetNotifyChannel(ctx, chat, bad.ch, bad.email); !isInvalid(err) {
			t.Errorf("channel %q, address %q: err = %v, want EInvalid", bad.ch, bad.email, err)
		}
	}
	f.wantChoices(t, "after refused changes", want)
	f.clock.Advance(time.Minute)
	must(t, f.s.SetNotifyChannel(ctx, chat, diary.ChannelTelegram, "belova@mail.ru"), "telegram channel")
	want.Channel, want.UpdatedAt = diary.ChannelTelegram, f.clock.Now()
	f.wantChoices(t, "back to Telegram, the address kept for the fallback", want)
}

// A staff member's chat is recorded and replaced; unknown staff and chats
// are refused.
func testStaffChat(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	ivanova := id(t, r.Staff, StaffIvanova)
	_, err := f.s.StaffChat(ctx, ivanova)
	wantNotFound(t, err, "chat never recorded")
	wantNotFound(t, f.s.SetStaffChat(ctx, ivanova, chatOf(userIvanova)), "unknown chat")
	chat := f.openChat(t, userIvanova)
	must(t, f.s.SetStaffChat(ctx, ivanova, chat), "set staff chat")
	got, err := f.s.StaffChat(ctx, ivanova)
	must(t, err, "staff chat")
	equal(t, "staff chat", got, diary.StaffChat{StaffID: ivanova, ChatID: chat, UpdatedAt: us(f.clock.Now())})
	f.clock.Advance(time.Hour)
	other := f.openChat(t, userStranger)
	must(t, f.s.SetStaffChat(ctx, ivanova, other), "replace staff chat")
	got, err = f.s.StaffChat(ctx, ivanova)
	must(t, err, "staff chat")
	equal(t, "replaced staff chat", got, diary.StaffChat{StaffID: ivanova, ChatID: other, UpdatedAt: us(f.clock.Now())})
	wantNotFound(t, f.s.SetStaffChat(ctx, 1<<40, chat), "unknown staff member")
}
