package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// mailbox is an email channel that keeps what it was asked to send, in
// order, instead of talking SMTP; refuse makes it refuse every address.
type mailbox struct {
	sent   chan mailSent
	mu     sync.Mutex
	refuse error
}

// mailSent is one message the mailbox took.
type mailSent struct {
	to notify.Address
	m  notify.Message
}

func newMailbox() *mailbox { return &mailbox{sent: make(chan mailSent, 16)} }

// Name is the channel's name.
func (b *mailbox) Name() string { return "email" }

// Send keeps m for the test, or refuses it.
func (b *mailbox) Send(ctx context.Context, to notify.Address, m notify.Message) error {
	b.mu.Lock()
	refuse := b.refuse
	b.mu.Unlock()
	if refuse != nil {
		return refuse
	}
	select {
	case b.sent <- mailSent{to, m}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// refuseWith makes every later Send fail with err (nil: succeed).
func (b *mailbox) refuseWith(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refuse = err
}

// codeRE finds the six-digit code in a letter.
var codeRE = regexp.MustCompile(`\b\d{6}\b`)

// received waits for the next letter, checks its address and returns the
// code in it.
func (b *mailbox) received(t *testing.T, to string) string {
	t.Helper()
	select {
	case got := <-b.sent:
		code := codeRE.FindString(got.m.Text)
		if got.to.To != to || code == "" || got.m.Subject == "" || !strings.Contains(got.m.HTML, code) {
			t.Fatalf("letter to %q: %+v", got.to.To, got.m)
		}
		return code
	case <-time.After(15 * time.Second):
		t.Fatalf("no letter to %s", to)
	}
	return ""
}

// openNotify opens Settings → «Уведомления» for a linked parent and returns
// the view.
func (h *harness) openNotify(userID int64) telegramtest.Message {
	h.t.Helper()
	f := h.parent()
	menu := h.linkParent(userID, f, f.student)
	h.press(userID, menu, label(i18n.MenuSettings))
	settings := h.expectKey(userID, i18n.SettingsTitle)
	h.press(userID, settings, label(i18n.BtnSettingsNotify))
	return h.expectKey(userID, i18n.NotifyTitle)
}

// choicesOf reads the chat's stored choices.
func (h *harness) choicesOf(chatID int64) diary.NotifyChoices {
	h.t.Helper()
	c, err := h.db.NotifyChoices(h.ctx, chatID)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// kindLabel is the line or button text of key about kind k in Russian.
func kindLabel(key i18n.Key, k i18n.Key) string {
	return label(key, "kind", label(k))
}

// TestNotifySwitchKindOffAndOn switches a kind off and on in place; the
// store follows, and the replaced view's buttons are stale.
func TestNotifySwitchKindOffAndOn(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{})
		view := h.openNotify(u.ID)
		if !strings.Contains(view.Text, kindLabel(i18n.NotifyLineOn, i18n.NotifyKindReply)) {
			t.Fatalf("view: %q", view.Text)
		}
		old, edits := view.InlineKeyboard[0][0].CallbackData, view.Edits
		h.press(u.ID, view, kindLabel(i18n.BtnNotifyKindOff, i18n.NotifyKindReply))
		view = h.expect(u.ID, kindLabel(i18n.NotifyLineOff, i18n.NotifyKindReply))
		if view.Edits != edits+1 || h.choicesOf(u.ID).Wants(diary.NotifyReply) {
			t.Fatalf("reply off: %d edits after %d, stored %+v", view.Edits, edits, h.choicesOf(u.ID))
		}
		if !h.choicesOf(u.ID).Wants(diary.NotifyVisitReminder) {
			t.Error("another kind went off too")
		}
		if err := h.b.Receive(h.ctx, callbackUpdate(60_000_001, u.ID, old)); err != nil {
			t.Fatal(err)
		}
		h.expectQuiet(u.ID) // a button of the replaced view changes nothing
		h.press(u.ID, view, kindLabel(i18n.BtnNotifyKindOn, i18n.NotifyKindReply))
		view = h.expect(u.ID, kindLabel(i18n.NotifyLineOn, i18n.NotifyKindReply))
		if !h.choicesOf(u.ID).Wants(diary.NotifyReply) {
			t.Errorf("reply on again: stored %+v", h.choicesOf(u.ID))
		}
		h.press(u.ID, view, label(i18n.BtnBack))
		h.expectKey(u.ID, i18n.SettingsTitle)
	})
}

