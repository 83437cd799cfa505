package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const chatCols = `chat_id, telegram_user_id, language, blocked_at, updated_at`

func scanChat(r pgx.Row) (diary.Chat, error) {
	var c diary.Chat
	var blocked, updated pgtype.Timestamptz
	err := r.Scan(&c.ChatID, &c.TelegramUserID, &c.Language, &blocked, &updated)
	c.BlockedAt, c.UpdatedAt = timeOf(blocked), timeOf(updated)
	return c, err
}

// UpsertChat stores a chat; see diary.Identity.
func (db *DB) UpsertChat(ctx context.Context, c diary.Chat) error {
	if c.ChatID == 0 {
		return fmt.Errorf("upsert chat: %w", diary.Errorf(diary.EInvalid, "a chat id is required"))
	}
	var n int64
	err := db.withConnExec(ctx, &n, `INSERT INTO chats (chat_id, telegram_user_id, language, blocked_at,
		updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chat_id) DO UPDATE SET
		telegram_user_id = excluded.telegram_user_id, language = excluded.language,
		blocked_at = excluded.blocked_at, updated_at = excluded.updated_at`,
		c.ChatID, c.TelegramUserID, c.Language, timeArg(c.BlockedAt), db.clock())
	return wrap(fmt.Sprintf("upsert chat %d", c.ChatID), err)
}

// ChatByID returns a chat; ErrNotFound.
func (db *DB) ChatByID(ctx context.Context, chatID int64) (diary.Chat, error) {
	return one(ctx, db, fmt.Sprintf("chat %d", chatID), scanChat,
		`SELECT `+chatCols+` FROM chats WHERE chat_id = $1`, chatID)
}

// MarkChatBlocked records that the user blocked or unblocked the bot; see
// diary.Identity.
func (db *DB) MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error {
	query := `UPDATE chats SET blocked_at = NULL, updated_at = $2 WHERE chat_id = $1`
	if blocked {
		query = `UPDATE chats SET blocked_at = coalesce(blocked_at, $2), updated_at = $2 WHERE chat_id = $1`
	}
	var n int64
	err := db.withConnExec(ctx, &n, query, chatID, db.clock())
	if err == nil && n == 0 {
		return fmt.Errorf("mark chat %d blocked: %w", chatID, diary.ErrNotFound)
	}
	return wrap(fmt.Sprintf("mark chat %d blocked", chatID), err)
}
