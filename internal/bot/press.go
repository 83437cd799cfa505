package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// onPress resolves a button press, checks that what it asks for still
// makes sense, and runs it in place of the pressed message (place.go). A
// stale button (unknown, expired, someone else's, of a replaced view, or
// whose moment has passed: a consent already given) is answered «Эта кнопка
// устарела» as a notice on the button and changes nothing.
func (b *B) onPress(ctx context.Context, r *req, q *models.CallbackQuery) error {
	btn, err := b.resolve(ctx, r, q.Data)
	if err == nil {
		err = b.stillValid(ctx, r, btn)
	}
	if err == nil {
		err = b.dispatch(withPlace(ctx, pressedMessage(q), btn), r, btn)
	}
	if errors.Is(err, errStale) {
		b.answer(ctx, q.ID, i18n.Plain(r.lang, i18n.ErrStaleButton))
		return nil
	}
	b.answer(ctx, q.ID, "")
	return err
}

// validity checks, by kind of button, that its action still makes sense
// for the user now; errStale when it does not. Kinds without a check are
// re-authorised by their handlers (a view's by pressView, which returns
// errStale too).
var validity = map[string]func(b *B, ctx context.Context, r *req, btn button) error{
	btnChild:       (*B).linkedNow,
	btnConsent:     (*B).consentAwaited,
	btnWithdrawAsk: (*B).consentOnRecord,
	btnWithdraw:    (*B).consentOnRecord,
}

// stillValid runs the validity check of btn's kind.
func (b *B) stillValid(ctx context.Context, r *req, btn button) error {
	if check, ok := validity[btn.Kind]; ok {
		return check(b, ctx, r, btn)
	}
	return nil
}

// linkedNow: the user is still linked to the button's student.
func (b *B) linkedNow(ctx context.Context, r *req, btn button) error {
	_, err := b.familyLink(ctx, r.userID, btn.Student)
	if errors.Is(err, diary.ErrNotGuardian) {
		return errStale
	}
	return err
}

// consentAwaited: the user is linked to the student and has not consented
// yet; an old consent request's buttons are stale once consent is given.
func (b *B) consentAwaited(ctx context.Context, r *req, btn button) error {
	if err := b.linkedNow(ctx, r, btn); err != nil {
		return err
	}
	has, err := b.hasConsent(ctx, r.userID, btn.Student)
	if err != nil {
		return fmt.Errorf("press: %w", err)
	}
	if has {
		return errStale
	}
	return nil
}

// consentOnRecord: the user's consent about the student is on record.
func (b *B) consentOnRecord(ctx context.Context, r *req, btn button) error {
	has, err := b.hasConsent(ctx, r.userID, btn.Student)
	if err != nil {
		return fmt.Errorf("press: %w", err)
	}
	if !has {
		return errStale
	}
	return nil
}

// dispatch runs a resolved button's action.
func (b *B) dispatch(ctx context.Context, r *req, btn button) error {
	switch btn.Kind {
	case btnView:
		return b.pressView(ctx, r, btn)
	case btnMenu:
		return b.menu(ctx, r)
	case btnChildren:
		return b.children(ctx, r)
	case btnChild:
		return b.onChild(ctx, r, btn)
	case btnConsent:
		return b.onConsent(ctx, r, btn)
	case btnConsentStatus:
		return b.consentStatus(ctx, r)
	case btnWithdrawAsk:
		return b.withdrawAsk(ctx, r, btn)
	case btnWithdraw:
		return b.withdraw(ctx, r, btn)
	}
	return b.dispatchMore(ctx, r, btn)
}

// dispatchMore runs the settings', staff's and access request's buttons.
func (b *B) dispatchMore(ctx context.Context, r *req, btn button) error {
	switch btn.Kind {
	case btnSettings:
		return b.settings(ctx, r)
	case btnLangs:
		return b.languages(ctx, r)
	case btnLang:
		return b.onLanguage(ctx, r, btn)
	case btnNotify, btnNotifyKind, btnNotifyVia, btnEmail:
		return b.dispatchNotify(ctx, r, btn)
	case btnCodes:
		return b.issueCodes(ctx, r, btn.Arg)
	case btnNoCode:
		return b.accessBegin(ctx, r)
	}
	return b.dispatchAccess(ctx, r, btn)
}

// pressView re-authorises a view button: a student no longer linked makes
// the button stale; other refusals say why.
func (b *B) pressView(ctx context.Context, r *req, btn button) error {
	a, err := b.authorize(ctx, r.userID, btn.Student)
	if errors.Is(err, diary.ErrNotGuardian) || errors.Is(err, diary.ErrNotStudent) {
		return errStale
	}
	if err != nil {
		return b.refuse(ctx, r, btn.Student, err)
	}
	if btn.Student != r.st.Selected {
		r.st.Selected = btn.Student
		if err := b.saveState(ctx, r.chatID, r.st); err != nil {
			return err
		}
	}
	return b.render(ctx, r, a, btn.Action)
}
