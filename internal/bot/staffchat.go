package bot

import (
	"context"
	"strconv"
)

// The store keeps links by Telegram user only, so the chat of a staff
// member (for access requests to a class teacher) is remembered in the
// cluster's Sessions when they link and whenever they open the menu.

// staffChatKey is the Sessions key of a staff member's chat.
func staffChatKey(staffID int64) string { return "staffchat:" + strconv.FormatInt(staffID, 10) }

// rememberStaffChat records the staff member's chat.
func (b *B) rememberStaffChat(ctx context.Context, staffID, chatID int64) {
	v := []byte(strconv.FormatInt(chatID, 10))
	if err := b.d.Cluster.Sessions.Set(ctx, staffChatKey(staffID), v, stateTTL); err != nil {
		b.log.Warn("remember staff chat", "staff_id", staffID, "err", err)
	}
}

// staffChat returns the staff member's chat when it is known and the
// staff member is still linked in it.
func (b *B) staffChat(ctx context.Context, staffID int64) (int64, bool) {
	raw, err := b.d.Cluster.Sessions.Get(ctx, staffChatKey(staffID))
	if err != nil {
		return 0, false
	}
	chatID, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
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
