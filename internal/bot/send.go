package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
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

// paced runs do under the bot's and the chat's limits. A 429 pauses the
// whole bot for retry_after (every replica) and is tried again; a 403 marks
// the chat blocked.
func (b *B) paced(ctx context.Context, chatID int64, do func(context.Context) error) error {
	var err error
	for try := 0; try < maxSendTries; try++ {
		if err = b.wait(ctx, chatID); err != nil {
			return err
		}
		err = do(ctx)
		var tooMany *tgbot.TooManyRequestsError
		if !errors.As(err, &tooMany) {
			break
		}
		pause := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
		if perr := b.d.Cluster.Limiter.Pause(ctx, sendBotKey, pause); perr != nil {
			return fmt.Errorf("send: pause: %w", perr)
		}
	}
	if errors.Is(err, tgbot.ErrorForbidden) {
		b.markBlocked(ctx, chatID)
	}
	if err != nil {
		return fmt.Errorf("send to chat: %w", err)
	}
	return nil
}

// Keys of the shared send limits; the notification sender uses the same.
const sendBotKey = "send:bot"

// sendChatKey is the limiter key of one chat.
func sendChatKey(chatID int64) string { return "send:chat:" + strconv.FormatInt(chatID, 10) }

// wait takes one send from the bot's and the chat's limits.
func (b *B) wait(ctx context.Context, chatID int64) error {
	if err := b.d.Cluster.Limiter.Wait(ctx, sendBotKey, b.d.BotLimit); err != nil {
		return fmt.Errorf("send: bot limit: %w", err)
	}
	if err := b.d.Cluster.Limiter.Wait(ctx, sendChatKey(chatID), b.d.ChatLimit); err != nil {
		return fmt.Errorf("send: chat limit: %w", err)
	}
	return nil
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
