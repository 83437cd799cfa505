package bot

import "github.com/go-telegram/bot/models"

// Kinds of update the bot tells apart.
const (
	kindMessage  = "message"
	kindCallback = "callback"
	kindMember   = "my_chat_member"
	kindOther    = "other"
)

// kindOf names the kind of u for logs.
func kindOf(u *models.Update) string {
	switch {
	case u.Message != nil:
		return kindMessage
	case u.CallbackQuery != nil:
		return kindCallback
	case u.MyChatMember != nil:
		return kindMember
	}
	return kindOther
}

// chatOf returns the chat u belongs to; 0 when it has none (all such
// updates share one queue).
func chatOf(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil:
		if m := u.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		if m := u.CallbackQuery.Message.InaccessibleMessage; m != nil {
			return m.Chat.ID
		}
		return u.CallbackQuery.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	}
	return 0
}

// fromOf returns the user who sent u, nil when none.
func fromOf(u *models.Update) *models.User {
	switch {
	case u.Message != nil:
		return u.Message.From
	case u.CallbackQuery != nil:
		return &u.CallbackQuery.From
	case u.MyChatMember != nil:
		return &u.MyChatMember.From
	}
	return nil
}

// isPrivate reports whether u comes from a private chat with the bot.
func isPrivate(u *models.Update) bool {
	switch {
	case u.Message != nil:
		return u.Message.Chat.Type == models.ChatTypePrivate
	case u.CallbackQuery != nil:
		m := u.CallbackQuery.Message.Message
		return m == nil || m.Chat.Type == models.ChatTypePrivate
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.Type == models.ChatTypePrivate
	}
	return false
}
