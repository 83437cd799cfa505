package telegramtest

import "fmt"

// Member statuses of the bot in a private chat, as my_chat_member reports them.
const (
	statusMember = "member"
	statusKicked = "kicked"
)

// Block blocks the bot: the bot's messages to the user get 403 "Forbidden:
// bot was blocked by the user", and the bot gets a my_chat_member update.
func (s *Server) Block(userID int64) error {
	return s.setBlocked(userID, true)
}

// Unblock undoes Block; the bot gets a my_chat_member update. Unblocking a
// user who has not blocked the bot does nothing.
func (s *Server) Unblock(userID int64) error {
	return s.setBlocked(userID, false)
}

func (s *Server) setBlocked(userID int64, blocked bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[userID]
	if !ok {
		return fmt.Errorf("block: user %d: %w", userID, ErrNoUser)
	}
	if u.blocked == blocked {
		return nil
	}
	u.blocked = blocked
	c := s.chats[userID]
	c.touch()
	old, now := statusMember, statusKicked
	if !blocked {
		old, now = now, old
	}
	s.enqueueLocked(kindMyChatMember, apiUpdate{MyChatMember: &apiChatMemberUpdated{
		Chat: s.wireChatLocked(c), From: wireUser(u.User), Date: s.now().Unix(),
		OldChatMember: s.botMember(old), NewChatMember: s.botMember(now),
	}})
	return nil
}

func (s *Server) botMember(status string) apiChatMember {
	m := apiChatMember{Status: status, User: s.botUser()}
	if status == statusKicked {
		var forever int64
		m.UntilDate = &forever
	}
	return m
}

// Blocked tells whether userID has blocked the bot.
func (s *Server) Blocked(userID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[userID]
	return ok && u.blocked
}
