package bot

import (
	"context"
	"errors"
	"strconv"

	"github.com/schooldiary/diary/internal/diary"
)

// The store keeps links by Telegram user only, so the chat of a staff
// member (for access requests to a class teacher, and the scheduler's
// reminders) is recorded in the store when they link and whenever they open
// the menu.

// legacyStaffChatKey is the Sessions key under which an older bot kept a
// staff member's chat; it is read once and moved to the store.
func legacyStaffChatKey(staffID int64) string { return "staffchat:" + strconv.FormatInt(staffID, 10) }

// rememberStaffChat records the staff member's chat.
func (b *B) rememberStaffChat(ctx context.Context, staffID, chatID int64) {
	if err := b.d.Store.SetStaffChat(ctx, staffID, chatID); err != nil {
		b.log.Warn("remember staff chat", "staff_id", staffID, "err", err)
	}
}

// staffChat returns the staff member's chat when it is known and the
// staff member is still linked in it.
func (b *B) staffChat(ctx context.Context, staffID int64) (int64, bool) {
	chatID, ok := b.recordedStaffChat(ctx, staffID)
	if !ok {
		return 0, false
	}
	c, err := b.d.Store.ChatByID(ctx, chatID)
	if err != nil || c.Blocked() {
		return 0, false
	}
	links, err := b.d.Store.ActiveLinks(ctx, c.TelegramUserID)
	if err != nil {
		return 0, false
	}
	for _, l := range links {
		if l.StaffID == staffID {
			return chatID, true
		}
	}
	return 0, false
}

// recordedStaffChat returns the chat the store records for the staff
// member, or the one an older bot kept in the Sessions (moving it).
func (b *B) recordedStaffChat(ctx context.Context, staffID int64) (int64, bool) {
	sc, err := b.d.Store.StaffChat(ctx, staffID)
	switch {
	case err == nil:
		return sc.ChatID, true
	case !errors.Is(err, diary.ErrNotFound):
		b.log.Warn("staff chat", "staff_id", staffID, "err", err)
		return 0, false
	}
	return b.moveLegacyStaffChat(ctx, staffID)
}

// moveLegacyStaffChat moves a staff member's chat from the Sessions of an
// older bot into the store.
func (b *B) moveLegacyStaffChat(ctx context.Context, staffID int64) (int64, bool) {
	raw, err := b.d.Cluster.Sessions.Get(ctx, legacyStaffChatKey(staffID))
	if err != nil {
		return 0, false
	}
	chatID, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		return 0, false
	}
	if err := b.d.Store.SetStaffChat(ctx, staffID, chatID); err != nil {
		b.log.Warn("move staff chat", "staff_id", staffID, "err", err)
		return chatID, true
	}
	if err := b.d.Cluster.Sessions.Delete(ctx, legacyStaffChatKey(staffID)); err != nil {
		b.log.Warn("forget moved staff chat", "staff_id", staffID, "err", err)
	}
	return chatID, true
}
