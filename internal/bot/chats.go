package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// req is one update being handled: who wrote in which chat, in what
// language, and the chat's state.
type req struct {
	chatID    int64
	userID    int64
	firstName string
	lang      i18n.Lang
	st        state
}

// open records the chat on first contact (language from Telegram's
// language_code), revives it when it was marked blocked (the user writes
// again), and loads its state.
func (b *B) open(ctx context.Context, chatID int64, from *models.User) (*req, error) {
	r := &req{chatID: chatID, userID: from.ID, firstName: from.FirstName}
	c, err := b.d.Store.ChatByID(ctx, chatID)
	switch {
	case errors.Is(err, diary.ErrNotFound):
		c = diary.Chat{ChatID: chatID, TelegramUserID: from.ID, Language: string(i18n.Match(from.LanguageCode))}
		if err := b.d.Store.UpsertChat(ctx, c); err != nil {
			return nil, fmt.Errorf("open chat: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("open chat: %w", err)
	case c.Blocked():
		if err := b.d.Store.MarkChatBlocked(ctx, chatID, false); err != nil {
			return nil, fmt.Errorf("open chat: revive: %w", err)
		}
	}
	r.lang, _ = i18n.Parse(c.Language)
	if r.st, err = b.loadState(ctx, chatID); err != nil {
		return nil, err
	}
	return r, nil
}

// setLanguage stores the chat's language.
func (b *B) setLanguage(ctx context.Context, r *req, lang i18n.Lang) error {
	c := diary.Chat{ChatID: r.chatID, TelegramUserID: r.userID, Language: string(lang)}
	if err := b.d.Store.UpsertChat(ctx, c); err != nil {
		return fmt.Errorf("set language: %w", err)
	}
	r.lang = lang
	return nil
}

// onMember records that the user blocked (kicked) or unblocked the bot.
func (b *B) onMember(ctx context.Context, m *models.ChatMemberUpdated) error {
	blocked := m.NewChatMember.Type == models.ChatMemberTypeBanned || m.NewChatMember.Type == models.ChatMemberTypeLeft
	if _, err := b.open(ctx, m.Chat.ID, &m.From); err != nil {
		return err
	}
	if err := b.d.Store.MarkChatBlocked(ctx, m.Chat.ID, blocked); err != nil {
		return fmt.Errorf("chat member: %w", err)
	}
	return nil
}
