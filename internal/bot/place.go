package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Navigation in place: a button press answers in the message it was
// pressed on. The first message the handler of a press sends, when it has
// an inline keyboard, replaces the pressed message (editMessageText) and
// revokes that message's old buttons; whatever the handler sends after it
// (a view's later pages, a document), or first when it has no inline
// keyboard (a confirmation, a refusal), is a new message below. A message
// Telegram no longer lets the bot edit (older than 48 hours, deleted) is
// answered by a new message instead. Handlers do not know: they send as
// always, and the press's place rides in their context.

// maxEditAge is how old a message the bot still tries to edit.
const maxEditAge = 48 * time.Hour

// place is the message a press came from, until the press has answered.
type place struct {
	chatID    int64
	messageID int
	sent      time.Time // when the pressed message was sent
	group     string    // the pressed keyboard's group
	used      bool      // the press has sent something: nothing more goes in place
}

// placeKey is the context key of the press's place.
type placeKey struct{}

// withPlace returns ctx carrying the place of a press on message m with
// button btn; m is nil when Telegram no longer shows the message.
func withPlace(ctx context.Context, m *models.Message, btn button) context.Context {
	if m == nil || m.ID == 0 {
		return ctx
	}
	p := &place{chatID: m.Chat.ID, messageID: m.ID, sent: time.Unix(int64(m.Date), 0), group: btn.Group}
	return context.WithValue(ctx, placeKey{}, p)
}

// takePlace returns the press's place in chatID once, while nothing has
// been sent yet; nil afterwards or outside a press.
func takePlace(ctx context.Context, chatID int64) *place {
	p, _ := ctx.Value(placeKey{}).(*place)
	if p == nil || p.used || p.chatID != chatID {
		return nil
	}
	p.used = true
	return p
}

// sendInPlace edits the press's message into text and markup when this is
// the first thing the press sends and markup is an inline keyboard; done
// is false when the caller must send a new message instead.
func (b *B) sendInPlace(ctx context.Context, chatID int64, text string, markup models.ReplyMarkup) (done bool, err error) {
	p := takePlace(ctx, chatID)
	kb, inline := markup.(*models.InlineKeyboardMarkup)
	if p == nil || !inline || b.now().Sub(p.sent) > maxEditAge {
		return false, nil
	}
	err = b.edit(ctx, p, text, kb)
	switch {
	case isNotModified(err):
		return true, nil
	case errors.Is(err, tgbot.ErrorBadRequest):
		b.log.Debug("edit in place refused, sending anew", "chat_id", chatID, "err", err)
		return false, nil
	case err != nil:
		return true, err
	}
	return true, b.revoke(ctx, p.group)
}

// edit replaces the text and the inline keyboard of the place's message;
// a nil kb removes the keyboard.
func (b *B) edit(ctx context.Context, p *place, text string, kb *models.InlineKeyboardMarkup) error {
	c := b.client.Load()
	if c == nil {
		return errNoClient
	}
	params := &tgbot.EditMessageTextParams{ChatID: p.chatID, MessageID: p.messageID, Text: text,
		ParseMode: models.ParseModeHTML}
	if kb != nil {
		params.ReplyMarkup = kb
	}
	return b.paced(ctx, p.chatID, func(ctx context.Context) error {
		_, err := c.EditMessageText(ctx, params)
		return err
	})
}

// isNotModified reports Telegram's answer to an edit that changes nothing.
func isNotModified(err error) bool {
	return errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "message is not modified")
}

// pressedMessage is the message a callback query came from, nil when
// Telegram sent it as inaccessible.
func pressedMessage(q *models.CallbackQuery) *models.Message {
	return q.Message.Message
}
