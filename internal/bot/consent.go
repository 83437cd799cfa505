package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// hasConsent reports whether the consent the user's access to the student
// needs is on record: their own as a guardian, a guardian's when they are
// the student (clause 3.3.6).
func (b *B) hasConsent(ctx context.Context, userID, studentID int64) (bool, error) {
	links, err := b.d.Store.ActiveLinks(ctx, userID)
	if err != nil {
		return false, fmt.Errorf("consent: %w", err)
	}
	for _, l := range links {
		if l.StudentID == studentID && l.Kind == diary.LinkStudent {
			return b.familyConsent(ctx, studentID)
		}
	}
	return b.ownConsent(ctx, userID, studentID)
}

// ownConsent reports whether the user's own consent about the student is
// on record.
func (b *B) ownConsent(ctx context.Context, userID, studentID int64) (bool, error) {
	_, err := b.d.Store.ActiveConsent(ctx, userID, studentID)
	switch {
	case errors.Is(err, diary.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("consent: %w", err)
	}
	return true, nil
}

// askConsent shows the school's consent text about child c with the
// Accept and Decline buttons; nothing about c is shown before acceptance.
// A student is not asked: they are told to ask a parent, who is asked.
func (b *B) askConsent(ctx context.Context, r *req, c child) error {
	if c.link.Kind == diary.LinkStudent {
		return b.askParent(ctx, r, c)
	}
	kb, err := b.keyboard(ctx, r, [][]button{{
		{Kind: btnConsent, Student: c.student.ID, Action: "accept", Text: i18n.Plain(r.lang, i18n.BtnConsentAccept)},
		{Kind: btnConsent, Student: c.student.ID, Action: "decline", Text: i18n.Plain(r.lang, i18n.BtnConsentDecline)},
	}})
	if err != nil {
		return err
	}
	return b.send(ctx, r.chatID, b.consentRequest(r.lang, c), kb)
}

// consentRequest is the text asking a guardian's consent about child c.
func (b *B) consentRequest(lang i18n.Lang, c child) string {
	return i18n.T(lang, i18n.ConsentRequest, "child", c.student.Name.Full(),
		"text", b.d.Consent.text(lang), "version", b.d.Consent.Version)
}

// closeConsentRequest edits the answered consent request in place: its
// buttons go, and a line says when consent was given. A request Telegram
// no longer lets the bot edit stays as it is (its buttons are stale).
func (b *B) closeConsentRequest(ctx context.Context, r *req, c child, at time.Time) error {
	p := takePlace(ctx, r.chatID)
	if p == nil || b.now().Sub(p.sent) > maxEditAge {
		return nil
	}
	_, school, err := b.today(ctx, c.student.SchoolID)
	if err != nil {
		return err
	}
	local := at.In(school.Location())
	text := b.consentRequest(r.lang, c) + "\n\n" + i18n.T(r.lang, i18n.ConsentGiven,
		"date", diary.DateIn(at, school.Location()), "time", local.Format("15:04"))
	err = b.edit(ctx, p, text, nil)
	if errors.Is(err, tgbot.ErrorBadRequest) {
		b.log.Debug("consent request not edited", "chat_id", r.chatID, "err", err)
		return nil
	}
	if err != nil {
		return err
	}
	return b.revoke(ctx, p.group)
}

// onConsent records a guardian's acceptance (closing the answered request in
// place) or says what a refusal means, for a student the user is still
// linked to now, and tells the student's own chats their diary is open; a
// student's press records nothing.
func (b *B) onConsent(ctx context.Context, r *req, btn button) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := w.child(btn.Student)
	if !ok {
		return b.sendStale(ctx, r)
	}
	if c.link.Kind != diary.LinkGuardian {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ConsentNotForStudent), nil)
	}
	if btn.Action != "accept" {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ConsentDeclined), nil)
	}
	rec := diary.Consent{TelegramUserID: r.userID, GuardianID: c.link.GuardianID, StudentID: c.student.ID,
		Version: b.d.Consent.Version}
	con, err := b.d.Store.RecordConsent(ctx, rec)
	if err != nil {
		return fmt.Errorf("record consent: %w", err)
	}
	b.tellStudentsOpen(ctx, c.student.ID)
	if err := b.closeConsentRequest(ctx, r, c, con.AcceptedAt); err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.ConsentAccepted) + "\n\n" + linkDone(r.lang, c)
	if err := b.send(ctx, r.chatID, text, &models.ReplyKeyboardRemove{RemoveKeyboard: true}); err != nil {
		return err
	}
	return b.selectChild(ctx, r, c)
}

// consentStatus shows the selected child's consent and the button to
// withdraw it.
func (b *B) consentStatus(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := b.selected(r, w)
	if !ok {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ConsentNone), nil)
	}
	if c.link.Kind == diary.LinkStudent {
		return b.studentConsentStatus(ctx, r, c)
	}
	con, err := b.d.Store.ActiveConsent(ctx, r.userID, c.student.ID)
	if errors.Is(err, diary.ErrNotFound) {
		return b.askConsent(ctx, r, c)
	}
	if err != nil {
		return fmt.Errorf("consent status: %w", err)
	}
	_, school, err := b.today(ctx, c.student.SchoolID)
	if err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.ConsentStatus, "child", c.student.Name.Full(),
		"date", diary.DateIn(con.AcceptedAt, school.Location()), "version", con.Version)
	return b.sendButtons(ctx, r, text, [][]button{{
		{Kind: btnWithdrawAsk, Student: c.student.ID, Text: i18n.Plain(r.lang, i18n.BtnConsentWithdraw)},
	}, {{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.BtnBack)}}})
}

// withdrawAsk asks to confirm the withdrawal for a linked child.
func (b *B) withdrawAsk(ctx context.Context, r *req, btn button) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := w.child(btn.Student)
	if !ok {
		return b.sendStale(ctx, r)
	}
	text := i18n.T(r.lang, i18n.ConsentWithdrawAsk, "child", c.student.Name.Full())
	return b.sendButtons(ctx, r, text, [][]button{{
		{Kind: btnWithdraw, Student: c.student.ID, Text: i18n.Plain(r.lang, i18n.BtnConsentWithdraw)},
		{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.BtnCancel)},
	}})
}

// withdraw withdraws the user's consent about the student, which ends the
// link at once (the store keeps the records), and says so.
func (b *B) withdraw(ctx context.Context, r *req, btn button) error {
	st, err := b.d.Store.Student(ctx, btn.Student)
	if err != nil {
		return fmt.Errorf("withdraw: %w", err)
	}
	err = b.d.Store.WithdrawConsent(ctx, r.userID, btn.Student)
	if errors.Is(err, diary.ErrNotFound) {
		return b.sendStale(ctx, r)
	}
	if err != nil {
		return fmt.Errorf("withdraw: %w", err)
	}
	b.log.Info("consent withdrawn", "chat_id", r.chatID)
	if r.st.Selected == btn.Student {
		r.st.Selected = 0
		if err := b.saveState(ctx, r.chatID, r.st); err != nil {
			return err
		}
	}
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ConsentWithdrawn, "child", st.Name.Full()), nil); err != nil {
		return err
	}
	return b.updateCommands(ctx, r)
}
