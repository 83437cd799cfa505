package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
)

// An email address for the notices is confirmed by a six-digit code sent
// to it through Deps.Mail: the chat types the address, then the code. The
// store keeps only the code's hash, its expiry and the tries
// (diary.EmailConfirmations). Neither the code nor the address is logged
// above debug level.

// Steps of the email conversation.
const (
	stepEmail     = "email"      // the address to confirm
	stepEmailCode = "email_code" // the code sent to it
)

// emailBegin asks for the address, when the school has email set up.
func (b *B) emailBegin(ctx context.Context, r *req) error {
	if b.d.Mail == nil {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.NotifyEmailOff), nil)
	}
	r.st.clearStep()
	return b.ask(ctx, r, stepEmail, i18n.EmailAsk)
}

// emailStep takes a text typed during the email conversation; done is
// false in any other step.
func (b *B) emailStep(ctx context.Context, r *req, text string) (done bool, err error) {
	switch r.st.Step {
	case stepEmail:
		return true, b.emailAddress(ctx, r, text)
	case stepEmailCode:
		return true, b.emailCode(ctx, r, text)
	}
	return false, nil
}

// emailAddress takes the address: a malformed one gets a hint; otherwise a
// new code replaces any earlier one, is sent to it, and the code is asked.
func (b *B) emailAddress(ctx context.Context, r *req, text string) error {
	if b.d.Mail == nil {
		return b.endEmail(ctx, r, i18n.T(r.lang, i18n.NotifyEmailOff))
	}
	addr := strings.TrimSpace(text)
	if !diary.PlausibleEmail(addr) {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.EmailBad)+"\n\n/cancel", nil)
	}
	code, err := diary.NewEmailCode(b.d.Random)
	if err != nil {
		return fmt.Errorf("email confirm: %w", err)
	}
	if err := b.d.Store.StartEmailConfirm(ctx, r.chatID, addr, code); err != nil {
		return fmt.Errorf("email confirm: %w", err)
	}
	if err := b.mailCode(ctx, r, addr, code); err != nil {
		return b.mailFailed(ctx, r, err)
	}
	return b.askEmailCode(ctx, r, addr)
}

// mailCode sends the code to the address in the chat's language.
func (b *B) mailCode(ctx context.Context, r *req, addr, code string) error {
	minutes := int(diary.EmailCodeTTL.Minutes())
	m := notify.Message{
		Subject: i18n.Plain(r.lang, i18n.EmailSubject),
		HTML:    i18n.T(r.lang, i18n.EmailBody, "code", code, "minutes", minutes),
		Text:    i18n.Plain(r.lang, i18n.EmailBody, "code", code, "minutes", minutes),
	}
	return b.d.Mail.Send(ctx, notify.Address{To: addr, Language: string(r.lang)}, m)
}

// mailFailed says why the code did not go: an address the mail server
// refuses, or a failure to try again later. The chat stays at the address
// step.
func (b *B) mailFailed(ctx context.Context, r *req, err error) error {
	bad := errors.Is(err, notify.ErrUndeliverable)
	b.log.Warn("email confirmation code not sent", "chat_id", r.chatID, "undeliverable", bad)
	b.log.Debug("email confirmation code not sent", "chat_id", r.chatID, "err", err)
	key := i18n.EmailSendFail
	if bad {
		key = i18n.EmailBadBox
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, key)+"\n\n/cancel", nil)
}

// askEmailCode moves the chat to the code step and says where the code went.
func (b *B) askEmailCode(ctx context.Context, r *req, addr string) error {
	r.st.Step, r.st.StepAt = stepEmailCode, b.now()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.EmailCodeSent, "email", addr, "minutes", int(diary.EmailCodeTTL.Minutes()))
	return b.send(ctx, r.chatID, text+"\n\n/cancel", nil)
}

// emailCode takes what was typed at the code step: a code is checked, an
// address starts again with it, anything else gets a hint.
func (b *B) emailCode(ctx context.Context, r *req, text string) error {
	code, ok := diary.NormalizeEmailCode(text)
	switch {
	case !ok && diary.PlausibleEmail(strings.TrimSpace(text)):
		return b.emailAddress(ctx, r, text)
	case !ok:
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.EmailCodeHint)+"\n\n/cancel", nil)
	}
	res, err := b.d.Store.ConfirmEmail(ctx, r.chatID, code)
	switch {
	case err == nil:
		return b.emailConfirmed(ctx, r, res.Email)
	case errors.Is(err, diary.ErrEmailCodeWrong):
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.EmailCodeWrong, "left", res.Left), nil)
	case errors.Is(err, diary.ErrCodeExpired), errors.Is(err, diary.ErrNotFound):
		return b.emailDead(ctx, r)
	}
	return fmt.Errorf("email confirm: %w", err)
}

// emailConfirmed ends the conversation and shows the notification view
// with the new address.
func (b *B) emailConfirmed(ctx context.Context, r *req, addr string) error {
	if err := b.endEmail(ctx, r, i18n.T(r.lang, i18n.EmailConfirmed, "email", addr)); err != nil {
		return err
	}
	return b.notifyView(ctx, r)
}

// emailDead ends the conversation: the code no longer works, a new one is
// one press away.
func (b *B) emailDead(ctx context.Context, r *req) error {
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.EmailCodeDead),
		[][]button{{{Kind: btnEmail, Text: i18n.Plain(r.lang, i18n.BtnEmailAdd)}}})
}

// endEmail ends the conversation with text.
func (b *B) endEmail(ctx context.Context, r *req, text string) error {
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, text, nil)
}
