package bot

import (
	"context"
	"errors"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// onPress resolves a button press and re-authorises its action for the
// user now; a button that does not resolve is stale.
func (b *B) onPress(ctx context.Context, r *req, q *models.CallbackQuery) error {
	btn, err := b.resolve(ctx, r, q.Data)
	if errors.Is(err, errStale) {
		b.answer(ctx, q.ID, i18n.Plain(r.lang, i18n.ErrStaleButton))
		return b.sendStale(ctx, r)
	}
	b.answer(ctx, q.ID, "")
	if err != nil {
		return err
	}
	return b.dispatch(ctx, r, btn)
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
	case btnNotify:
		return b.onNotify(ctx, r, btn)
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
		return b.sendStale(ctx, r)
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