// TestNotifyRequiredKind: the 3.6.4 warning is shown as required with no
// switch; neither «all off» nor a forged button turns it off.
func TestNotifyRequiredKind(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{})
		view := h.openNotify(u.ID)
		if !strings.Contains(view.Text, kindLabel(i18n.NotifyLineRequired, i18n.NotifyKindExpected)) ||
			hasButton(view, kindLabel(i18n.BtnNotifyKindOff, i18n.NotifyKindExpected)) {
			t.Fatalf("required kind: %q %+v", view.Text, view.InlineKeyboard)
		}
		h.press(u.ID, view, label(i18n.BtnNotifyAllOff))
		view = h.expectKey(u.ID, i18n.NotifyTitle)
		if !strings.Contains(view.Text, label(i18n.NotifyMuted)) ||
			!strings.Contains(view.Text, kindLabel(i18n.NotifyLineRequired, i18n.NotifyKindExpected)) ||
			!strings.Contains(view.Text, kindLabel(i18n.NotifyLineOff, i18n.NotifyKindReply)) {
			t.Errorf("muted view: %q", view.Text)
		}
		c := h.choicesOf(u.ID)
		if !c.Muted() || !c.Wants(diary.NotifyExpectedGrade) {
			t.Errorf("muted: %+v", c)
		}
		h.forge(u.ID, button{Kind: btnNotifyKind, Action: string(diary.NotifyExpectedGrade)})
		h.expectKey(u.ID, i18n.NotifyRequired)
		if _, set := h.choicesOf(u.ID).Switches[diary.NotifyExpectedGrade]; set {
			t.Errorf("a forged button switched the required kind: %+v", h.choicesOf(u.ID))
		}
		h.press(u.ID, view, label(i18n.BtnNotifyOn))
		view = h.expect(u.ID, kindLabel(i18n.NotifyLineOn, i18n.NotifyKindReply))
		if h.choicesOf(u.ID).Muted() {
			t.Error("still muted")
		}
	})
}

// TestNotifyWithoutMail: a school without email says so and offers
// neither an address nor the email channel, forged buttons included.
func TestNotifyWithoutMail(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{})
		view := h.openNotify(u.ID)
		if !strings.Contains(view.Text, label(i18n.NotifyEmailOff)) || hasButton(view, label(i18n.BtnEmailAdd)) ||
			hasButton(view, label(i18n.BtnViaEmail)) {
			t.Fatalf("view without mail: %q %+v", view.Text, view.InlineKeyboard)
		}
		h.forge(u.ID, button{Kind: btnEmail})
		h.expectKey(u.ID, i18n.NotifyEmailOff)
		h.forge(u.ID, button{Kind: btnNotifyVia, Action: string(diary.ChannelEmail)})
		h.expectKey(u.ID, i18n.NotifyEmailOff)
		if c := h.choicesOf(u.ID); c.Channel != diary.ChannelTelegram || c.Email != "" {
			t.Errorf("choices: %+v", c)
		}
	})
}

