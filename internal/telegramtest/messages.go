package telegramtest

import (
	"context"
	"slices"
	"time"
)

// MaxDeleteAge is how old a message the bot may still delete.
const MaxDeleteAge = 48 * time.Hour

// MaxEditAge is how old a message the bot may still edit. Telegram documents
// the 48 hours for deletions (and for business messages); the emulator holds
// edits to them too, so that a bot copes with "message can't be edited".
const MaxEditAge = 48 * time.Hour

// sendMessage posts a text message.
func (s *Server) sendMessage(_ context.Context, p params) (any, error) {
	chatID, err := p.chatID()
	if err != nil {
		return nil, err
	}
	b, err := parseBody(p, messageText)
	if err != nil {
		return nil, err
	}
	mk, err := parseMarkup(p)
	if err != nil {
		return nil, err
	}
	m := &Message{Text: b.text, Source: b.source, ParseMode: b.parseMode, Entities: b.entities}
	applyMarkup(m, mk)
	return s.botPost(chatID, m)
}

func applyMarkup(m *Message, mk markup) {
	m.InlineKeyboard, m.ReplyKeyboard, m.RemoveKeyboard = mk.inline, mk.reply, mk.remove
}

// botPost adds a bot message to a chat after the 400, 403 and 429 checks.
func (s *Server) botPost(chatID int64, m *Message) (*apiMessage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.botChatLocked(chatID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if wait := s.limiter.allow(c.ID, c.Type == ChatGroup, now); wait > 0 {
		return nil, tooManyRequests(retryAfter(wait))
	}
	m.FromBot, m.FromID, m.Date = true, s.botID, now
	switch {
	case m.ReplyKeyboard != nil:
		c.keyboard = m.ReplyKeyboard
	case m.RemoveKeyboard:
		c.keyboard = nil
	}
	c.add(m)
	return s.wireMessageLocked(c, m), nil
}

// botChatLocked is the chat the bot writes to: it exists, and a private
// chat's user has started the bot and not blocked it.
func (s *Server) botChatLocked(chatID int64) (*chat, error) {
	c, ok := s.chats[chatID]
	if !ok {
		return nil, errChatNotFound
	}
	if c.Type != ChatPrivate {
		return c, nil
	}
	switch u := s.users[c.UserID]; {
	case u.blocked:
		return nil, errBlocked
	case !u.started:
		return nil, errCantInitiate
	}
	return c, nil
}

// editTarget is the bot message an edit method names.
func (s *Server) editTargetLocked(p params) (*chat, *Message, error) {
	if p.str("inline_message_id") != "" {
		return nil, nil, badRequest("MESSAGE_ID_INVALID")
	}
	chatID, err := p.chatID()
	if err != nil {
		return nil, nil, err
	}
	id, err := p.messageID()
	if err != nil {
		return nil, nil, err
	}
	c, err := s.botChatLocked(chatID)
	if err != nil {
		return nil, nil, err
	}
	m := c.message(id)
	if m == nil {
		return nil, nil, badRequest("message to edit not found")
	}
	if !m.FromBot || s.now().Sub(m.Date) > MaxEditAge {
		return nil, nil, errCantEdit
	}
	return c, m, nil
}

// editMessageText replaces a bot message's text; without reply_markup the
// inline keyboard goes, as in Telegram.
func (s *Server) editMessageText(_ context.Context, p params) (any, error) {
	b, err := parseBody(p, messageText)
	if err != nil {
		return nil, err
	}
	mk, err := inlineOnly(p)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, err := s.editTargetLocked(p)
	if err != nil {
		return nil, err
	}
	if m.Text == "" {
		return nil, badRequest("there is no text in the message to edit")
	}
	if m.Text == b.text && slices.Equal(m.Entities, b.entities) && sameKeyboard(m.InlineKeyboard, mk.inline) {
		return nil, errNotModified
	}
	m.Text, m.Source, m.ParseMode, m.Entities, m.InlineKeyboard = b.text, b.source, b.parseMode, b.entities, mk.inline
	return s.editedLocked(c, m), nil
}

var errCantEdit = badRequest("message can't be edited")

var errNotModified = badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")

// inlineOnly reads a reply_markup that must be an inline keyboard, if any.
func inlineOnly(p params) (markup, error) {
	mk, err := parseMarkup(p)
	if err == nil && mk.given && mk.inline == nil {
		err = badRequest("inline keyboard expected")
	}
	return mk, err
}

func sameKeyboard(a, b [][]InlineButton) bool {
	return slices.EqualFunc(a, b, func(x, y []InlineButton) bool { return slices.Equal(x, y) })
}

// editedLocked stamps an edit and returns the message as the Bot API shows it.
func (s *Server) editedLocked(c *chat, m *Message) *apiMessage {
	m.Edits++
	m.EditDate = s.now()
	c.changes = append(c.changes, *m)
	c.touch()
	return s.wireMessageLocked(c, m)
}

// editMessageReplyMarkup replaces (or, without reply_markup, removes) the inline keyboard.
func (s *Server) editMessageReplyMarkup(_ context.Context, p params) (any, error) {
	mk, err := inlineOnly(p)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, err := s.editTargetLocked(p)
	if err != nil {
		return nil, err
	}
	if sameKeyboard(m.InlineKeyboard, mk.inline) {
		return nil, errNotModified
	}
	m.InlineKeyboard = mk.inline
	return s.editedLocked(c, m), nil
}

// deleteMessage deletes a message younger than MaxDeleteAge.
func (s *Server) deleteMessage(_ context.Context, p params) (any, error) {
	chatID, err := p.chatID()
	if err != nil {
		return nil, err
	}
	id, err := p.messageID()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return nil, errChatNotFound
	}
	m := c.message(id)
	switch {
	case m == nil:
		return nil, badRequest("message to delete not found")
	case s.now().Sub(m.Date) > MaxDeleteAge:
		return nil, badRequest("message can't be deleted")
	}
	m.Deleted = true
	c.touch()
	return true, nil
}
