package telegramtest

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Errors of the user side, matched with errors.Is.
var (
	// ErrNoUser: no user has that id.
	ErrNoUser = errors.New("no such user")
	// ErrUserExists: AddUser with an id already taken.
	ErrUserExists = errors.New("user already exists")
	// ErrNoChat: no chat has that id, or the user is not in it.
	ErrNoChat = errors.New("no such chat")
	// ErrNoMessage: the chat has no such bot message (or it was deleted).
	ErrNoMessage = errors.New("no such message")
	// ErrNoButton: the message or keyboard has no such button.
	ErrNoButton = errors.New("no such button")
	// ErrNoQuery: no callback query has that id.
	ErrNoQuery = errors.New("no such callback query")
	// ErrBlocked: the user blocked the bot; Start (the app's "Restart") or Unblock first.
	ErrBlocked = errors.New("the user blocked the bot")
	// ErrBadPayload: a deep-link payload Telegram would not pass on.
	ErrBadPayload = errors.New("start payload must be 1-64 characters of A-Z a-z 0-9 _ -")
	// ErrBadText: empty text, or text that is not UTF-8.
	ErrBadText = errors.New("text must be non-empty UTF-8")
)

// payloadRE is what Telegram passes on from t.me/<bot>?start=<payload>.
var payloadRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// AddUser adds a user and their private chat with the bot. A zero ID gets the
// next free one; an empty FirstName gets "User <id>".
func (s *Server) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.ID == 0 {
		for s.lastUser++; s.users[s.lastUser] != nil; s.lastUser++ {
		}
		u.ID = s.lastUser
	}
	if _, ok := s.users[u.ID]; ok || u.ID < 0 {
		return User{}, fmt.Errorf("add user %d: %w", u.ID, ErrUserExists)
	}
	if u.FirstName == "" {
		u.FirstName = "User " + strconv.FormatInt(u.ID, 10)
	}
	s.users[u.ID] = &user{User: u}
	s.chats[u.ID] = newChat(Chat{ID: u.ID, Type: ChatPrivate, UserID: u.ID})
	return u, nil
}

// User is the user with id.
func (s *Server) User(id int64) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok {
		return User{}, false
	}
	return u.User, true
}

// Users are all users, by id.
func (s *Server) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u.User)
	}
	slices.SortFunc(out, func(a, b User) int { return cmpInt(a.ID, b.ID) })
	return out
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// AddGroup adds a group chat with the bot and the given members.
func (s *Server) AddGroup(title string, members ...int64) (Chat, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range members {
		if _, ok := s.users[id]; !ok {
			return Chat{}, fmt.Errorf("add group: user %d: %w", id, ErrNoUser)
		}
	}
	s.lastGroup++
	c := newChat(Chat{ID: -1000 - s.lastGroup, Type: ChatGroup, Title: title, Member: slices.Clone(members)})
	s.chats[c.ID] = c
	return c.Chat, nil
}

// actorLocked is userID acting in chatID: both exist, the user is the private
// chat's user or a group member, and has not blocked the bot.
func (s *Server) actorLocked(userID, chatID int64) (*user, *chat, error) {
	u, ok := s.users[userID]
	if !ok {
		return nil, nil, fmt.Errorf("user %d: %w", userID, ErrNoUser)
	}
	c, ok := s.chats[chatID]
	if !ok || c.Type == ChatPrivate && c.UserID != userID || c.Type == ChatGroup && !slices.Contains(c.Member, userID) {
		return nil, nil, fmt.Errorf("user %d in chat %d: %w", userID, chatID, ErrNoChat)
	}
	if c.Type == ChatPrivate && u.blocked {
		return nil, nil, fmt.Errorf("user %d: %w", userID, ErrBlocked)
	}
	return u, c, nil
}

// userPostLocked adds a user's message to a chat and sends it to the bot.
func (s *Server) userPostLocked(u *user, c *chat, m *Message) Message {
	m.FromID, m.Date = u.ID, s.now()
	if c.Type == ChatPrivate {
		u.started = true
	}
	c.add(m)
	s.enqueueLocked(kindMessage, apiUpdate{Message: s.wireMessageLocked(c, m)})
	return *m
}

// SendText sends text from userID to the bot in their private chat; a text
// starting with / carries a bot_command entity, as in Telegram.
func (s *Server) SendText(userID int64, text string) (Message, error) {
	return s.SendGroupText(userID, userID, text)
}

// SendGroupText sends text from userID in chatID (a group they are in, or their private chat).
func (s *Server) SendGroupText(chatID, userID int64, text string) (Message, error) {
	if text == "" || !utf8.ValidString(text) {
		return Message{}, fmt.Errorf("send text: %w", ErrBadText)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, c, err := s.actorLocked(userID, chatID)
	if err != nil {
		return Message{}, fmt.Errorf("send text: %w", err)
	}
	return s.userPostLocked(u, c, &Message{Text: text, Entities: commandEntities(text)}), nil
}

// Start sends /start (with the deep-link payload, if any) as if the user
// opened t.me/<bot>?start=<payload>. A user who blocked the bot unblocks it
// first, as the app's Restart button does.
func (s *Server) Start(userID int64, payload string) (Message, error) {
	if payload != "" && !payloadRE.MatchString(payload) {
		return Message{}, fmt.Errorf("start: %w", ErrBadPayload)
	}
	if err := s.Unblock(userID); err != nil {
		return Message{}, fmt.Errorf("start: %w", err)
	}
	text := "/start"
	if payload != "" {
		text += " " + payload
	}
	return s.SendText(userID, text)
}

// ShareContact shares the user's own contact (their Phone) in their private
// chat, as a request_contact button does: contact.user_id is the sender.
func (s *Server) ShareContact(userID int64) (Message, error) {
	u, ok := s.User(userID)
	if !ok {
		return Message{}, fmt.Errorf("share contact: user %d: %w", userID, ErrNoUser)
	}
	return s.SendContact(userID, Contact{PhoneNumber: u.Phone, FirstName: u.FirstName, LastName: u.LastName, UserID: u.ID})
}

// SendContact sends any contact card, someone else's too, as the attachment
// menu allows; the bot must check contact.user_id itself.
func (s *Server) SendContact(userID int64, ct Contact) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, c, err := s.actorLocked(userID, userID)
	if err != nil {
		return Message{}, fmt.Errorf("send contact: %w", err)
	}
	return s.userPostLocked(u, c, &Message{Contact: &ct}), nil
}

// PressKeyboard presses the reply keyboard button with text in the user's
// private chat: a request_contact button shares the contact, others send their text.
func (s *Server) PressKeyboard(userID int64, text string) (Message, error) {
	s.mu.Lock()
	k := s.keyboardLocked(userID)
	s.mu.Unlock()
	for _, row := range keyboardRows(k) {
		for _, b := range row {
			if b.Text != text {
				continue
			}
			if b.RequestContact {
				return s.ShareContact(userID)
			}
			return s.SendText(userID, text)
		}
	}
	return Message{}, fmt.Errorf("press keyboard %q: %w", text, ErrNoButton)
}

func keyboardRows(k *ReplyKeyboard) [][]KeyboardButton {
	if k == nil {
		return nil
	}
	return k.Keyboard
}

func (s *Server) keyboardLocked(chatID int64) *ReplyKeyboard {
	if c, ok := s.chats[chatID]; ok {
		return c.keyboard
	}
	return nil
}

// Keyboard is the reply keyboard the chat shows now, nil when none.
func (s *Server) Keyboard(chatID int64) *ReplyKeyboard {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keyboardLocked(chatID)
}
