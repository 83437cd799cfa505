package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// onContact takes the phone of an access request at its phone step, or
// links a guardian by the phone number Telegram verified: only
// the user's own contact (contact.user_id is the sender), only in schools
// that allow it, matched against the roster's phones.
func (b *B) onContact(ctx context.Context, r *req, ct *models.Contact) error {
	if r.st.Step == stepPhone {
		return b.accessPhone(ctx, r, ct)
	}
	if ct.UserID != r.userID {
		return b.askCode(ctx, r, i18n.LinkContactNotOwn)
	}
	if len(b.d.PhoneLinkSchools) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.LinkContactOff), nil)
	}
	phone, err := diary.NormalizePhone(ct.PhoneNumber)
	if err != nil {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.RefusedPhone, "phone", ct.PhoneNumber), nil)
	}
	schools, err := b.phoneSchools(ctx, phone)
	if err != nil {
		return err
	}
	links, err := b.linkByPhone(ctx, r, schools, phone)
	switch {
	case errors.Is(err, diary.ErrStudentLeft) && len(links) == 0:
		return b.send(ctx, r.chatID, refusalText(r.lang, err), nil)
	case err != nil && !errors.Is(err, diary.ErrStudentLeft):
		return err
	case len(links) == 0:
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.RefusedPhone, "phone", phone), nil)
	}
	b.log.Info("linked by phone", "chat_id", r.chatID, "links", len(links))
	for _, l := range links {
		if err := b.linked(ctx, r, l); err != nil {
			return err
		}
	}
	return nil
}

// phoneSchools returns the schools allowing phone linking that have a
// guardian with phone.
func (b *B) phoneSchools(ctx context.Context, phone string) ([]int64, error) {
	gs, err := b.d.Store.GuardiansByPhone(ctx, phone)
	if err != nil {
		return nil, fmt.Errorf("guardians by phone: %w", err)
	}
	var ids []int64
	for _, g := range gs {
		if slices.Contains(ids, g.SchoolID) {
			continue
		}
		ok, err := b.phoneAllowed(ctx, g.SchoolID)
		if err != nil {
			return nil, err
		}
		if ok {
			ids = append(ids, g.SchoolID)
		}
	}
	return ids, nil
}

// phoneAllowed reports whether the school lets guardians link by phone.
func (b *B) phoneAllowed(ctx context.Context, schoolID int64) (bool, error) {
	if slices.Contains(b.d.PhoneLinkSchools, "*") {
		return true, nil
	}
	s, err := b.d.Store.School(ctx, schoolID)
	if err != nil {
		return false, fmt.Errorf("phone school: %w", err)
	}
	return slices.Contains(b.d.PhoneLinkSchools, s.Code), nil
}

// linkByPhone links the user in each school; ErrStudentLeft when some
// school's children had all left.
func (b *B) linkByPhone(ctx context.Context, r *req, schools []int64, phone string) ([]diary.Link, error) {
	var links []diary.Link
	var left error
	for _, id := range schools {
		ls, err := b.d.Store.LinkByPhone(ctx, id, phone, r.userID, r.chatID)
		switch {
		case errors.Is(err, diary.ErrStudentLeft):
			left = err
		case errors.Is(err, diary.ErrNotFound):
		case err != nil:
			return nil, fmt.Errorf("link by phone: %w", err)
		}
		links = append(links, ls...)
	}
	return links, left
}
