package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// SetStaffChat records the chat a staff member is reached in; see
// diary.Notifications.
func (s *Store) SetStaffChat(ctx context.Context, staffID, chatID int64) error {
	_, err := s.p.Exec(ctx, `INSERT INTO staff_chats (staff_id, chat_id, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (staff_id) DO UPDATE SET chat_id = excluded.chat_id, updated_at = excluded.updated_at`,
		staffID, chatID, s.instant(s.clock()))
	return s.wrap(err, "set chat of staff %d", staffID)
}

// StaffChat returns the chat last recorded for the staff member;
// diary.ErrNotFound.
func (s *Store) StaffChat(ctx context.Context, staffID int64) (diary.StaffChat, error) {
	return one(ctx, s, s.p, fmt.Sprintf("chat of staff %d", staffID), func(r Scanner) (c diary.StaffChat, err error) {
		return c, r.Scan(&c.StaffID, &c.ChatID, InstantCol{&c.UpdatedAt})
	}, `SELECT staff_id, chat_id, updated_at FROM staff_chats WHERE staff_id = $1`, staffID)
}