// TestNotifyEmailConfirmed adds an address end to end: a malformed one gets
// a hint, a wrong code says the tries left, the right one confirms; only
// then may the notices go by email, and back to Telegram.
func TestNotifyEmailConfirmed(t *testing.T) {
	mail := newMailbox()
	forEachStore(t, options{mail: mail}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{})
		view := h.openNotify(u.ID)
		if !strings.Contains(view.Text, label(i18n.NotifyEmailNone)) || hasButton(view, label(i18n.BtnViaEmail)) {
			t.Fatalf("view before an address: %q %+v", view.Text, view.InlineKeyboard)
		}
		h.forge(u.ID, button{Kind: btnNotifyVia, Action: string(diary.ChannelEmail)})
		h.expectKey(u.ID, i18n.NotifyEmailFirst)
		h.press(u.ID, view, label(i18n.BtnEmailAdd))
		h.expectKey(u.ID, i18n.EmailAsk)
		h.send(u.ID, "ivanova at mail.ru")
		h.expectKey(u.ID, i18n.EmailBad)
		h.send(u.ID, "ivanova@mail.ru")
		code := mail.received(t, "ivanova@mail.ru")
		h.expect(u.ID, "ivanova@mail.ru")
		h.send(u.ID, "12345")
		h.expectKey(u.ID, i18n.EmailCodeHint)
		h.send(u.ID, otherCode(code))
		h.expectKey(u.ID, i18n.EmailCodeWrong, "left", diary.EmailCodeTries-1)
		h.send(u.ID, code)
		h.expectKey(u.ID, i18n.EmailConfirmed, "email", "ivanova@mail.ru")
		view = h.expect(u.ID, "iv***@mail.ru")
		if c := h.choicesOf(u.ID); c.Email != "ivanova@mail.ru" || c.Channel != diary.ChannelTelegram {
			t.Fatalf("confirmed: %+v", c)
		}
		h.press(u.ID, view, label(i18n.BtnViaEmail))
		view = h.expectKey(u.ID, i18n.NotifyTitle)
		if c := h.choicesOf(u.ID); c.Channel != diary.ChannelEmail || !strings.Contains(view.Text, label(i18n.NotifyViaEmail)) {
			t.Fatalf("by email: %+v %q", c, view.Text)
		}
		h.press(u.ID, view, label(i18n.BtnViaTelegram))
		h.expect(u.ID, label(i18n.NotifyViaTelegram))
		if c := h.choicesOf(u.ID); c.Channel != diary.ChannelTelegram || c.Email != "ivanova@mail.ru" {
			t.Errorf("back to Telegram: %+v", c)
		}
		if logs := h.logs.String(); strings.Contains(logs, code) || strings.Contains(logs, "ivanova@") {
			t.Errorf("the code or the address is in the log:\n%s", logs)
		}
	})
}

// TestNotifyEmailCodeDies: a code past its 15 minutes, and one after five
// wrong tries, no longer works; a new request replaces the old code; an
// address the mail server refuses is said so.
func TestNotifyEmailCodeDies(t *testing.T) {
	mail := newMailbox()
	forEachStore(t, options{mail: mail}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{})
		view := h.openNotify(u.ID)
		h.press(u.ID, view, label(i18n.BtnEmailAdd))
		h.expectKey(u.ID, i18n.EmailAsk)
		h.send(u.ID, "first@mail.ru")
		code := mail.received(t, "first@mail.ru")
		h.expect(u.ID, "first@mail.ru")
		h.clock.Advance(diary.EmailCodeTTL)
		h.send(u.ID, code)
		dead := h.expectKey(u.ID, i18n.EmailCodeDead)

		h.press(u.ID, dead, label(i18n.BtnEmailAdd))
		h.expectKey(u.ID, i18n.EmailAsk)
		h.send(u.ID, "second@mail.ru")
		old := mail.received(t, "second@mail.ru")
		h.expect(u.ID, "second@mail.ru")
		h.send(u.ID, "third@mail.ru") // a new address at the code step replaces the request
		code = mail.received(t, "third@mail.ru")
		h.expect(u.ID, "third@mail.ru")
		used := 0
		if old != code { // the old code counts as a wrong try of the new one
			h.send(u.ID, old)
			h.expectKey(u.ID, i18n.EmailCodeWrong, "left", diary.EmailCodeTries-1)
			used = 1
		}
		for left := diary.EmailCodeTries - 1 - used; left > 0; left-- {
			h.send(u.ID, otherCode(code))
			h.expectKey(u.ID, i18n.EmailCodeWrong, "left", left)
		}
		h.send(u.ID, otherCode(code)) // the fifth wrong try
		h.expectKey(u.ID, i18n.EmailCodeDead)
		if c := h.choicesOf(u.ID); c.Email != "" {
			t.Fatalf("an address stored without its code: %+v", c)
		}

		mail.refuseWith(fmt.Errorf("550 no such mailbox: %w", notify.ErrUndeliverable))
		defer mail.refuseWith(nil)
		h.press(u.ID, view, label(i18n.BtnEmailAdd))
		h.expectKey(u.ID, i18n.EmailAsk)
		h.send(u.ID, "nobody@mail.ru")
		h.expectKey(u.ID, i18n.EmailBadBox)
		mail.refuseWith(errors.New("dial tcp: connection refused"))
		h.send(u.ID, "nobody@mail.ru")
		h.expectKey(u.ID, i18n.EmailSendFail)
	})
}

// otherCode is a six-digit code that is not code.
func otherCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}
