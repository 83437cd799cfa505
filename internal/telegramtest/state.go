package telegramtest

import (
	"sync"
)

// state is everything the emulator remembers, guarded by mu. Waiters never hold
// mu: they take a channel that is closed on the next change, and re-check.
type state struct {
	mu        sync.Mutex
	users     map[int64]*user
	chats     map[int64]*chat
	lastUser  int64
	lastGroup int64

	queue         []queued
	lastUpdate    int64
	queueChanged  chan struct{}
	allowed       []string
	pollGen       int64
	hook          *webhook
	lastHookError hookError

	commands  map[commandKey][]Command
	callbacks map[string]*CallbackAnswer
	lastQuery int64
	files     map[string]*File
	paths     map[string]*File // by the file_path getFile gave
	lastFile  int64
	limiter   *limiter

	faults map[string]*Fault // by lower-case method name
	failed map[string]int    // calls failed by a fault, by method
}

func newState(opt Options) state {
	return state{
		users:        map[int64]*user{},
		chats:        map[int64]*chat{},
		lastUser:     1000000,
		queueChanged: make(chan struct{}),
		commands:     map[commandKey][]Command{},
		callbacks:    map[string]*CallbackAnswer{},
		files:        map[string]*File{},
		paths:        map[string]*File{},
		limiter:      newLimiter(opt.Limits, opt.NoLimits),
		faults:       map[string]*Fault{},
		failed:       map[string]int{},
	}
}

// user is a person the emulator plays, with the state of their private chat
// with the bot.
type user struct {
	User
	started bool // has written to the bot at least once
	blocked bool
}

// Chat types.
const (
	ChatPrivate = "private"
	ChatGroup   = "group"
)

// Chat is a chat with the bot: a user's private chat (its ID is the user's ID)
// or a group (negative ID).
type Chat struct {
	ID     int64   `json:"id"`
	Type   string  `json:"type"`
	Title  string  `json:"title,omitempty"`
	UserID int64   `json:"user_id,omitempty"` // the user of a private chat
	Member []int64 `json:"members,omitempty"` // users of a group
}

// chat is a Chat with its history.
type chat struct {
	Chat
	messages []*Message // messages[i].ID == i+1
	keyboard *ReplyKeyboard
	version  int64
	changed  chan struct{}
	cursor   int // index in messages up to which NextBotMessage has read
	// changes are the bot's messages as sent and as each edit left them, in
	// order; NextBotChange reads them up to changeCursor.
	changes      []Message
	changeCursor int
}

func newChat(c Chat) *chat {
	return &chat{Chat: c, changed: make(chan struct{})}
}

// touch marks a change and wakes everyone waiting on the chat.
func (c *chat) touch() {
	c.version++
	close(c.changed)
	c.changed = make(chan struct{})
}

// add appends m with the chat's next message id.
func (c *chat) add(m *Message) {
	m.ID = len(c.messages) + 1
	m.ChatID = c.ID
	c.messages = append(c.messages, m)
	if m.FromBot {
		c.changes = append(c.changes, *m)
	}
	c.touch()
}

// message is the message with id, nil when there is none or it was deleted.
func (c *chat) message(id int) *Message {
	if id < 1 || id > len(c.messages) || c.messages[id-1].Deleted {
		return nil
	}
	return c.messages[id-1]
}

// snapshot copies the chat's messages; edits replace fields rather than
// mutate shared slices, so a shallow copy of each message is safe to hand out.
func (c *chat) snapshot() []Message {
	out := make([]Message, len(c.messages))
	for i, m := range c.messages {
		out[i] = *m
	}
	return out
}
