package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/telegram"
)

// maxSendTries bounds the attempts of one send that Telegram answers 429.
const maxSendTries = 3

// errNoClient is returned when the bot sends before Attach.
var errNoClient = errors.New("bot: not attached to telegram")

// send sends HTML text with optional markup to chatID, pacing it by the
// shared limits, retrying after a 429 and marking the chat blocked on 403.
// The first message of a button press replaces the pressed one (place.go).
func (b *B) send(ctx context.Context, chatID int64, text string, markup models.ReplyMarkup) error {
	if done, err := b.sendInPlace(ctx, chatID, text, markup); done {
		return err
	}
	c := b.client.Load()
	if c == nil {
		return errNoClient
	}
	p := &tgbot.SendMessageParams{ChatID: chatID, Text: text, ParseMode: models.ParseModeHTML, ReplyMarkup: markup}
	return b.paced(ctx, chatID, func(ctx context.Context) error {
		_, err := c.SendMessage(ctx, p)
		return err
	})
}

// sendDocument sends a file with an HTML caption to chatID, like send.
func (b *B) sendDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) error {
	takePlace(ctx, chatID) // a document goes below: nothing after it in place
	c := b.client.Load()
	if c == nil {
		return errNoClient
	}
	return b.paced(ctx, chatID, func(ctx context.Context) error {
		_, err := c.SendDocument(ctx, &tgbot.SendDocumentParams{
			ChatID: chatID, Caption: caption, ParseMode: models.ParseModeHTML,
			Document: &models.InputFileUpload{Filename: name, Data: bytes.NewReader(data)},
		})
		return err
	})
}

// paced runs do under the bot's and the chat's limits, through the pacer
// the notices share (internal/notify/telegram). A 429 pauses the whole bot
// for retry_after (every replica) and is tried again; a 403 marks the chat
// blocked.
func (b *B) paced(ctx context.Context, chatID int64, do func(context.Context) error) error {
	pacer := b.pacer()
	var err error
	for try := 0; try < maxSendTries; try++ {
		err = pacer.Send(ctx, chatID, do)
		var retry *notify.RetryAfterError
		if !errors.As(err, &retry) {
			break
		}
	}
	if errors.Is(err, notify.ErrBlocked) {
		b.markBlocked(ctx, chatID)
	}
	if err != nil {
		return fmt.Errorf("send to chat: %w", err)
	}
	return nil
}

// pacer returns the shared pacer on the bot's limits; it holds no state, the
// cluster limiter does.
func (b *B) pacer() *telegram.Pacer {
	limits := telegram.Limits{Bot: b.d.BotLimit, Chat: b.d.ChatLimit, Group: b.d.GroupLimit}
	return telegram.NewPacer(b.d.Cluster.Limiter, limits, telegram.WithLog(b.log))
}

// markBlocked records that the user blocked the bot.
func (b *B) markBlocked(ctx context.Context, chatID int64) {
	if err := b.d.Store.MarkChatBlocked(ctx, chatID, true); err != nil {
		b.log.Warn("mark chat blocked", "chat_id", chatID, "err", err)
		return
	}
	b.log.Info("chat blocked the bot", "chat_id", chatID)
}

// answer answers a callback query, with a short text when not empty.
func (b *B) answer(ctx context.Context, queryID, text string) {
	c := b.client.Load()
	if c == nil {
		return
	}
	if _, err := c.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: queryID, Text: text}); err != nil {
		b.log.Debug("answer callback", "err", err)
	}
}
