package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// The regulation's required warning cannot be switched off in the store:
// refused, nothing stored, and it stays wanted when every notice is off.
func testNotifyRequired(t *testing.T, f *fixture) {
	ctx := t.Context()
	chat := f.openChat(t, userBelova)
	if err := f.s.SetNotifyChoice(ctx, chat, diary.NotifyExpectedGrade, false); !isInvalid(err) {
		t.Errorf("required kind off: err = %v, want EInvalid", err)
	}
	f.wantChoices(t, "after the refused switch", diary.NotifyChoices{ChatID: chat, Channel: diary.ChannelTelegram})
	must(t, f.s.SetNotifyChoice(ctx, chat, diary.NotifyExpectedGrade, true), "required kind on")
	must(t, f.s.SetNotifyChoice(ctx, chat, diary.NotifyAll, false), "all off")
	got, err := f.s.NotifyChoices(ctx, chat)
	must(t, err, "choices")
	if !got.Wants(diary.NotifyExpectedGrade) || got.Wants(diary.NotifyReply) {
		t.Errorf("muted chat: wants expected grade %v, reply %v; want true, false",
			got.Wants(diary.NotifyExpectedGrade), got.Wants(diary.NotifyReply))
	}
}

// emailCode is the code the tests send.
const emailCode = "123456"

// The right code confirms the address: it becomes the chat's email, the
// channel chosen before kept, and the request ends. Unknown chats and bad
// requests are refused.
func testEmailConfirm(t *testing.T, f *fixture) {
	ctx := t.Context()
	wantNotFound(t, f.s.StartEmailConfirm(ctx, chatOf(userBelova), "belova@mail.ru", emailCode), "unknown chat")
	chat := f.openChat(t, userBelova)
	_, err := f.s.ConfirmEmail(ctx, chat, emailCode)
	wantNotFound(t, err, "nothing requested")
	for _, bad := range [][2]string{{"belova at mail.ru", emailCode}, {"belova@mail.ru", "12345"}} {
		if err := f.s.StartEmailConfirm(ctx, chat, bad[0], bad[1]); !isInvalid(err) {
			t.Errorf("address %q, code %q: err = %v, want EInvalid", bad[0], bad[1], err)
		}
	}
	must(t, f.s.SetNotifyChannel(ctx, chat, diary.ChannelEmail, "old@mail.ru"), "email channel")
	must(t, f.s.StartEmailConfirm(ctx, chat, " belova@mail.ru ", emailCode), "start")
	f.clock.Advance(diary.EmailCodeTTL - time.Second)
	got, err := f.s.ConfirmEmail(ctx, chat, "123 456")
	must(t, err, "confirm")
	equal(t, "confirmed", got, diary.EmailCheck{Email: "belova@mail.ru", Left: diary.EmailCodeTries})
	f.wantChoices(t, "the address stored, the channel kept", diary.NotifyChoices{ChatID: chat,
		Channel: diary.ChannelEmail, Email: "belova@mail.ru", UpdatedAt: f.clock.Now()})
	_, err = f.s.ConfirmEmail(ctx, chat, emailCode)
	wantNotFound(t, err, "the request ended")
}

// Wrong codes count, say the tries left and change nothing; the last one
// ends the code, and the right code after it is refused.
func testEmailConfirmWrong(t *testing.T, f *fixture) {
	ctx := t.Context()
	chat := f.openChat(t, userBelova)
	must(t, f.s.StartEmailConfirm(ctx, chat, "belova@mail.ru", emailCode), "start")
	for i := 1; i < diary.EmailCodeTries; i++ {
		got, err := f.s.ConfirmEmail(ctx, chat, "654321")
		if !errors.Is(err, diary.ErrEmailCodeWrong) || got.Left != diary.EmailCodeTries-i {
			t.Fatalf("wrong try %d: %+v, %v; want ErrEmailCodeWrong, %d left", i, got, err, diary.EmailCodeTries-i)
		}
	}
	_, err := f.s.ConfirmEmail(ctx, chat, "654321")
	wantExpired(t, err, "the last wrong try")
	_, err = f.s.ConfirmEmail(ctx, chat, emailCode)
	wantExpired(t, err, "the right code after the tries ran out")
	f.wantChoices(t, "no address", diary.NotifyChoices{ChatID: chat, Channel: diary.ChannelTelegram})
}

// A code works until EmailCodeTTL by the store's clock, not after.
func testEmailConfirmExpiry(t *testing.T, f *fixture) {
	ctx := t.Context()
	chat := f.openChat(t, userBelova)
	must(t, f.s.StartEmailConfirm(ctx, chat, "belova@mail.ru", emailCode), "start")
	f.clock.Advance(diary.EmailCodeTTL)
	_, err := f.s.ConfirmEmail(ctx, chat, emailCode)
	wantExpired(t, err, "the right code at the expiry")
	f.wantChoices(t, "no address", diary.NotifyChoices{ChatID: chat, Channel: diary.ChannelTelegram})
}

// A new request replaces the old: the old code no longer confirms, the
// tries start again, the new address is the one confirmed.
func testEmailConfirmReplaced(t *testing.T, f *fixture) {
	ctx := t.Context()
	chat, other := f.openChat(t, userBelova), f.openChat(t, userVolkova)
	must(t, f.s.StartEmailConfirm(ctx, chat, "first@mail.ru", emailCode), "start")
	must(t, f.s.StartEmailConfirm(ctx, other, "volkova@mail.ru", "111111"), "start other")
	for range diary.EmailCodeTries - 1 {
		_, _ = f.s.ConfirmEmail(ctx, chat, "000000")
	}
	f.clock.Advance(time.Minute)
	must(t, f.s.StartEmailConfirm(ctx, chat, "second@mail.ru", "222222"), "replace")
	got, err := f.s.ConfirmEmail(ctx, chat, emailCode)
	if !errors.Is(err, diary.ErrEmailCodeWrong) || got.Left != diary.EmailCodeTries-1 {
		t.Errorf("the old code: %+v, %v; want ErrEmailCodeWrong with the tries started again", got, err)
	}
	if _, err := f.s.ConfirmEmail(ctx, other, "222222"); !errors.Is(err, diary.ErrEmailCodeWrong) {
		t.Errorf("another chat's code: %v, want ErrEmailCodeWrong", err)
	}
	f.clock.Advance(diary.EmailCodeTTL - time.Second) // the new code's clock started at the replacement
	got, err = f.s.ConfirmEmail(ctx, chat, "222222")
	must(t, err, "the new code")
	equal(t, "confirmed address", got.Email, "second@mail.ru")
}

// wantExpired fails the test unless err is ErrCodeExpired.
func wantExpired(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, diary.ErrCodeExpired) {
		t.Errorf("%s: err = %v, want ErrCodeExpired", what, err)
	}
}
