package telegramtest

import "strconv"

// The Bot API's JSON shapes, as far as the emulator sends them.

type apiUser struct {
	ID            int64  `json:"id"`
	IsBot         bool   `json:"is_bot"`
	FirstName     string `json:"first_name"`
	LastName      string `json:"last_name,omitempty"`
	Username      string `json:"username,omitempty"`
	LanguageCode  string `json:"language_code,omitempty"`
	CanJoinGroups bool   `json:"can_join_groups,omitempty"`
}

type apiChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	Username  string `json:"username,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
}

type apiMessage struct {
	MessageID       int             `json:"message_id"`
	From            *apiUser        `json:"from,omitempty"`
	Chat            apiChat         `json:"chat"`
	Date            int64           `json:"date"`
	EditDate        int64           `json:"edit_date,omitempty"`
	Text            string          `json:"text,omitempty"`
	Entities        []Entity        `json:"entities,omitempty"`
	Caption         string          `json:"caption,omitempty"`
	CaptionEntities []Entity        `json:"caption_entities,omitempty"`
	Document        *apiDocument    `json:"document,omitempty"`
	Photo           []apiPhotoSize  `json:"photo,omitempty"`
	Contact         *Contact        `json:"contact,omitempty"`
	ReplyMarkup     *inlineKeyboard `json:"reply_markup,omitempty"`
}

type inlineKeyboard struct {
	InlineKeyboard [][]InlineButton `json:"inline_keyboard"`
}

type apiDocument struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	MimeType     string `json:"mime_type,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

type apiPhotoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int    `json:"file_size"`
}

type apiCallbackQuery struct {
	ID           string      `json:"id"`
	From         apiUser     `json:"from"`
	Message      *apiMessage `json:"message,omitempty"`
	ChatInstance string      `json:"chat_instance"`
	Data         string      `json:"data,omitempty"`
}

type apiChatMember struct {
	Status    string  `json:"status"`
	User      apiUser `json:"user"`
	UntilDate *int64  `json:"until_date,omitempty"`
}

type apiChatMemberUpdated struct {
	Chat          apiChat       `json:"chat"`
	From          apiUser       `json:"from"`
	Date          int64         `json:"date"`
	OldChatMember apiChatMember `json:"old_chat_member"`
	NewChatMember apiChatMember `json:"new_chat_member"`
}

type apiUpdate struct {
	UpdateID      int64                 `json:"update_id"`
	Message       *apiMessage           `json:"message,omitempty"`
	CallbackQuery *apiCallbackQuery     `json:"callback_query,omitempty"`
	MyChatMember  *apiChatMemberUpdated `json:"my_chat_member,omitempty"`
}

type apiWebhookInfo struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	LastErrorDate        int64    `json:"last_error_date,omitempty"`
	LastErrorMessage     string   `json:"last_error_message,omitempty"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}

func wireUser(u User) apiUser {
	return apiUser{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username, LanguageCode: u.LanguageCode}
}

// wireChatLocked is c as the Bot API shows it.
func (s *Server) wireChatLocked(c *chat) apiChat {
	if c.Type == ChatGroup {
		return apiChat{ID: c.ID, Type: ChatGroup, Title: c.Title}
	}
	u := s.users[c.UserID].User
	return apiChat{ID: c.ID, Type: ChatPrivate, Username: u.Username, FirstName: u.FirstName, LastName: u.LastName}
}

// wireMessageLocked is m as the Bot API shows it.
func (s *Server) wireMessageLocked(c *chat, m *Message) *apiMessage {
	w := &apiMessage{MessageID: m.ID, Chat: s.wireChatLocked(c), Date: m.Date.Unix(), Contact: m.Contact}
	if m.FromBot {
		b := s.botUser()
		w.From = &b
	} else if u, ok := s.users[m.FromID]; ok {
		from := wireUser(u.User)
		w.From = &from
	}
	if m.Edits > 0 {
		w.EditDate = m.EditDate.Unix()
	}
	w.Text, w.Caption = m.Text, m.Caption
	if m.Text != "" {
		w.Entities = m.Entities
	} else {
		w.CaptionEntities = m.Entities
	}
	if m.InlineKeyboard != nil {
		w.ReplyMarkup = &inlineKeyboard{InlineKeyboard: m.InlineKeyboard}
	}
	wireFiles(w, m)
	return w
}

func wireFiles(w *apiMessage, m *Message) {
	if f := m.Document; f != nil {
		w.Document = &apiDocument{FileID: f.ID, FileUniqueID: f.UniqueID, FileName: f.Name, MimeType: f.MimeType, FileSize: f.Size}
	}
	if f := m.Photo; f != nil {
		w.Photo = []apiPhotoSize{{FileID: f.ID, FileUniqueID: f.UniqueID, Width: f.Width, Height: f.Height, FileSize: f.Size}}
	}
}

// chatInstance is the stable chat_instance of a chat's callback queries.
func chatInstance(chatID int64) string {
	return strconv.FormatInt(chatID*7919+104729, 10)
}
