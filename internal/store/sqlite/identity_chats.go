package sqlite

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const chatCols = `chat_id, telegram_user_id, language, blocked_at, updated_at`

// scanChat reads one row of chatCols.
func scanChat(r scanner) (diary.Chat, error) {
	var c diary.Chat
	err := r.Scan(&c.ChatID, &c.TelegramUserID, &c.Language, instantCol{&c.BlockedAt}, instantCol{&c.UpdatedAt})
	return c, err
}

// UpsertChat stores a chat; see diary.Identity.
func (db *DB) UpsertChat(ctx context.Context, c diary.Chat) error {
	if c.ChatID == 0 {
		return fmt.Errorf("upsert chat: %w", diary.Errorf(diary.EInvalid, "a chat id is required"))
	}
	_, err := db.writer().ExecContext(ctx, `INSERT INTO chats (chat_id, telegram_user_id, language,
		blocked_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET
		telegram_user_id = excluded.telegram_user_id, language = excluded.language,
		blocked_at = excluded.blocked_at, updated_at = excluded.updated_at`,
		c.ChatID, c.TelegramUserID, c.Language, nullInstant(c.BlockedAt), instantText(db.clock()))
	return wrap(err, "upsert chat %d", c.ChatID)
}

// ChatByID returns a chat; ErrNotFound.
func (db *DB) ChatByID(ctx context.Context, chatID int64) (diary.Chat, error) {
	c, err := scanChat(db.reader().QueryRowContext(ctx, `SELECT `+chatCols+` FROM chats WHERE chat_id = ?`, chatID))
	return c, wrap(err, "chat %d", chatID)
}

// MarkChatBlocked records that the user blocked or unblocked the bot; see
// diary.Identity.
func (db *DB) MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error {
	now := instantText(db.clock())
	query := `UPDATE chats SET blocked_at = NULL, updated_at = ?1 WHERE chat_id = ?2`
	if blocked {
		query = `UPDATE chats SET blocked_at = coalesce(blocked_at, ?1), updated_at = ?1 WHERE chat_id = ?2`
	}
	res, err := db.writer().ExecContext(ctx, query, now, chatID)
	n, err := affected(res, err)
	if err == nil && n == 0 {
		return notFound("mark chat %d blocked", chatID)
	}
	return wrap(err, "mark chat %d blocked", chatID)
}
