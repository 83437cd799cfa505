package telegramtest

import "time"

// User is a Telegram user the emulator plays.
type User struct {
	ID           int64  `json:"id"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name,omitempty"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
	// Phone is what ShareContact sends, verbatim: Telegram sends it with or
	// without the leading '+', so tests can exercise both.
	Phone string `json:"phone,omitempty"`
}

// Message is a message in a chat as the user sees it now: bot messages with
// edits applied and deletions marked, and the users' own messages.
type Message struct {
	ID      int       `json:"message_id"`
	ChatID  int64     `json:"chat_id"`
	FromBot bool      `json:"from_bot"`
	FromID  int64     `json:"from_id"`
	Date    time.Time `json:"date"`
	// Text is what the user reads: markup parsed away.
	Text string `json:"text,omitempty"`
	// Caption is the plain caption of a document or photo.
	Caption string `json:"caption,omitempty"`
	// Source is the text or caption as the bot sent it, markup included.
	Source    string `json:"source,omitempty"`
	ParseMode string `json:"parse_mode,omitempty"`
	// Entities of Text or Caption, offsets in UTF-16 code units.
	Entities       []Entity         `json:"entities,omitempty"`
	InlineKeyboard [][]InlineButton `json:"inline_keyboard,omitempty"`
	// ReplyKeyboard is the keyboard this message showed; RemoveKeyboard that it removed one.
	ReplyKeyboard  *ReplyKeyboard `json:"reply_keyboard,omitempty"`
	RemoveKeyboard bool           `json:"remove_keyboard,omitempty"`
	Document       *File          `json:"document,omitempty"`
	Photo          *File          `json:"photo,omitempty"`
	Contact        *Contact       `json:"contact,omitempty"`
	Edits          int            `json:"edits,omitempty"`
	EditDate       time.Time      `json:"edit_date,omitzero"`
	Deleted        bool           `json:"deleted,omitempty"`
}

// Entity is a message entity; Offset and Length count UTF-16 code units.
type Entity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

// InlineButton is a button of an inline keyboard.
type InlineButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

// KeyboardButton is a button of a reply keyboard.
type KeyboardButton struct {
	Text            string `json:"text"`
	RequestContact  bool   `json:"request_contact,omitempty"`
	RequestLocation bool   `json:"request_location,omitempty"`
}

// ReplyKeyboard is a custom keyboard shown instead of the user's letters.
type ReplyKeyboard struct {
	Keyboard              [][]KeyboardButton `json:"keyboard"`
	IsPersistent          bool               `json:"is_persistent,omitempty"`
	ResizeKeyboard        bool               `json:"resize_keyboard,omitempty"`
	OneTimeKeyboard       bool               `json:"one_time_keyboard,omitempty"`
	InputFieldPlaceholder string             `json:"input_field_placeholder,omitempty"`
}

// Contact is a shared phone contact.
type Contact struct {
	PhoneNumber string `json:"phone_number"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name,omitempty"`
	UserID      int64  `json:"user_id,omitempty"`
}

// File is an uploaded document or photo; Data holds its bytes.
type File struct {
	ID       string `json:"file_id"`
	UniqueID string `json:"file_unique_id"`
	Name     string `json:"file_name,omitempty"`
	MimeType string `json:"mime_type,omitempty"`
	Size     int    `json:"file_size"`
	Width    int    `json:"width,omitempty"`
	Height   int    `json:"height,omitempty"`
	Data     []byte `json:"-"`
	path     string // the file_path getFile gave; "" before
}

// CallbackAnswer is a button press and, once the bot answered it, the answer.
type CallbackAnswer struct {
	QueryID   string    `json:"callback_query_id"`
	UserID    int64     `json:"user_id"`
	ChatID    int64     `json:"chat_id"`
	MessageID int       `json:"message_id"`
	Data      string    `json:"data"`
	Date      time.Time `json:"date"`
	Answered  bool      `json:"answered"`
	Text      string    `json:"text,omitempty"`
	ShowAlert bool      `json:"show_alert,omitempty"`
	URL       string    `json:"url,omitempty"`
}
