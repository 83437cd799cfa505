package telegramtest

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MaxCallbackAnswer is the longest answerCallbackQuery text, in UTF-16 code units.
const MaxCallbackAnswer = 200

var errQueryInvalid = badRequest("query is too old and response timeout expired or query ID is invalid")

// answerCallbackQuery answers a button press once.
func (s *Server) answerCallbackQuery(_ context.Context, p params) (any, error) {
	text := p.str("text")
	if utf16Len(text) > MaxCallbackAnswer {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.callbacks[p.str("callback_query_id")]
	if !ok || a.Answered {
		return nil, errQueryInvalid
	}
	a.Answered, a.Text, a.ShowAlert, a.URL = true, text, p.boolean("show_alert"), p.str("url")
	if c, ok := s.chats[a.ChatID]; ok {
		c.touch()
	}
	return true, nil
}

// Press presses the inline button with callback data on a bot message, as
// userID, and returns the callback query's id. The message must exist in the
// chat and carry a button with that data.
func (s *Server) Press(userID, chatID int64, messageID int, data string) (string, error) {
	return s.press(userID, chatID, messageID, func(b InlineButton) bool {
		return b.CallbackData != "" && b.CallbackData == data
	})
}

// PressButton presses the inline callback button with text, like Press.
func (s *Server) PressButton(userID, chatID int64, messageID int, text string) (string, error) {
	return s.press(userID, chatID, messageID, func(b InlineButton) bool {
		return b.CallbackData != "" && b.Text == text
	})
}

func (s *Server) press(userID, chatID int64, messageID int, match func(InlineButton) bool) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, c, err := s.actorLocked(userID, chatID)
	if err != nil {
		return "", err
	}
	m := c.message(messageID)
	if m == nil || !m.FromBot {
		return "", fmt.Errorf("press in chat %d: %w", chatID, ErrNoMessage)
	}
	btn, ok := findButton(m.InlineKeyboard, match)
	if !ok {
		return "", fmt.Errorf("press on message %d: %w", messageID, ErrNoButton)
	}
	return s.queryLocked(u, c, m, btn.CallbackData), nil
}

func findButton(rows [][]InlineButton, match func(InlineButton) bool) (InlineButton, bool) {
	for _, row := range rows {
		for _, b := range row {
			if match(b) {
				return b, true
			}
		}
	}
	return InlineButton{}, false
}

// queryLocked records a callback query and sends it to the bot.
func (s *Server) queryLocked(u *user, c *chat, m *Message, data string) string {
	s.lastQuery++
	id := strconv.FormatInt(4000000000000000000+s.lastQuery, 10)
	s.callbacks[id] = &CallbackAnswer{QueryID: id, UserID: u.ID, ChatID: c.ID, MessageID: m.ID, Data: data, Date: s.now()}
	s.enqueueLocked(kindCallback, apiUpdate{CallbackQuery: &apiCallbackQuery{
		ID: id, From: wireUser(u.User), Message: s.wireMessageLocked(c, m), ChatInstance: chatInstance(c.ID), Data: data,
	}})
	return id
}

// CallbackAnswer is the press with queryID and its answer so far.
func (s *Server) CallbackAnswer(queryID string) (CallbackAnswer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.callbacks[queryID]
	if !ok {
		return CallbackAnswer{}, false
	}
	return *a, true
}

// Callbacks are the presses in a chat, oldest first, with their answers so far.
func (s *Server) Callbacks(chatID int64) []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callbacksLocked(chatID)
}

func (s *Server) callbacksLocked(chatID int64) []CallbackAnswer {
	var out []CallbackAnswer
	for _, a := range s.callbacks {
		if a.ChatID == chatID {
			out = append(out, *a)
		}
	}
	slices.SortFunc(out, func(a, b CallbackAnswer) int { return strings.Compare(a.QueryID, b.QueryID) })
	return out
}

// WaitCallbackAnswer blocks until the bot answers the press with queryID or ctx ends.
func (s *Server) WaitCallbackAnswer(ctx context.Context, queryID string) (CallbackAnswer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		a, ok := s.callbacks[queryID]
		if !ok {
			return CallbackAnswer{}, fmt.Errorf("wait callback answer %s: %w", queryID, ErrNoQuery)
		}
		if a.Answered {
			return *a, nil
		}
		if err := s.waitChatLocked(ctx, s.chats[a.ChatID]); err != nil {
			return *a, fmt.Errorf("wait callback answer %s: %w", queryID, err)
		}
	}
}
