package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const chatCols = `chat_id, telegram_user_id, language, blocked_at, updated_at`

// scanChat reads one row of chatCols.
func scanChat(r Scanner) (diary.Chat, error) {
	var c diary.Chat
	err := r.Scan(&c.ChatID, &c.TelegramUserID, &c.Language, InstantCol{&c.BlockedAt}, InstantCol{&c.UpdatedAt})
	return c, err
}

// UpsertChat stores a chat; see diary.Identity.
func (s *Store) UpsertChat(ctx context.Context, c diary.Chat) error {
	if c.ChatID == 0 {
		return fmt.Errorf("upsert chat: %w", diary.Errorf(diary.EInvalid, "a chat id is required"))
	}
	_, err := s.p.Exec(ctx, `INSERT INTO chats (chat_id, telegram_user_id, language, blocked_at,
		updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chat_id) DO UPDATE SET
		telegram_user_id = excluded.telegram_user_id, language = excluded.language,
		blocked_at = excluded.blocked_at, updated_at = excluded.updated_at`,
		c.ChatID, c.TelegramUserID, c.Language, s.instant(kept(c.BlockedAt)), s.instant(s.clock()))
	return s.wrap(err, "upsert chat %d", c.ChatID)
}

// ChatByID returns a chat; ErrNotFound.
func (s *Store) ChatByID(ctx context.Context, chatID int64) (diary.Chat, error) {
	return one(ctx, s, s.p, fmt.Sprintf("chat %d", chatID), scanChat,
		`SELECT `+chatCols+` FROM chats WHERE chat_id = $1`, chatID)
}

// MarkChatBlocked records that the user blocked or unblocked the bot; see
// diary.Identity.
func (s *Store) MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error {
	query := `UPDATE chats SET blocked_at = NULL, updated_at = $2 WHERE chat_id = $1`
	if blocked {
		query = `UPDATE chats SET blocked_at = coalesce(blocked_at, $2), updated_at = $2 WHERE chat_id = $1`
	}
	n, err := s.p.Exec(ctx, query, chatID, s.instant(s.clock()))
	if err != nil {
		return s.wrap(err, "mark chat %d blocked", chatID)
	}
	if n == 0 {
		return notFound("mark chat %d blocked", chatID)
	}
	return nil
}
