package telegram

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/notify"
)

// MaxCallbackData is the longest callback data Telegram accepts, in bytes.
const MaxCallbackData = 64

// Channel is notify's Telegram channel: a notice's text (split when too
// long), its buttons under the last part, and each file as a document, all
// through the shared Pacer.
type Channel struct {
	client *tgbot.Bot
	pacer  *Pacer
}

// NewChannel returns the channel sending through client at pacer's pace.
func NewChannel(client *tgbot.Bot, pacer *Pacer) *Channel {
	return &Channel{client: client, pacer: pacer}
}

// Name implements notify.Channel.
func (c *Channel) Name() string { return "telegram" }

// Send implements notify.Channel: to.To is the chat id in decimal. A
// message in several parts, or with files, is several sends; when one fails
// the parts before it have gone, and a retry sends them again.
func (c *Channel) Send(ctx context.Context, to notify.Address, m notify.Message) error {
	chatID, err := strconv.ParseInt(to.To, 10, 64)
	if err != nil || chatID == 0 {
		return fmt.Errorf("%w: telegram: chat id %q is not a number", notify.ErrUndeliverable, to.To)
	}
	parts, markup, err := prepare(m)
	if err != nil {
		return err
	}
	for i, part := range parts {
		if err := c.sendText(ctx, chatID, part, markupOf(markup, i == len(parts)-1)); err != nil {
			return err
		}
	}
	for _, f := range m.Files {
		if err := c.sendFile(ctx, chatID, f); err != nil {
			return err
		}
	}
	return nil
}

// prepare checks m and returns its text parts and its keyboard.
func prepare(m notify.Message) ([]string, *models.InlineKeyboardMarkup, error) {
	markup, err := keyboard(m.Buttons)
	if err != nil {
		return nil, nil, err
	}
	if m.HTML == "" && len(m.Files) == 0 {
		return nil, nil, fmt.Errorf("%w: telegram: an empty message", notify.ErrUndeliverable)
	}
	if m.HTML == "" && markup != nil {
		return nil, nil, fmt.Errorf("%w: telegram: buttons without a text", notify.ErrUndeliverable)
	}
	parts, err := Split(m.HTML, MaxText)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: telegram: %w", notify.ErrUndeliverable, err)
	}
	return parts, markup, nil
}

// markupOf returns kb for the last part and nothing for the others.
func markupOf(kb *models.InlineKeyboardMarkup, last bool) models.ReplyMarkup {
	if !last || kb == nil {
		return nil
	}
	return kb
}

// keyboard returns the inline keyboard of rows, nil when there is none.
func keyboard(rows [][]notify.Button) (*models.InlineKeyboardMarkup, error) {
	var kb [][]models.InlineKeyboardButton
	for _, row := range rows {
		var out []models.InlineKeyboardButton
		for _, b := range row {
			btn, err := button(b)
			if err != nil {
				return nil, err
			}
			out = append(out, btn)
		}
		if len(out) > 0 {
			kb = append(kb, out)
		}
	}
	if len(kb) == 0 {
		return nil, nil
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: kb}, nil
}

// button returns b as an inline button: a callback or a link, not both.
func button(b notify.Button) (models.InlineKeyboardButton, error) {
	switch {
	case b.Text == "" || (b.Data == "") == (b.URL == ""):
		return models.InlineKeyboardButton{}, fmt.Errorf("%w: telegram: button %q needs a text and either data or a link", notify.ErrUndeliverable, b.Text)
	case len(b.Data) > MaxCallbackData:
		return models.InlineKeyboardButton{}, fmt.Errorf("%w: telegram: button %q has %d bytes of callback data, at most %d", notify.ErrUndeliverable, b.Text, len(b.Data), MaxCallbackData)
	}
	return models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data, URL: b.URL}, nil
}

// sendText sends one HTML part.
func (c *Channel) sendText(ctx context.Context, chatID int64, text string, markup models.ReplyMarkup) error {
	p := &tgbot.SendMessageParams{ChatID: chatID, Text: text, ParseMode: models.ParseModeHTML, ReplyMarkup: markup}
	return c.pacer.Send(ctx, chatID, func(ctx context.Context) error {
		_, err := c.client.SendMessage(ctx, p)
		return err
	})
}

// sendFile sends one file as a document.
func (c *Channel) sendFile(ctx context.Context, chatID int64, f notify.File) error {
	return c.pacer.Send(ctx, chatID, func(ctx context.Context) error {
		_, err := c.client.SendDocument(ctx, &tgbot.SendDocumentParams{ChatID: chatID,
			Document: &models.InputFileUpload{Filename: f.Name, Data: bytes.NewReader(f.Data)}})
		return err
	})
}
