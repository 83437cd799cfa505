package telegramtest

import (
	"context"
	"fmt"
)

// ChatView is everything a chat page shows of a chat.
type ChatView struct {
	Chat     Chat           `json:"chat"`
	Version  int64          `json:"version"` // grows with every change
	Blocked  bool           `json:"blocked,omitempty"`
	Messages []Message      `json:"messages"`
	Keyboard *ReplyKeyboard `json:"keyboard,omitempty"`
	// Callbacks are the button presses and the bot's answers (toasts and alerts).
	Callbacks []CallbackAnswer `json:"callbacks,omitempty"`
	Commands  []Command        `json:"commands,omitempty"` // the menu of the chat's user
}

// Messages are all messages of a chat, the users' and the bot's, with edits
// applied and deleted ones marked; nil for an unknown chat.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return nil
	}
	return c.snapshot()
}

// BotMessages are the bot's messages in a chat that are not deleted.
func (s *Server) BotMessages(chatID int64) []Message {
	var out []Message
	for _, m := range s.Messages(chatID) {
		if m.FromBot && !m.Deleted {
			out = append(out, m)
		}
	}
	return out
}

// Chat is the chat with id.
func (s *Server) Chat(chatID int64) (Chat, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return Chat{}, false
	}
	return c.Chat, true
}

// View is the chat as its page shows it.
func (s *Server) View(chatID int64) (ChatView, error) {
	s.mu.Lock()
	c, ok := s.chats[chatID]
	if !ok {
		s.mu.Unlock()
		return ChatView{}, fmt.Errorf("view chat %d: %w", chatID, ErrNoChat)
	}
	v := ChatView{Chat: c.Chat, Version: c.version, Messages: c.snapshot(), Keyboard: c.keyboard, Callbacks: s.callbacksLocked(chatID)}
	if u, ok := s.users[c.UserID]; ok {
		v.Blocked = u.blocked
	}
	s.mu.Unlock()
	if v.Chat.Type == ChatPrivate {
		v.Commands = s.CommandsFor(chatID, v.Chat.UserID)
	}
	return v, nil
}

// WaitVersion blocks until the chat's version is above after (or ctx ends)
// and returns its view: a chat page's long poll.
func (s *Server) WaitVersion(ctx context.Context, chatID, after int64) (ChatView, error) {
	s.mu.Lock()
	c, ok := s.chats[chatID]
	for ok && c.version <= after {
		if err := s.waitChatLocked(ctx, c); err != nil {
			break
		}
	}
	s.mu.Unlock()
	return s.View(chatID)
}

// waitChatLocked releases mu until c changes or ctx ends.
func (s *Server) waitChatLocked(ctx context.Context, c *chat) error {
	if c == nil {
		return ErrNoChat
	}
	changed := c.changed
	s.mu.Unlock()
	defer s.mu.Lock()
	select {
	case <-changed:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-s.done:
		return fmt.Errorf("emulator closed")
	}
}

// NextBotMessage returns the bot's next message in the chat that this method
// has not returned yet, in order, waiting for it until ctx ends. Messages
// deleted before they are read are skipped.
func (s *Server) NextBotMessage(ctx context.Context, chatID int64) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return Message{}, fmt.Errorf("next bot message in %d: %w", chatID, ErrNoChat)
	}
	for {
		for ; c.cursor < len(c.messages); c.cursor++ {
			if m := c.messages[c.cursor]; m.FromBot && !m.Deleted {
				c.cursor++
				return *m, nil
			}
		}
		if err := s.waitChatLocked(ctx, c); err != nil {
			return Message{}, fmt.Errorf("next bot message in %d: %w", chatID, err)
		}
	}
}

// NextBotChange returns the bot's next message or edit in the chat that this
// method has not returned yet, in order, waiting for it until ctx ends: a
// sent message as it was sent, an edited one as that edit left it (Edits
// above zero, the same ID). Messages deleted since are skipped. It reads
// apart from NextBotMessage, which sees new messages only.
func (s *Server) NextBotChange(ctx context.Context, chatID int64) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return Message{}, fmt.Errorf("next bot change in %d: %w", chatID, ErrNoChat)
	}
	for {
		for ; c.changeCursor < len(c.changes); c.changeCursor++ {
			if m := c.changes[c.changeCursor]; c.message(m.ID) != nil {
				c.changeCursor++
				return m, nil
			}
		}
		if err := s.waitChatLocked(ctx, c); err != nil {
			return Message{}, fmt.Errorf("next bot change in %d: %w", chatID, err)
		}
	}
}

// WaitChat blocks until cond holds for the chat's messages (or ctx ends) and
// returns them. cond runs with the emulator locked: it must not call the Server.
func (s *Server) WaitChat(ctx context.Context, chatID int64, cond func([]Message) bool) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats[chatID]
	if !ok {
		return nil, fmt.Errorf("wait chat %d: %w", chatID, ErrNoChat)
	}
	for {
		msgs := c.snapshot()
		if cond(msgs) {
			return msgs, nil
		}
		if err := s.waitChatLocked(ctx, c); err != nil {
			return msgs, fmt.Errorf("wait chat %d: %w", chatID, err)
		}
	}
}
