package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// Brute force: MaxWrongCodes wrong codes within LockoutWindow lock the chat
// out until the window closes, on every replica.
const (
	MaxWrongCodes = 5
	LockoutWindow = time.Hour
)

// lockoutKey is the Lockout key of a chat's wrong codes.
func lockoutKey(chatID int64) string { return "code:" + strconv.FormatInt(chatID, 10) }

// askCode asks for a code with key's text (the contact variant where a
// school allows phone linking) and the reply keyboard: share the contact
// (when allowed) and «no code».
func (b *B) askCode(ctx context.Context, r *req, key i18n.Key) error {
	rows := [][]models.KeyboardButton{}
	if len(b.d.PhoneLinkSchools) > 0 {
		if key == i18n.LinkAskCode {
			key = i18n.LinkAskCodeOrContact
		}
		rows = append(rows, []models.KeyboardButton{{Text: i18n.Plain(r.lang, i18n.BtnShareContact), RequestContact: true}})
	}
	rows = append(rows, []models.KeyboardButton{{Text: i18n.Plain(r.lang, i18n.BtnNoCode)}})
	kb := &models.ReplyKeyboardMarkup{Keyboard: rows, ResizeKeyboard: true}
	return b.send(ctx, r.chatID, i18n.T(r.lang, key), kb)
}

// redeem links the chat's user by a code (typed or a deep link's payload)
// unless the chat is locked out; a code that matches none counts against it.
func (b *B) redeem(ctx context.Context, r *req, typed string) error {
	key := lockoutKey(r.chatID)
	n, left, err := b.d.Cluster.Lockout.Failures(ctx, key)
	if err != nil {
		return fmt.Errorf("redeem: lockout: %w", err)
	}
	if n >= MaxWrongCodes {
		return b.sendLocked(ctx, r, left)
	}
	_, link, err := b.d.Store.RedeemLinkCode(ctx, diary.HashCode(typed), r.userID, r.chatID)
	switch {
	case errors.Is(err, diary.ErrNotFound):
		return b.wrongCode(ctx, r)
	case err != nil && refusal(err) != i18n.ErrGeneric:
		return b.send(ctx, r.chatID, refusalText(r.lang, err), nil)
	case err != nil:
		return fmt.Errorf("redeem: %w", err)
	}
	b.log.Info("linked by code", "chat_id", r.chatID, "kind", link.Kind, "link_id", link.ID)
	return b.linked(ctx, r, link)
}

// wrongCode counts a wrong code and says how many tries are left, or that
// the chat is locked out now.
func (b *B) wrongCode(ctx context.Context, r *req) error {
	key := lockoutKey(r.chatID)
	n, err := b.d.Cluster.Lockout.Fail(ctx, key, LockoutWindow)
	if err != nil {
		return fmt.Errorf("redeem: lockout: %w", err)
	}
	if n >= MaxWrongCodes {
		b.log.Warn("chat locked out after wrong codes", "chat_id", r.chatID)
		_, left, err := b.d.Cluster.Lockout.Failures(ctx, key)
		if err != nil {
			return fmt.Errorf("redeem: lockout: %w", err)
		}
		return b.sendLocked(ctx, r, left)
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.RefusedUnknown, "left", MaxWrongCodes-n), nil)
}

// sendLocked says how many minutes (rounded up) the lockout has left.
func (b *B) sendLocked(ctx context.Context, r *req, left time.Duration) error {
	minutes := int((left + time.Minute - 1) / time.Minute)
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.RefusedLocked, "minutes", max(minutes, 1)), nil)
}

// linked welcomes a new link: a staff member gets the staff menu; a family
// gets the consent request unless consent is already on record.
func (b *B) linked(ctx context.Context, r *req, l diary.Link) error {
	if l.Kind == diary.LinkStaff {
		return b.staffLinked(ctx, r, l)
	}
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := w.child(l.StudentID)
	if !ok {
		return fmt.Errorf("linked: link %d not active", l.ID)
	}
	has, err := b.hasConsent(ctx, r.userID, c.student.ID)
	if err != nil {
		return err
	}
	if !has {
		return b.askConsent(ctx, r, c)
	}
	if err := b.send(ctx, r.chatID, linkDone(r.lang, c), &models.ReplyKeyboardRemove{RemoveKeyboard: true}); err != nil {
		return err
	}
	return b.selectChild(ctx, r, c)
}

// linkDone is the text of a family link done.
func linkDone(lang i18n.Lang, c child) string {
	return i18n.T(lang, i18n.LinkDone, "child", c.student.Name.Full(), "class", c.class.Name)
}

// staffLinked welcomes a staff member, remembers their chat and tells a
// class teacher of the access requests waiting for them.
func (b *B) staffLinked(ctx context.Context, r *req, l diary.Link) error {
	s, err := b.d.Store.Staff(ctx, l.StaffID)
	if err != nil {
		return fmt.Errorf("staff linked: %w", err)
	}
	b.rememberStaffChat(ctx, s.ID, r.chatID)
	text := i18n.T(r.lang, i18n.StaffLinked, "name", s.Name.Full())
	if err := b.send(ctx, r.chatID, text, &models.ReplyKeyboardRemove{RemoveKeyboard: true}); err != nil {
		return err
	}
	if err := b.updateCommands(ctx, r); err != nil {
		return err
	}
	if err := b.menu(ctx, r); err != nil {
		return err
	}
	return b.announcePending(ctx, r)
}

// departureKeys are the texts of the departures the journal records.
var departureKeys = map[string]i18n.Key{
	diary.LeftExpelled: i18n.RefusedLeftExpelled, diary.LeftTransferred: i18n.RefusedLeftTransferred,
	diary.LeftGraduated: i18n.RefusedLeftGraduated, diary.LeftNotInRoster: i18n.RefusedLeftNotInRoster,
}

// refusalText is refusal's text in lang; a departure is named with its
// stored reason and date when the journal recorded them.
func refusalText(lang i18n.Lang, err error) string {
	reason, on := diary.DepartureOf(err)
	if key, ok := departureKeys[reason]; ok && !on.IsZero() {
		return i18n.T(lang, key, "date", on)
	}
	return i18n.T(lang, refusal(err))
}

// refusal maps a domain refusal to its message (clause 2.7): the one place
// where errors become user text.
func refusal(err error) i18n.Key {
	switch {
	case errors.Is(err, diary.ErrCodeUsed):
		return i18n.RefusedUsed
	case errors.Is(err, diary.ErrCodeExpired):
		return i18n.RefusedExpired
	case errors.Is(err, diary.ErrStudentLeft):
		return i18n.RefusedLeft
	case isNoFamilyConsent(err):
		return i18n.ConsentStudentAsk
	case errors.Is(err, diary.ErrNoConsent):
		return i18n.RefusedNoConsent
	case errors.Is(err, diary.ErrNotGuardian), errors.Is(err, diary.ErrNotStudent),
		errors.Is(err, diary.ErrOtherSchool), errors.Is(err, diary.ErrNoRole):
		return i18n.RefusedNotMember
	}
	return i18n.ErrGeneric
}
